// Birth dates as lists give them: ISO, day-first with slashes or dots (1/2/80, 01.02.1980), a year
// alone, in Western or Eastern Arabic digits (١٩٨٠). Syrian lists write the day first.

import { normalizeArabic } from "../../../platform/search-text.ts";

/** A birth as far as it is known: the year always, the month and day when the list gave them. */
export type Birth = { year: number; month: number | null; day: number | null };

function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  const thisCentury = new Date().getUTCFullYear() % 100;
  return year <= thisCentury ? 2000 + year : 1900 + year;
}

function birthOf(year: number, month: number | null, day: number | null): Birth | null {
  if (!Number.isInteger(year) || year < 1880 || year > 2100) return null;
  if (month === null || day === null) return { year, month: null, day: null };
  if (month < 1 || month > 12 || day < 1 || day > 31) return { year, month: null, day: null };
  return { year, month, day };
}

/**
 * A birth date written as lists write it, or null when the text holds none: yyyy-mm-dd, d/m/yy,
 * d/m/yyyy, d.m.yyyy, d-m-yyyy, or a year alone; Eastern Arabic and Persian digits read as 0–9.
 */
export function parseBirthText(text: string | null | undefined): Birth | null {
  if (!text) return null;
  const digits = normalizeArabic(text)
    .replace(/[\u066B\u066C]/g, "/")
    .trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(digits);
  if (iso) return birthOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(digits);
  if (dayFirst) return birthOf(fullYear(dayFirst[3] ?? ""), Number(dayFirst[2]), Number(dayFirst[1]));
  const yearOnly = /^(\d{4})$/.exec(digits);
  if (yearOnly) return birthOf(Number(yearOnly[1]), null, null);
  return null;
}

/** A person's birth from a full date when given, else from the year alone. */
export function birthOfPerson(
  birthDate: string | null | undefined,
  birthYear: number | null | undefined,
): Birth | null {
  const fromDate = parseBirthText(birthDate);
  if (fromDate) return fromDate;
  return typeof birthYear === "number" ? birthOf(birthYear, null, null) : null;
}
