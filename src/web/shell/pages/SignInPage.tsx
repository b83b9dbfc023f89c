import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { describeError, reportFailure } from "../errors.ts";
import { safeReturnPath, validators } from "../forms.ts";
import { PasswordField } from "../PasswordField.tsx";
import { signIn, useSession, verifySecondFactor } from "../session.ts";
import { AuthCard, EmailField, FailureAlert } from "./AuthCard.tsx";

/** Sign-in: e-mail and password, then the authenticator code (or a backup code) when 2FA is on. */
export function SignInPage() {
  const { t } = useTranslation("shell");
  const check = validators(t);
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get("next"));
  const { account } = useSession();
  const [step, setStep] = useState<"password" | "second-factor">("password");
  const [codeKind, setCodeKind] = useState<"totp" | "backup">("totp");
  const [error, setError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(`${t("signIn.title")} · ${t("product")}`);

  const prefilled = (location.state as { email?: string } | null)?.email ?? "";
  const credentials = useForm({
    initialValues: { email: prefilled, password: "" },
    validate: { email: check.email, password: check.required },
  });
  const secondFactor = useForm({
    initialValues: { code: "" },
    validate: { code: (value) => (codeKind === "totp" ? check.code(value) : check.required(value)) },
  });

  useEffect(() => {
    if (step === "second-factor") codeRef.current?.focus();
  }, [step]);

  if (account && step === "password" && !credentials.submitting) return <Navigate to={next} replace />;

  const submitCredentials = credentials.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await signIn(client, values.email.trim(), values.password);
      if (result === "second-factor") setStep("second-factor");
      else navigate(next, { replace: true });
    } catch (caught) {
      setError(reportFailure(t, caught, credentials));
    }
  });

  const submitCode = secondFactor.onSubmit(async (values) => {
    setError(null);
    try {
      await verifySecondFactor(client, values.code, codeKind);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(describeError(t, caught));
      codeRef.current?.select();
    }
  });

  return (
    <AuthCard title={t("signIn.title")} width={420}>
      {params.get("created") === "1" && step === "password" ? (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />}>
          {t("setup.created")}
        </Alert>
      ) : null}
      <FailureAlert message={error} />
      {step === "password" ? (
        <form onSubmit={submitCredentials} noValidate aria-label={t("signIn.title")}>
          <Stack gap="sm">
            <EmailField label={t("fields.email")} {...credentials.getInputProps("email")} />
            <PasswordField
              label={t("fields.password")}
              autoComplete="current-password"
              required
              {...credentials.getInputProps("password")}
            />
            <Button type="submit" loading={credentials.submitting} fullWidth>
              {t("signIn.submit")}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitCode} noValidate aria-label={t("signIn.secondFactorTitle")}>
          <Stack gap="sm">
            <Text size="sm">
              {codeKind === "totp" ? t("signIn.secondFactorHelp") : t("signIn.backupHelp")}
            </Text>
            <TextInput
              ref={codeRef}
              label={codeKind === "totp" ? t("fields.code") : t("fields.backupCode")}
              autoComplete="one-time-code"
              inputMode={codeKind === "totp" ? "numeric" : "text"}
              dir="ltr"
              required
              {...secondFactor.getInputProps("code")}
            />
            <Button type="submit" loading={secondFactor.submitting} fullWidth>
              {t("signIn.verify")}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setCodeKind(codeKind === "totp" ? "backup" : "totp");
                secondFactor.reset();
                setError(null);
                codeRef.current?.focus();
              }}
            >
              {codeKind === "totp" ? t("signIn.useBackup") : t("signIn.useApp")}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
