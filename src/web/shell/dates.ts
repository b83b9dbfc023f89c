// Dates in each language's own form, one formatter for the workspace and the public pages alike.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DatePrecision } from "../../contracts/enums.ts";

/**
 * The locale dates are written in for an interface language. English is written day-month-year
 * (en-GB: "11–12 Nov 2024"), as diplomatic documents and the record's sources write it; Russian in its
 * own form ("11–12 нояб. 2024 г."); Arabic with Arabic month names and Western digits
 * ("11–12 نوفمبر 2024"): the digits the round numbers, resolution numbers (2254) and the record's
 * own dates use everywhere else on the page, so a date never mixes two kinds of digits with the
 * numbers around it.
 */
export function dateLocaleOf(language: string): string {
  if (language === "en") return "en-GB";
  if (language === "ar") return "ar-u-nu-latn";
  return language;
}

const dayMs = 86_400_000;

/** A calendar date (YYYY-MM-DD, or YYYY-MM, or YYYY) as a UTC instant, or null if it is not one. */
export function parseDay(value: string | null | undefined): Date | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  return new Date(Date.UTC(Number(year), Number(month ?? "1") - 1, Number(day ?? "1")));
}

/** Whole days between two calendar dates. */
export function daysBetween(from: string, to: string): number {
  const start = parseDay(from);
  const end = parseDay(to);
  if (!start || !end) return 0;
  return Math.round((end.getTime() - start.getTime()) / dayMs);
}

/** A span of days as whole months (a month being the mean Gregorian month), at least one. */
export function monthsOf(days: number): number {
  return Math.max(1, Math.round(days / 30.436875));
}

/**
 * Calendar dates in the reader's language. Dates of the record are days without a time of day, so
 * they are formatted in UTC: a reader west of Greenwich must not see a round start the day before.
 */
export function useDates() {
  const { i18n } = useTranslation();
  const locale = dateLocaleOf(i18n.language);
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const longDay = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    const year = new Intl.DateTimeFormat(locale, { year: "numeric", timeZone: "UTC" });
    const formatterOf = (precision: DatePrecision) =>
      precision === "year" ? year : precision === "month" ? month : day;
    return {
      locale,
      /** "11 Nov 2024"; an unreadable value is shown as written. */
      day: (value: string | null | undefined) => {
        const parsed = parseDay(value);
        return parsed ? day.format(parsed) : (value ?? "");
      },
      longDay: (value: string | null | undefined) => {
        const parsed = parseDay(value);
        return parsed ? longDay.format(parsed) : (value ?? "");
      },
      year: (value: Date) => year.format(value),
      /** "11–12 Nov 2024", "Sept 2019" (month precision), or one day when start and end agree. */
      range: (
        start: string | null | undefined,
        end: string | null | undefined,
        precision: DatePrecision = "day",
      ) => {
        const from = parseDay(start);
        const to = parseDay(end);
        const format = formatterOf(precision);
        if (!from) return to ? format.format(to) : "";
        if (!to || to.getTime() <= from.getTime()) return format.format(from);
        return format.formatRange(from, to);
      },
    };
  }, [locale]);
}
