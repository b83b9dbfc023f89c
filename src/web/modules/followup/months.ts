// Month buckets of the follow-up's pictures: the time slider's steps, a zone's status at a month's end,
// and the chart's grid of zones × months. Pure, so the map, the chart and their tests agree.
import type { ZoneStatus } from "../../../contracts/followup.ts";

/** "2018-04-12" → "2018-04". */
export const monthOf = (day: string) => day.slice(0, 7);

/** The first day of a month: "2018-04" → "2018-04-01". */
export const firstDayOf = (month: string) => `${month}-01`;

/** The last day of a month: "2018-02" → "2018-02-28" (leap years counted). */
export function lastDayOf(month: string): string {
  const [year, index] = month.split("-").map(Number);
  const days = new Date(Date.UTC(year ?? 1970, index ?? 1, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

/**
 * Every month from one to another, both included ("2017-11" … "2018-02"). An inverted range gives the
 * first month alone, so the slider always has a step; at most 1,200 months (a century) are listed.
 */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const last = to < from ? from : to;
  while (months.length < 1200) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    months.push(current);
    if (current >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

type StatusEntry = { status: ZoneStatus; fromDate: string };

/**
 * What a zone was on a day: the latest entry of its history dated on or before it; null before the
 * zone existed (the map does not draw a zone before its memorandum).
 */
export function zoneStatusOn(history: readonly StatusEntry[], day: string): ZoneStatus | null {
  let found: StatusEntry | null = null;
  for (const entry of history)
    if (entry.fromDate <= day && (!found || entry.fromDate >= found.fromDate)) found = entry;
  return found?.status ?? null;
}

/**
 * The chart's table: one row per month in the range, one count per zone (null = outside every zone),
 * zero where the server counted none, so a quiet month shows as a zero instead of a gap.
 */
export function countsByMonth(
  items: readonly { zoneId: string | null; month: string; incidents: number }[],
  zoneIds: readonly (string | null)[],
  months: readonly string[],
): { month: string; counts: Map<string | null, number>; total: number }[] {
  return months.map((month) => {
    const counts = new Map<string | null, number>(zoneIds.map((id) => [id, 0]));
    for (const item of items)
      if (item.month === month && counts.has(item.zoneId))
        counts.set(item.zoneId, (counts.get(item.zoneId) ?? 0) + item.incidents);
    return { month, counts, total: [...counts.values()].reduce((sum, n) => sum + n, 0) };
  });
}
