import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { dateLocaleOf } from "./dates.ts";

/**
 * Dates and numbers written the way the chosen language writes them (Intl, in the locale of
 * `dateLocaleOf`, as the record's dates), so an Arabic reader sees Arabic month names and a Russian one
 * the day before the month. Times are shown in the browser's zone.
 */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = dateLocaleOf(i18n.language);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const number = new Intl.NumberFormat(locale);
    const valid = (value: string | Date) => {
      const parsed = value instanceof Date ? value : new Date(value);
      return Number.isNaN(parsed.getTime()) ? null : parsed;
    };
    return {
      locale,
      dateTime: (value: string | Date) => {
        const parsed = valid(value);
        return parsed ? dateTime.format(parsed) : String(value);
      },
      date: (value: string | Date) => {
        const parsed = valid(value);
        return parsed ? date.format(parsed) : String(value);
      },
      number: (value: number) => number.format(value),
    };
  }, [locale]);
}
