import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { dateLocaleOf } from "./dates.ts";

/**
 * The one form of a moment shown to a reader (a status change, a confirmed release, an audit entry):
 * day, month, year and time in the reader's own zone, the zone named ("7 Dec 2026, 23:04 GMT+5"), so
 * nobody takes a UTC time for a local one. `timeZone` is for tests; pages use the browser's zone.
 */
export function dateTimeFormat(locale: string, timeZone?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  });
}

/**
 * Dates and numbers written the way the chosen language writes them (Intl, in the locale of
 * `dateLocaleOf`, as the record's dates), so an Arabic reader sees Arabic month names and a Russian one
 * the day before the month. Times and the days of moments are the reader's zone's; a time names it.
 */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = dateLocaleOf(i18n.language);
  return useMemo(() => {
    const dateTime = dateTimeFormat(locale);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const number = new Intl.NumberFormat(locale);
    const valid = (value: string | Date) => {
      const parsed = value instanceof Date ? value : new Date(value);
      return Number.isNaN(parsed.getTime()) ? null : parsed;
    };
    return {
      locale,
      /** A moment: its day and time in the reader's zone, the zone named. */
      dateTime: (value: string | Date) => {
        const parsed = valid(value);
        return parsed ? dateTime.format(parsed) : String(value);
      },
      /** A moment's day in the reader's zone (not a calendar date of the record: `useDates` has those). */
      date: (value: string | Date) => {
        const parsed = valid(value);
        return parsed ? date.format(parsed) : String(value);
      },
      number: (value: number) => number.format(value),
    };
  }, [locale]);
}
