// Highlighted passages as plain text and ranges, never markup: the web app renders the text as text
// and marks the ranges, so a record holding "<script>" shows those characters and runs nothing.
import type { SearchLanguage, SearchPassage } from "../../../contracts/search.ts";
import type { LocalizedText } from "../../platform/module.ts";
import { foldForSearch, withoutArabicArticle, wordsOf } from "../../platform/search-text.ts";

/**
 * What a word of the record must start with to be marked: the query's stems (from the database's
 * English, Russian and Arabic configurations), its folded words with and without the Arabic article,
 * and, for a search by part of a word, the folded query itself.
 */
export type MatchTerms = { prefixes: string[]; fragment: string | null };

/** The terms to mark for a query, given the stems the database derived from it. */
export function matchTerms(query: string, stems: string[]): MatchTerms {
  const folded = foldForSearch(query);
  const words = wordsOf(folded).map((word) => word.word);
  const prefixes = new Set<string>();
  for (const stem of stems) if (stem.length >= 2) prefixes.add(stem);
  for (const word of words) {
    if (word.length >= 3 || stems.length === 0) prefixes.add(word);
    const bare = withoutArabicArticle(word);
    if (bare.length >= 2) prefixes.add(bare);
  }
  const fragment = folded.trim().length >= 3 ? folded.trim() : null;
  return { prefixes: [...prefixes], fragment };
}

/** The `[start, end)` ranges of `text` whose words match the terms. */
export function highlightRanges(text: string, terms: MatchTerms): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { word, start, end } of wordsOf(text)) {
    const folded = foldForSearch(word);
    const bare = withoutArabicArticle(folded);
    const hit =
      terms.prefixes.some((prefix) => folded.startsWith(prefix) || bare.startsWith(prefix)) ||
      (terms.fragment !== null && !terms.fragment.includes(" ") && folded.includes(terms.fragment));
    if (hit) ranges.push([start, end]);
  }
  return ranges;
}

/** Longest passage shown whole; a longer one is cut to a window around its first match. */
const maxPassage = 280;

/** Cuts a long text to a window around its first highlight, on word boundaries, marking the cuts with "…". */
export function windowed(
  text: string,
  ranges: [number, number][],
): { text: string; highlights: [number, number][] } {
  if (text.length <= maxPassage) return { text, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - 100);
  let to = Math.min(text.length, from + maxPassage);
  from = Math.max(0, to - maxPassage);
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
  const prefix = from > 0 ? "… " : "";
  const suffix = to < text.length ? " …" : "";
  const shift = prefix.length - from;
  return {
    text: `${prefix}${text.slice(from, to)}${suffix}`,
    highlights: ranges
      .filter(([start, end]) => start >= from && end <= to)
      .map(([start, end]) => [start + shift, end + shift] as [number, number]),
  };
}

/** The text in the reader's language when the record has it, otherwise in the first language it has. */
export function inLanguage(
  text: LocalizedText,
  lang: SearchLanguage,
): { lang: SearchLanguage; text: string } | null {
  for (const candidate of [lang, "en", "ru", "ar"] as const) {
    const value = text[candidate];
    if (value && value.trim() !== "") return { lang: candidate, text: value };
  }
  return null;
}

/**
 * A passage for the reader: the text in their language (or the one the record has, said so by
 * `lang`), its matches marked. A passage that matched only in another language is shown in that
 * language, so the reader sees why it was found; a title (`preferReader`) stays in the reader's.
 */
export function passageOf(
  field: string,
  text: LocalizedText,
  lang: SearchLanguage,
  terms: MatchTerms,
  options: { preferReader?: boolean } = {},
): (SearchPassage & { matched: boolean }) | null {
  const shown = inLanguage(text, lang);
  if (!shown) return null;
  const ranges = highlightRanges(shown.text, terms);
  if (ranges.length === 0 && !options.preferReader) {
    for (const other of ["en", "ru", "ar"] as const) {
      const value = text[other];
      const otherRanges = value ? highlightRanges(value, terms) : [];
      if (value && otherRanges.length > 0)
        return { field, lang: other, ...windowed(value, otherRanges), matched: true };
    }
  }
  return { field, lang: shown.lang, ...windowed(shown.text, ranges), matched: ranges.length > 0 };
}
