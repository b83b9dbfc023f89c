// Dates as the sides' lists write them: ISO days, d/m/y with two- or four-digit years, years alone,
// in Western or Eastern Arabic digits. A day/month order that cannot be told is refused (or read as the
// uploader says), never guessed.

export type DayMonthOrder = "refuse" | "day_first" | "month_first";

export type ReadDate =
  | { kind: "day"; day: string; flagged?: "ambiguous_resolved" }
  | { kind: "year"; year: number }
  | { kind: "error"; code: "invalid_date" | "ambiguous_date" | "invalid_year" };

/** Eastern Arabic (٠-٩) and Persian (۰-۹) digits as Western ones. */
export function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String((digit.codePointAt(0) ?? 0x0660) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0) ?? 0x06f0) - 0x06f0));
}

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A two-digit year: in the past century up to `today`'s year (80 → 1980, 05 → 2005). */
function fullYear(text: string, today: Date): number {
  const value = Number(text);
  if (text.length !== 2) return value;
  const current = today.getUTCFullYear() % 100;
  return value <= current ? 2000 + value : 1900 + value;
}

/**
 * Reads a date cell: `1980-02-01`, `1/2/1980`, `1/2/80`, `01.02.1980`, `1980`, `١٩٨٠`, `١/٢/١٩٨٠`.
 * `1/2/80` is ambiguous (1 February or 2 January): refused unless `order` says which comes first;
 * `13/2/80` is not (only one reading is a date). Years before 1880 or in the future are refused.
 */
export function readDate(raw: string, order: DayMonthOrder = "refuse", today = new Date()): ReadDate {
  const text = westernDigits(raw).trim().replace(/\s+/g, "");
  const maxYear = today.getUTCFullYear();
  const yearOk = (year: number) => year >= 1880 && year <= maxYear;
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return yearOk(year) ? { kind: "year", year } : { kind: "error", code: "invalid_year" };
  }
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    const day = isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!day) return { kind: "error", code: "invalid_date" };
    return yearOk(Number(match[1])) ? { kind: "day", day } : { kind: "error", code: "invalid_year" };
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (!match) return { kind: "error", code: "invalid_date" };
  const [first, second, yearText] = [Number(match[1]), Number(match[2]), match[3] ?? ""];
  const year = fullYear(yearText, today);
  if (!yearOk(year)) return { kind: "error", code: "invalid_year" };
  const dayFirst = isoDay(year, second, first);
  const monthFirst = isoDay(year, first, second);
  if (dayFirst && monthFirst && dayFirst !== monthFirst) {
    if (order === "day_first") return { kind: "day", day: dayFirst, flagged: "ambiguous_resolved" };
    if (order === "month_first") return { kind: "day", day: monthFirst, flagged: "ambiguous_resolved" };
    return { kind: "error", code: "ambiguous_date" };
  }
  const day = dayFirst ?? monthFirst;
  return day ? { kind: "day", day } : { kind: "error", code: "invalid_date" };
}
