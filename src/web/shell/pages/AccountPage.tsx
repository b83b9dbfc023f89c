import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck, IconKey } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken, CreatedApiToken } from "../../../contracts/accounts.ts";
import { api } from "../api.ts";
import { describeError, reportFailure } from "../errors.ts";
import { useFormatters } from "../format.ts";
import { validators } from "../forms.ts";
import { Page } from "../Page.tsx";
import { PasswordField } from "../PasswordField.tsx";
import { useSession } from "../session.ts";
import { FailureAlert } from "./AuthCard.tsx";

const tokensKey = ["me", "tokens"] as const;

/** Changing one's password; the server ends every other session of the account with it. */
function ChangePasswordForm() {
  const { t } = useTranslation("shell");
  const check = validators(t);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirmNewPassword: "" },
    validate: {
      currentPassword: check.required,
      newPassword: check.password,
      confirmNewPassword: (value, values) =>
        value === values.newPassword ? null : t("validation.passwordsDiffer"),
    },
  });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    setDone(false);
    try {
      await api.post("/api/auth/change-password", { currentPassword, newPassword });
    } catch (caught) {
      setError(reportFailure(t, caught, form));
      return;
    }
    form.reset();
    setDone(true);
    await client.invalidateQueries();
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="password-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="password-heading">
          {t("myAccount.password")}
        </Title>
        <Text size="sm">{t("myAccount.passwordIntro")}</Text>
        <FailureAlert message={error} />
        {done ? (
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
            {t("myAccount.passwordChanged")}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate aria-label={t("myAccount.password")}>
          <Stack gap="sm" maw={420}>
            <PasswordField
              label={t("fields.currentPassword")}
              autoComplete="current-password"
              required
              {...form.getInputProps("currentPassword")}
            />
            <PasswordField
              label={t("myAccount.newPassword")}
              description={t("validation.passwordLength", { count: 10 })}
              autoComplete="new-password"
              required
              {...form.getInputProps("newPassword")}
            />
            <PasswordField
              label={t("myAccount.confirmNewPassword")}
              autoComplete="new-password"
              required
              {...form.getInputProps("confirmNewPassword")}
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t("myAccount.changePassword")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

const accessLabels = {
  read: "myAccount.accessRead",
  write: "myAccount.accessWrite",
  feed: "myAccount.accessFeed",
} as const;

/** The person's API tokens: the list (never their values), one new token shown once, and revocation. */
function ApiTokens() {
  const { t } = useTranslation("shell");
  const check = validators(t);
  const format = useFormatters();
  const client = useQueryClient();
  const { account } = useSession();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<{ tokens: ApiToken[] }>("/api/me/tokens", { signal }),
  });
  const form = useForm({
    initialValues: { name: "", access: "read", delegationId: "" },
    validate: { name: check.required },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const token = await api.post<CreatedApiToken>("/api/me/tokens", {
        name: values.name.trim(),
        access: values.access,
        delegationId: values.delegationId === "" ? null : values.delegationId,
      });
      setCreated(token);
      form.reset();
      await client.invalidateQueries({ queryKey: tokensKey });
    } catch (caught) {
      setError(reportFailure(t, caught, form));
    }
  });
  const revoke = async (id: string) => {
    setError(null);
    try {
      await api.delete(`/api/me/tokens/${id}`);
      await client.invalidateQueries({ queryKey: tokensKey });
    } catch (caught) {
      setError(describeError(t, caught));
    }
  };
  const delegations = [
    { value: "", label: t("myAccount.asMyself") },
    ...(account?.memberships ?? []).map((membership) => ({
      value: membership.delegationId,
      label: `${membership.roles.join(", ") || "—"} · ${membership.processId}`,
    })),
  ];
  const rows = tokens.data?.tokens ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tokens-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="tokens-heading">
          {t("myAccount.tokens")}
        </Title>
        <Text size="sm">{t("myAccount.tokensIntro")}</Text>
        <Text size="sm">{t("myAccount.feedHint")}</Text>
        <FailureAlert message={error} />
        {created ? (
          <Alert color="teal" icon={<IconKey aria-hidden />} title={t("myAccount.newToken")} role="status">
            <Group gap="xs" wrap="nowrap">
              <Code className="break-anywhere" data-testid="new-token" dir="ltr">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? "✓" : "Copy"}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {created.access === "feed" ? (
              <Text size="sm" mt="xs">
                {t("myAccount.feedAddressExample", {
                  url: `${window.location.origin}/api/processes/…/rounds.ics?token=${created.token}`,
                })}
              </Text>
            ) : null}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate aria-label={t("myAccount.createToken")}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t("myAccount.tokenName")} required {...form.getInputProps("name")} />
            <Select
              label={t("myAccount.access")}
              data={[
                { value: "read", label: t("myAccount.accessRead") },
                { value: "write", label: t("myAccount.accessWrite") },
                { value: "feed", label: t("myAccount.accessFeed") },
              ]}
              allowDeselect={false}
              {...form.getInputProps("access")}
            />
            {delegations.length > 1 ? (
              <Select
                label={t("myAccount.delegation")}
                data={delegations}
                allowDeselect={false}
                {...form.getInputProps("delegationId")}
              />
            ) : null}
            <Button type="submit" loading={form.submitting}>
              {t("myAccount.createToken")}
            </Button>
          </Group>
        </form>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("myAccount.noTokens")}
          </Text>
        ) : (
          <Table data-testid="api-tokens">
            <Table.Tbody>
              {rows.map((token) => (
                <Table.Tr key={token.id} data-token={token.name}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{t(accessLabels[token.access])}</Table.Td>
                  <Table.Td>{t("myAccount.created", { date: format.dateTime(token.createdAt) })}</Table.Td>
                  <Table.Td data-testid="token-last-used">
                    {token.lastUsedAt
                      ? t("myAccount.lastUsed", { date: format.dateTime(token.lastUsedAt) })
                      : t("myAccount.neverUsed")}
                  </Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      <Badge color="gray" variant="light">
                        {t("myAccount.revoked")}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => void revoke(token.id)}
                        aria-label={`${t("myAccount.revoke")} ${token.name}`}
                      >
                        {t("myAccount.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** The signed-in person's own account: their password and their personal API tokens. */
export function AccountPage() {
  const { t } = useTranslation("shell");
  return (
    <Page title={t("myAccount.title")}>
      <ChangePasswordForm />
      <ApiTokens />
    </Page>
  );
}
