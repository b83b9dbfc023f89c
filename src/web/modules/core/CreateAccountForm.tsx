import { Alert, Button, Checkbox, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { api } from "../../shell/api.ts";
import { reportFailure } from "../../shell/errors.ts";
import { validators } from "../../shell/forms.ts";
import { isLocale, type Locale } from "../../shell/i18n.ts";
import { LocaleSelect } from "../../shell/LocaleSelect.tsx";
import { PasswordField } from "../../shell/PasswordField.tsx";

/** An administrator creates an account for a person (there is no self sign-up). */
export function CreateAccountForm({
  onCreated,
  onCancel,
}: {
  onCreated: (account: Account) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["core", "shell"]);
  const check = validators(t);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: "",
      email: "",
      password: "",
      isAdmin: false,
      locale: (isLocale(i18n.language) ? i18n.language : "en") as Locale,
    },
    validate: { name: check.required, email: check.email, password: check.password },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await api.post<Account>("/api/accounts", {
        ...values,
        name: values.name.trim(),
        email: values.email.trim(),
      });
      onCreated(created);
    } catch (caught) {
      setError(reportFailure(t, caught, form));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("core:accounts.create")}>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <TextInput label={t("shell:fields.name")} required data-autofocus {...form.getInputProps("name")} />
        <TextInput
          label={t("shell:fields.email")}
          type="email"
          autoComplete="off"
          dir="ltr"
          required
          {...form.getInputProps("email")}
        />
        <PasswordField
          label={t("core:accounts.initialPassword")}
          description={t("shell:validation.passwordLength", { count: 10 })}
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <LocaleSelect label={t("shell:fields.locale")} {...form.getInputProps("locale")} />
        <Checkbox
          label={t("core:accounts.makeAdmin")}
          {...form.getInputProps("isAdmin", { type: "checkbox" })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("shell:cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("core:accounts.createSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
