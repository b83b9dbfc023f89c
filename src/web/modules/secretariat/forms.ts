import type { TFunction } from "i18next";
import { type FormEvent, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LocalizedNamesInput } from "../../../contracts/process-requests.ts";
import { ApiError } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import type { LocalizedNames } from "./types.ts";

/** A trimmed text, or null for an empty one (the API's "no value"). */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** A date field's value for the API: YYYY-MM-DD, or null when left empty. */
export const dateOrNull = textOrNull;

/** Today as YYYY-MM-DD in the reader's time zone, as the date fields write dates. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * Whether any of the dates given lies before today. A warning, never a refusal: the record holds past
 * rounds too, but a date typed in the past by mistake would otherwise be saved without a word.
 */
export function hasPastDate(dates: readonly string[], now = new Date()): boolean {
  const day = today(now);
  return dates.some((date) => /^\d{4}-\d{2}-\d{2}$/.test(date) && date < day);
}

/** Names in the three languages as the API takes them: English required, the others when given. */
export function namesInput(values: { en: string; ru: string; ar: string }): LocalizedNames {
  const names: LocalizedNames = { en: values.en.trim() };
  const ru = textOrNull(values.ru);
  const ar = textOrNull(values.ar);
  if (ru) names.ru = ru;
  if (ar) names.ar = ar;
  return names;
}

/** Names as form values (every language a string). */
export function namesValues(names?: LocalizedNames | null) {
  return { en: names?.en ?? "", ru: names?.ru ?? "", ar: names?.ar ?? "" };
}

/** The name in the reader's language when the record has one, else the English name. */
export function localName(names: LocalizedNames, locale: string): string {
  const value = names[locale as keyof LocalizedNames];
  return value && value.length > 0 ? value : names.en;
}

/** A slug proposed from an English name: lower case, ASCII letters and digits, single hyphens. */
export function slugFrom(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

/** The checks the server makes too, run first in the reader's language (the server checks again). */
export function recordChecks(t: TFunction) {
  const required = (value: string) => (value.trim().length > 0 ? null : t("shell:validation.required"));
  return {
    required,
    /**
     * The English name is the one every reader falls back on, so it is never left empty: checked by the
     * API's own contract (the one rule for the form, the API and the CLI), said in the reader's language.
     */
    nameEn: (value: string) => {
      const checked = LocalizedNamesInput.shape.en.safeParse(value);
      if (checked.success) return null;
      return value.trim().length === 0
        ? t("secretariat:validation.nameEnRequired")
        : (checked.error.issues[0]?.message ?? t("secretariat:validation.nameEnRequired"));
    },
    maxLength: (max: number) => (value: string) =>
      value.trim().length <= max ? null : t("secretariat:validation.maxLength", { count: max }),
    /** An end date must not come before the start date (both optional). */
    endNotBeforeStart: (start: string, end: string) =>
      start && end && end < start ? t("secretariat:validation.endBeforeStart") : null,
    slug: (value: string) => {
      if (value.trim().length === 0) return t("shell:validation.required");
      return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim()) ? null : t("secretariat:validation.slug");
    },
    roundNumber: (value: number | string) =>
      typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 10000
        ? null
        : t("secretariat:validation.roundNumber"),
  };
}

/** Whether a form's values hold a field at this dotted path ("names.en", "members.1.isHead"). */
function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object" || !(part in (current as object))) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}

/** Server refusals we say in the reader's language when they concern a known field. */
function translatedFieldMessage(
  t: TFunction,
  error: ApiError,
  field: string,
  values: unknown,
): string | null {
  const key = `secretariat:serverErrors.${error.code}.${field.replace(/\.\d+(?=\.|$)/g, "")}`;
  const translated = t(key, { defaultValue: "", ...(values as object) });
  return translated && translated !== key ? translated : null;
}

type SubmittableForm<Values> = {
  onSubmit: (handler: (values: Values) => Promise<void>) => (event?: FormEvent<HTMLFormElement>) => void;
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => Values;
  submitting: boolean;
};

/**
 * Submits a form to the API once at a time (a second click while the first request runs does
 * nothing), then shows what went wrong where the reader looks: each refused field's message next to
 * the field, a general message above the form only when no field says it, and a version conflict as
 * its own state (`stale`) so the form can offer to reload instead of overwriting a colleague's save.
 */
export function useRecordForm<Values>(
  form: SubmittableForm<Values>,
  action: (values: Values) => Promise<void>,
) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = async (values: Values) => {
    setError(null);
    setStale(false);
    try {
      await actionRef.current(values);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "stale_version") setStale(true);
      else setError(showFailure(t, caught, form));
    }
  };
  // While a request runs, a second submission waits for it instead of sending another.
  const onSubmit = form.onSubmit((values) => {
    if (inFlight.current) return inFlight.current;
    const pending = run(values).finally(() => {
      inFlight.current = null;
    });
    inFlight.current = pending;
    return pending;
  });
  const clear = useCallback(() => {
    setError(null);
    setStale(false);
  }, []);
  return { onSubmit, error, stale, clear, submitting: form.submitting };
}

/**
 * Places a refusal: messages on the form's own fields go beside them (translated where we know the
 * case), and the general message is returned for the top of the form unless a field already says it.
 */
export function showFailure<Values>(
  t: TFunction,
  caught: unknown,
  form: Pick<SubmittableForm<Values>, "setErrors" | "getValues">,
): string | null {
  const message = describeError(t, caught);
  if (!(caught instanceof ApiError)) return message;
  const values = form.getValues();
  const fieldErrors: Record<string, string> = {};
  for (const [field, fieldMessage] of Object.entries(caught.fieldErrors)) {
    if (!hasPath(values, field)) continue;
    fieldErrors[field] =
      translatedFieldMessage(t, caught, field, values) ??
      (caught.code === "validation_failed" || caught.code === "invalid_input" || caught.code === "duplicate"
        ? fieldMessage
        : message);
  }
  form.setErrors(fieldErrors);
  return Object.keys(fieldErrors).length > 0 ? null : message;
}

/** A refusal outside a form (a button's action): the message in the reader's language. */
export function useDescribeError() {
  const { t } = useTranslation(["secretariat", "shell"]);
  return useCallback((caught: unknown) => describeError(t, caught), [t]);
}
