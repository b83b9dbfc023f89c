import type { TFunction } from "i18next";
import { ApiError } from "./api.ts";

/**
 * A failure in the reader's language: a translated text for the error codes we know (`shell:errors.<code>`,
 * in lower case as the platform writes better-auth's codes), otherwise the server's own message, which is
 * written for a person.
 */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.code.toLowerCase() !== "too_many_failed_sign_ins")
      return t("shell:errors.too_many_requests");
    return t(`shell:errors.${error.code.toLowerCase()}`, {
      defaultValue: error.message || t("shell:errors.unexpected"),
    });
  }
  return t("shell:errors.unexpected");
}

type FormWithErrors = { setErrors: (errors: Record<string, string>) => void };

/**
 * Shows a failed request where the reader looks for it: a message next to each field the server
 * named, and the general message above the form unless the one field message already says it.
 * Returns the message for the top of the form, or null.
 */
export function reportFailure(t: TFunction, error: unknown, form: FormWithErrors): string | null {
  const message = describeError(t, error);
  if (!(error instanceof ApiError)) return message;
  const fieldErrors = { ...error.fieldErrors };
  const field = (error.details as { field?: unknown } | null)?.field;
  if (typeof field === "string") fieldErrors[field] = message;
  form.setErrors(fieldErrors);
  return typeof field === "string" ? null : message;
}
