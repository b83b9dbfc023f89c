/**
 * Reads the loose wording by which a round decides the next one ("Astana, second half of 2024",
 * "the last week of August 2017") into a city and a date window, so the record can set what was
 * announced against what was held. The wording itself is always kept; what cannot be read gives no
 * window rather than a guess.
 */

export type DateWindow = { start: string | null; end: string | null };
export type NextRoundReading = { city: string | null; window: DateWindow | null };

const monthPattern =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const monthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Parts of a month that wordings name, as day ranges; `end` null means the month's last day. */
const monthParts: Record<string, { from: number | "lastWeek"; to: number | null }> = {
  early: { from: 1, to: 10 },
  mid: { from: 11, to: 20 },
  late: { from: 21, to: null },
  "first half": { from: 1, to: 15 },
  "second half": { from: 16, to: null },
  "last week": { from: "lastWeek", to: null },
};
const partPattern = "(early|mid|late|first half|second half|last week)";

const knownCities = /\b(Astana|Nur-Sultan|Sochi)\b(?!-\d)/;

/**
 * Parses a next-round wording. `after` (ISO date, the deciding round's last day) places a month named
 * without a year: the first such month on or after it. Wordings about another process (the UN-led
 * Geneva talks) are not decisions about the next round and give nothing.
 */
export function parseNextRoundWording(wording: string, after?: string | null): NextRoundReading {
  if (/\bGeneva\b/i.test(wording)) return { city: null, window: null };
  const text = withoutAsides(wording);
  const city = knownCities.exec(text)?.[1] ?? null;
  return { city, window: readWindow(text.toLowerCase(), after ?? null) };
}

/** Drops parenthetical asides ("(held January 2024)") but keeps a bare year in brackets ("February (2019)"). */
function withoutAsides(text: string): string {
  return text
    .replace(/\((\d{4})\)/g, "$1")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function readWindow(text: string, after: string | null): DateWindow | null {
  const range = new RegExp(
    `\\b(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+${monthPattern}\\b\\.?(?:\\s+(\\d{4}))?`,
  ).exec(text);
  if (range) {
    const month = monthNumber(range[3]);
    const year = yearOf(range[4], month, after);
    if (year === null) return null;
    return { start: iso(year, month, Number(range[1])), end: iso(year, month, Number(range[2])) };
  }
  const day = new RegExp(`\\b(\\d{1,2})\\s+${monthPattern}\\b\\.?(?:\\s+(\\d{4}))?`).exec(text);
  if (day) {
    const month = monthNumber(day[2]);
    const year = yearOf(day[3], month, after);
    if (year === null) return null;
    const date = iso(year, month, Number(day[1]));
    return { start: date, end: date };
  }
  const yearHalf = /\b(first|second) half of (\d{4})\b/.exec(text);
  if (yearHalf) {
    const year = Number(yearHalf[2]);
    return yearHalf[1] === "first"
      ? { start: iso(year, 1, 1), end: iso(year, 6, 30) }
      : { start: iso(year, 7, 1), end: iso(year, 12, 31) };
  }
  const before = /\bbefore (?:the )?end of (\d{4})\b/.exec(text);
  if (before) return { start: null, end: iso(Number(before[1]), 12, 31) };
  const part = new RegExp(
    `\\b${partPattern}(?:\\s*/\\s*${partPattern})?(?:\\s+of\\s+|-|\\s+)${monthPattern}\\b(?:\\s+(\\d{4}))?`,
  ).exec(text);
  if (part) {
    const month = monthNumber(part[3]);
    const year = yearOf(part[4], month, after);
    if (year === null) return null;
    const ranges = [part[1], part[2]]
      .filter((name): name is string => Boolean(name))
      .map((name) => {
        const { from, to } = monthParts[name] ?? { from: 1, to: null };
        const last = lastDay(year, month);
        return { from: from === "lastWeek" ? last - 6 : from, to: to ?? last };
      });
    return {
      start: iso(year, month, Math.min(...ranges.map((range) => range.from))),
      end: iso(year, month, Math.max(...ranges.map((range) => range.to))),
    };
  }
  const month = new RegExp(`\\b${monthPattern}\\b(?:\\s+(\\d{4}))?`).exec(text);
  if (month) {
    const number = monthNumber(month[1]);
    const year = yearOf(month[2], number, after);
    if (year === null) return null;
    return { start: iso(year, number, 1), end: iso(year, number, lastDay(year, number)) };
  }
  return null;
}

function monthNumber(name: string | undefined): number {
  return monthPrefixes.indexOf((name ?? "").slice(0, 3)) + 1;
}

/** The year given, or for a month named alone the first such month on or after `after`. */
function yearOf(given: string | undefined, month: number, after: string | null): number | null {
  if (given) return Number(given);
  if (!after) return null;
  const year = Number(after.slice(0, 4));
  const afterMonth = Number(after.slice(5, 7));
  return month >= afterMonth ? year : year + 1;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
