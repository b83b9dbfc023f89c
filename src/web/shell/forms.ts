import type { TFunction } from "i18next";

/** Client-side checks, in the reader's language, run before a request (the server checks again). */
export function validators(t: TFunction) {
  return {
    required: (value: string) => (value.trim().length > 0 ? null : t("shell:validation.required")),
    email: (value: string) =>
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t("shell:validation.email"),
    password: (value: string) =>
      value.length >= 10 ? null : t("shell:validation.passwordLength", { count: 10 }),
    code: (value: string) => (/^\d{6}$/.test(value.replace(/\s+/g, "")) ? null : t("shell:validation.code")),
  };
}

/** Only a path inside this app is a safe place to return to after signing in. */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
