import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../api.ts";
import { reportFailure } from "../errors.ts";
import { validators } from "../forms.ts";
import type { Locale } from "../i18n.ts";
import { isLocale } from "../i18n.ts";
import { LocaleSelect } from "../LocaleSelect.tsx";
import { PasswordField } from "../PasswordField.tsx";
import { setupKey, signIn, useSetupNeeded } from "../session.ts";
import { AuthCard, EmailField, FailureAlert } from "./AuthCard.tsx";

/**
 * First-run setup: creates the first administrator. The server accepts it only while no administrator
 * exists and only with the one-time token of the link it printed on its console, so this page is
 * harmless to whoever finds it. Opened without the token (from the link), it asks for it.
 */
export function SetupPage() {
  const { t, i18n } = useTranslation("shell");
  const check = validators(t);
  const client = useQueryClient();
  const navigate = useNavigate();
  const { needed, isLoading } = useSetupNeeded();
  const [searchParams] = useSearchParams();
  const tokenFromLink = searchParams.get("token") ?? "";
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(`${t("setup.title")} · ${t("product")}`);

  const form = useForm({
    initialValues: {
      name: "",
      email: "",
      password: "",
      confirmPassword: "",
      locale: (isLocale(i18n.language) ? i18n.language : "en") as Locale,
      token: tokenFromLink,
    },
    validate: {
      token: check.required,
      name: check.required,
      email: check.email,
      password: check.password,
      confirmPassword: (value, values) =>
        value === values.password ? null : t("validation.passwordsDiffer"),
    },
  });

  if (isLoading) return null;
  if (!needed) {
    return (
      <AuthCard title={t("setup.title")} width={480} gap="sm">
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />}>
          {t("setup.done")}
        </Alert>
        <Anchor component={Link} to="/sign-in">
          {t("account.signIn")}
        </Anchor>
      </AuthCard>
    );
  }

  const submit = form.onSubmit(async ({ confirmPassword: _, ...values }) => {
    setError(null);
    try {
      await api.post("/api/setup", {
        ...values,
        email: values.email.trim(),
        name: values.name.trim(),
        token: values.token.trim(),
      });
    } catch (caught) {
      setError(reportFailure(t, caught, form));
      return;
    }
    client.setQueryData(setupKey, { needed: false });
    try {
      await signIn(client, values.email.trim(), values.password);
      navigate("/", { replace: true });
    } catch {
      navigate("/sign-in?created=1", { replace: true, state: { email: values.email.trim() } });
    }
  });

  return (
    <AuthCard title={t("setup.title")} width={480}>
      <Text size="sm">{t("setup.intro")}</Text>
      <FailureAlert message={error} />
      <form onSubmit={submit} noValidate aria-label={t("setup.title")}>
        <Stack gap="sm">
          {tokenFromLink === "" && (
            <TextInput
              label={t("setup.token")}
              description={t("setup.tokenHelp")}
              autoComplete="off"
              dir="ltr"
              required
              {...form.getInputProps("token")}
            />
          )}
          <TextInput label={t("fields.name")} autoComplete="name" required {...form.getInputProps("name")} />
          <EmailField label={t("fields.email")} {...form.getInputProps("email")} />
          <PasswordField
            label={t("fields.password")}
            description={t("validation.passwordLength", { count: 10 })}
            autoComplete="new-password"
            required
            {...form.getInputProps("password")}
          />
          <PasswordField
            label={t("fields.confirmPassword")}
            autoComplete="new-password"
            required
            {...form.getInputProps("confirmPassword")}
          />
          <LocaleSelect label={t("fields.locale")} {...form.getInputProps("locale")} />
          <Button type="submit" loading={form.submitting} fullWidth>
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
