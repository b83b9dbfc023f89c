import type { TFunction } from "i18next";
import { ApiError } from "./api.ts";
import { i18n } from "./i18n.ts";

/**
 * Codes the server gives to many different refusals (its English message says which): translated as a
 * heading, followed by the refusal's own list (its issues) or, when it has none, by the server's message.
 */
const genericCodes = new Set(["bad_request", "conflict", "validation_failed", "invalid_input"]);

type Issue = { path?: unknown; message?: unknown; code?: unknown };

/**
 * The namespaces a code is looked up in, in order: the page's own module (the namespace `t` was made
 * for), which may say a platform code its own way; the shell, which holds the platform's codes; then
 * core's (the codes of accounts, rounds and delegations, met on many modules' pages); then every other
 * module's, for a module's code met on another module's page.
 */
function errorNamespaces(t: TFunction): string[] {
  const own = (t as unknown as { ns?: string | readonly string[] }).ns;
  const ownList = own === undefined ? [] : typeof own === "string" ? [own] : [...own];
  const loaded = i18n.options.ns;
  const all = loaded === undefined ? [] : typeof loaded === "string" ? [loaded] : [...loaded];
  return [...new Set([...ownList, "shell", "core", ...all])];
}

/**
 * The details as interpolation values: top-level strings and numbers as they are; a list joined
 * (`{{missing}}`), counted (`{{missingCount}}`) and item by item (`{{agreed1}}`, `{{agreed2}}`); a byte
 * limit also in MiB, so a translation can say "larger than {{maxMiB}} MiB".
 */
function detailValues(details: unknown): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (typeof details !== "object" || details === null) return values;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
    else if (Array.isArray(value)) {
      values[`${key}Count`] = value.length;
      const scalars = value.filter((item) => typeof item === "string" || typeof item === "number");
      if (scalars.length !== value.length) continue;
      values[key] = scalars.join(", ");
      scalars.forEach((item, index) => {
        values[`${key}${index + 1}`] = item;
      });
    }
  }
  if (typeof values.maxBytes === "number") values.maxMiB = Math.round(values.maxBytes / 1024 / 1024);
  return values;
}

/** Whether the reader reads English, the language the server writes its messages in. */
function speaksServerLanguage(): boolean {
  return i18n.language === "en";
}

/** One of a refusal's listed faults (a field issue) in the reader's language when its code is known. */
function describeIssue(t: TFunction, issue: Issue): string | null {
  const message = typeof issue.message === "string" ? issue.message : null;
  const code = typeof issue.code === "string" ? issue.code : null;
  const field = Array.isArray(issue.path)
    ? issue.path
        .map(String)
        .filter((part, index) => !(index === 0 && ["body", "querystring", "params"].includes(part)))
        .join(".")
    : "";
  const text =
    code && !speaksServerLanguage() ? t(`shell:issues.${code}`, { defaultValue: message ?? "" }) : message;
  if (!text) return null;
  return field ? `${field}: ${text}` : text;
}

/**
 * The faults a refusal lists in its details (field issues, the programme's clashes, a file's missing
 * columns): each translated by the module that knows it (`<namespace>:violations.<constraint>`, with the
 * names the server gave), or the server's own text when no translation knows it.
 */
function describeItems(t: TFunction, namespaces: string[], details: unknown): string[] {
  if (typeof details !== "object" || details === null) return [];
  const { issues, violations } = details as { issues?: unknown; violations?: unknown };
  const items: string[] = [];
  if (Array.isArray(issues))
    for (const issue of issues as Issue[]) {
      const text = describeIssue(t, issue);
      if (text) items.push(text);
    }
  if (Array.isArray(violations))
    for (const violation of violations as { constraint?: unknown; message?: unknown; names?: unknown }[]) {
      const names = Array.isArray(violation.names) ? violation.names.map(String) : [];
      const message = typeof violation.message === "string" ? violation.message : "";
      const keys = namespaces.map((namespace) => `${namespace}:violations.${String(violation.constraint)}`);
      const text = t(keys, {
        defaultValue: message,
        first: names[0] ?? "",
        second: names[1] ?? "",
        context: names.length > 1 ? "pair" : undefined,
      });
      if (text) items.push(text);
    }
  return items;
}

/**
 * A failure in the reader's language. The code (in lower case, as the platform writes better-auth's
 * codes) is looked up as `<namespace>:errors.<code>` in the order of `errorNamespaces`, with the details
 * as interpolation values; a refusal that lists faults (issues, clashes) adds them. A generic code is a
 * translated heading before its faults or the server's message; a code no translation knows falls back
 * to the server's own message, which is written for a person.
 */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("shell:errors.unexpected");
  const code = error.code.toLowerCase();
  if (error.status === 429 && code !== "too_many_failed_sign_ins") return t("shell:errors.too_many_requests");
  const namespaces = errorNamespaces(t);
  const serverMessage = error.message || t("shell:errors.unexpected");
  const items = describeItems(t, namespaces, error.details);
  if (genericCodes.has(code)) {
    // The server's English message names the fault better than a generic heading does.
    if (speaksServerLanguage() && items.length === 0) return serverMessage;
    const heading = t(`shell:errors.${code}`, { defaultValue: "" });
    if (!heading) return serverMessage;
    return [heading, ...(items.length > 0 ? items : [serverMessage])].join(" ");
  }
  const keys = namespaces.map((namespace) => `${namespace}:errors.${code}`);
  const translated = t(keys, { ...detailValues(error.details), defaultValue: "" });
  if (!translated) return serverMessage;
  return [translated, ...items].join(" ");
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
  const issues = (error.details as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues as Issue[]) {
      if (typeof issue.code !== "string" || !Array.isArray(issue.path)) continue;
      const key = issue.path
        .map(String)
        .filter((part, index) => !(index === 0 && ["body", "querystring", "params"].includes(part)))
        .join(".");
      const translated = speaksServerLanguage() ? "" : t(`shell:issues.${issue.code}`, { defaultValue: "" });
      if (key in fieldErrors && translated) fieldErrors[key] = translated;
    }
  }
  const field = (error.details as { field?: unknown } | null)?.field;
  if (typeof field === "string") fieldErrors[field] = message;
  form.setErrors(fieldErrors);
  return typeof field === "string" ? null : message;
}
