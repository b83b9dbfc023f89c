import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Names } from "./types.ts";

// Dates are the shell's one formatter, shared with the secretariat's workspace.
export { dateLocaleOf, daysBetween, monthsOf, parseDay, useDates } from "../../shell/dates.ts";

/** A record's name in the reader's language where the record has one, else in English. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const language = i18n.language as keyof Names;
  return (names: Names | undefined, fallback = ""): string => names?.[language] ?? names?.en ?? fallback;
}

/** A language code ("ru") as a name in the reader's language ("Russian"), or the code if unknown. */
export function useLanguageName() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: "language" });
    } catch {
      names = null;
    }
    return (code: string | null) => {
      if (!code) return null;
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [language]);
}

/**
 * Joins the parts of a value ("24–25 Jan 2024", "Astana") with the reader's list separator (the Arabic
 * comma in Arabic), each part isolated for the bidirectional algorithm, so a Latin city name in an
 * Arabic sentence keeps its place instead of swapping with the date.
 */
export function useJoin() {
  const { t } = useTranslation("process");
  const separator = t("separator");
  return (parts: (string | null | undefined)[]): string =>
    parts
      .filter((part): part is string => Boolean(part))
      .map((part) => `\u2068${part}\u2069`)
      .join(separator);
}
