import { useMediaQuery } from "@mantine/hooks";
import { useMemo } from "react";
import { useDates } from "../../shell/dates.ts";
import type { AccreditationStatus, ProcessStatus, RoundStatus } from "./types.ts";

/**
 * Calendar days (YYYY-MM-DD) written the reader's way: the shell's one date formatter, so the
 * workspace writes a date exactly as the public pages do.
 */
export function useDays() {
  const dates = useDates();
  return useMemo(
    () => ({
      day: (value: string | null | undefined) => (value ? dates.day(value) : null),
      /** "11–12 Nov 2024", one day alone, or null when no date is set. */
      span: (start: string | null | undefined, end: string | null | undefined) =>
        start || end ? dates.range(start ?? end, end) : null,
    }),
    [dates],
  );
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
