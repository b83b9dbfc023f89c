import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck, IconShieldCheck } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import QRCode from "qrcode";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.ts";
import { describeError, reportFailure } from "../errors.ts";
import { validators } from "../forms.ts";
import { Page } from "../Page.tsx";
import { PasswordField } from "../PasswordField.tsx";
import { sessionKey, useSession } from "../session.ts";

type Enrolment = { totpURI: string; backupCodes: string[] };

/** The secret of an otpauth:// address, in groups of four for typing it by hand. */
function manualKey(totpURI: string): string {
  try {
    const secret = new URL(totpURI).searchParams.get("secret") ?? "";
    return secret.replace(/(.{4})/g, "$1 ").trim();
  } catch {
    return "";
  }
}

function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

/**
 * Two-factor setup: the password unlocks a new secret, shown as a QR code and as a key to type,
 * with one-time backup codes; a code from the app confirms it, and only then is it required at
 * sign-in. With two-factor on, the password turns it off.
 */
export function TwoFactorPage() {
  const { t } = useTranslation("shell");
  const { account } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [justEnabled, setJustEnabled] = useState(false);
  const enabled = account?.twoFactorEnabled === true;

  let content: ReactNode;
  if (enrolment) {
    content = (
      <ConfirmStep
        enrolment={enrolment}
        onConfirmed={() => {
          setEnrolment(null);
          setJustEnabled(true);
        }}
      />
    );
  } else if (enabled || justEnabled) {
    content = (
      <Stack gap="md">
        <Alert color="teal" icon={<IconShieldCheck aria-hidden />}>
          {justEnabled ? t("twoFactor.nowOn") : t("twoFactor.isOn")}
        </Alert>
        <DisableForm onDisabled={() => setJustEnabled(false)} />
      </Stack>
    );
  } else {
    content = <EnableForm onEnrolled={setEnrolment} />;
  }
  return (
    <Page title={t("twoFactor.title")}>
      <Paper withBorder p="lg" radius="md" maw={640}>
        {content}
      </Paper>
    </Page>
  );
}

function EnableForm({ onEnrolled }: { onEnrolled: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation("shell");
  const check = validators(t);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: "" }, validate: { password: check.required } });
  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      onEnrolled(await api.post<Enrolment>("/api/auth/two-factor/enable", { password }));
    } catch (caught) {
      setError(reportFailure(t, caught, form));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("twoFactor.enable")}>
      <Stack gap="sm">
        <Text>{t("twoFactor.intro")}</Text>
        <ErrorAlert message={error} />
        <PasswordField
          label={t("fields.currentPassword")}
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("twoFactor.enable")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfirmStep({ enrolment, onConfirmed }: { enrolment: Enrolment; onConfirmed: () => void }) {
  const { t } = useTranslation("shell");
  const check = validators(t);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const qr = useQuery({
    queryKey: ["totp-qr", enrolment.totpURI],
    queryFn: () => QRCode.toDataURL(enrolment.totpURI, { margin: 1, width: 200 }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const key = manualKey(enrolment.totpURI);
  const codes = enrolment.backupCodes.join("\n");
  const form = useForm({ initialValues: { code: "" }, validate: { code: check.code } });
  const submit = form.onSubmit(async ({ code }) => {
    setError(null);
    try {
      await api.post("/api/auth/two-factor/verify-totp", { code: code.replace(/\s+/g, "") });
      await client.invalidateQueries({ queryKey: sessionKey });
      onConfirmed();
    } catch (caught) {
      setError(describeError(t, caught));
    }
  });
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap="xs" align="center">
          <Text fw={600}>{t("twoFactor.scan")}</Text>
          {qr.data ? (
            <Image src={qr.data} alt={t("twoFactor.qrAlt")} w={200} h={200} data-testid="totp-qr" />
          ) : null}
        </Stack>
        <Stack gap="xs">
          <Text fw={600}>{t("twoFactor.manual")}</Text>
          <Code block dir="ltr" className="totp-key" data-testid="totp-key">
            {key}
          </Code>
          <CopyButton value={key.replace(/\s+/g, "")}>
            {({ copied, copy }) => (
              <Group>
                <Button variant="light" size="xs" onClick={copy}>
                  {copied ? t("copied") : t("copy")}
                </Button>
              </Group>
            )}
          </CopyButton>
        </Stack>
      </SimpleGrid>
      <Stack gap="xs">
        <Text fw={600}>{t("twoFactor.backupTitle")}</Text>
        <Text size="sm">{t("twoFactor.backupHelp")}</Text>
        <List className="backup-codes" dir="ltr" data-testid="backup-codes" listStyleType="none">
          {enrolment.backupCodes.map((code) => (
            <List.Item key={code}>
              <Code>{code}</Code>
            </List.Item>
          ))}
        </List>
        <CopyButton value={codes}>
          {({ copied, copy }) => (
            <Group>
              <Button variant="light" size="xs" onClick={copy}>
                {copied ? t("copied") : t("twoFactor.copyCodes")}
              </Button>
            </Group>
          )}
        </CopyButton>
      </Stack>
      <form onSubmit={submit} noValidate aria-label={t("twoFactor.confirm")}>
        <Stack gap="sm">
          <Text fw={600}>{t("twoFactor.confirmTitle")}</Text>
          <ErrorAlert message={error} />
          <TextInput
            label={t("fields.code")}
            description={t("twoFactor.confirmHelp")}
            autoComplete="one-time-code"
            inputMode="numeric"
            dir="ltr"
            required
            maw={240}
            {...form.getInputProps("code")}
          />
          <Group>
            <Button type="submit" loading={form.submitting} leftSection={<IconCircleCheck aria-hidden />}>
              {t("twoFactor.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation("shell");
  const check = validators(t);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: "" }, validate: { password: check.required } });
  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      await api.post("/api/auth/two-factor/disable", { password });
      await client.invalidateQueries({ queryKey: sessionKey });
      form.reset();
      onDisabled();
    } catch (caught) {
      setError(reportFailure(t, caught, form));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("twoFactor.disable")}>
      <Stack gap="sm">
        <Text size="sm">{t("twoFactor.disableHelp")}</Text>
        <ErrorAlert message={error} />
        <PasswordField
          label={t("fields.currentPassword")}
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <Group>
          <Button type="submit" color="red" variant="light" loading={form.submitting}>
            {t("twoFactor.disable")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
