import { useMediaQuery } from "@mantine/hooks";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AccreditationStatus, ProcessStatus, RoundStatus } from "./types.ts";

/**
 * Calendar days (YYYY-MM-DD) written the reader's way. A day is not an instant: it is formatted in
 * UTC so that 11 November stays 11 November in every time zone.
 */
export function useDays() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    const day = (value: string | null | undefined) => {
      if (!value) return null;
      const parsed = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? value : format.format(parsed);
    };
    return {
      day,
      /** "11 Nov 2024 – 12 Nov 2024", one day alone, or null when no date is set. */
      span: (start: string | null | undefined, end: string | null | undefined) => {
        if (!start && !end) return null;
        if (start && end && start !== end)
          return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
        return day(start ?? end);
      },
    };
  }, [locale]);
}

/** Mantine colours of the round statuses: what is ahead, what is under way, what is over. */
export const roundStatusColor: Record<RoundStatus, string> = {
  planned: "gray",
  announced: "blue",
  in_session: "green",
  concluded: "dark",
  postponed: "orange",
  cancelled: "red",
};

export const processStatusColor: Record<ProcessStatus, string> = {
  active: "green",
  suspended: "orange",
  concluded: "dark",
};

export const accreditationColor: Record<AccreditationStatus, string> = {
  invited: "gray",
  submitted: "blue",
  changes_requested: "orange",
  accredited: "green",
  declined: "red",
};

/** Below 48em (the shell's own breakpoint) tables become lists of cards. */
export function useIsPhone(): boolean {
  return useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
}
