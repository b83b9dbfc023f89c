// Days as people and files write them: ISO (2020-03-06), ACLED's "06 March 2020", "6-Mar-2020",
// "2020/03/06", and a day-first "06/03/2020" only when it cannot be read the other way round.
import { BadRequest } from "../../platform/errors.ts";

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const candidate = new Date(Date.UTC(year, month - 1, day));
  if (candidate.getUTCMonth() !== month - 1) return null;
  return candidate.toISOString().slice(0, 10);
}

function monthOf(name: string): number {
  const index = months.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? 0 : index + 1;
}

/**
 * Reads a day in any of the spellings above as `YYYY-MM-DD`; answers why not otherwise (a date
 * that does not exist, an ambiguous day/month order, an unknown form), so the report can say it.
 */
export function readDay(
  text: string,
): { day: string } | { fault: string; code: "nonexistent_date" | "ambiguous_date" | "unreadable_date" } {
  const value = text.trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) {
    const day = isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
    return day ? { day } : { fault: `"${value}" is not a date that exists`, code: "nonexistent_date" };
  }
  match = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ ,-]+(\d{4})$/.exec(value);
  if (match) {
    const day = isoDay(Number(match[3]), monthOf(match[2] ?? ""), Number(match[1]));
    return day ? { day } : { fault: `"${value}" is not a date that exists`, code: "nonexistent_date" };
  }
  match = /^([A-Za-z]{3,9}) (\d{1,2}),? (\d{4})$/.exec(value);
  if (match) {
    const day = isoDay(Number(match[3]), monthOf(match[1] ?? ""), Number(match[2]));
    return day ? { day } : { fault: `"${value}" is not a date that exists`, code: "nonexistent_date" };
  }
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first <= 12 && second <= 12 && first !== second)
      return {
        fault: `"${value}" is ambiguous (day/month or month/day?): write it as YYYY-MM-DD`,
        code: "ambiguous_date",
      };
    const day =
      first > 12 ? isoDay(Number(match[3]), second, first) : isoDay(Number(match[3]), first, second);
    return day ? { day } : { fault: `"${value}" is not a date that exists`, code: "nonexistent_date" };
  }
  return {
    fault: `"${value.slice(0, 40)}" is not a date (write YYYY-MM-DD or "6 March 2020")`,
    code: "unreadable_date",
  };
}

/** A day from a request, or a 400 naming the field and the fault. */
export function requireDay(text: string, field: string): string {
  const read = readDay(text);
  if ("day" in read) return read.day;
  throw new BadRequest(`${field}: ${read.fault}.`, { field }, "invalid_date");
}
