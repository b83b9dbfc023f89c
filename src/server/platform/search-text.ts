// Text folding for matching what readers type against what the record holds, in English, Russian and
// Arabic: one function per rule, each tested, reused by search and by any module that matches names
// (the humanitarian working group's lists).

// Short vowels, tanween, shadda, sukun, the hamza and madda marks, the superscript alef and the
// Quranic annotation signs: all optional in ordinary writing.
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;
// Tatweel (kashida) stretches a word; zero-width joiners and direction marks are invisible.
const invisibles = /[\u0640\u200B-\u200F\u061C\u2066-\u2069\uFEFF]/g;
const letterFolds: Record<string, string> = {
  // Every alef carrying a hamza or madda, and the wasla, is written as bare alef by many writers.
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ
  "\u0672": "\u0627",
  "\u0673": "\u0627",
  // Hamza on a carrier is often written as the bare carrier, and a lone hamza left out.
  "\u0624": "\u0648", // ؤ → و
  "\u0626": "\u064A", // ئ → ي
  "\u0621": "", // ء
  // Ta marbuta and ha, alef maqsura and ya, are interchanged at the end of words.
  "\u0629": "\u0647", // ة → ه
  "\u0649": "\u064A", // ى → ي
  // Persian letter forms that Arabic text copied from other sources carries.
  "\u06CC": "\u064A", // ی → ي
  "\u06A9": "\u0643", // ک → ك
};
const foldedLetters = new RegExp(`[${Object.keys(letterFolds).join("")}]`, "g");

/**
 * Arabic as readers type it, whatever the source's spelling: presentation forms and ligatures
 * decomposed (NFKC), diacritics (tashkeel), tatweel and invisible marks removed, alef forms unified
 * (أ إ آ ٱ → ا), hamza carriers written bare (ؤ → و, ئ → ي, ء dropped), ta marbuta as ha (ة → ه),
 * alef maqsura as ya (ى → ي), Arabic-Indic digits as 0–9. Text in other scripts passes unchanged
 * (apart from NFKC). Spelling variants that mean the same word then compare equal.
 */
export function normalizeArabic(text: string): string {
  return text
    .normalize("NFKC")
    .replace(arabicMarks, "")
    .replace(invisibles, "")
    .replace(foldedLetters, (letter) => letterFolds[letter] ?? letter)
    .replace(/[\u0660-\u0669]/g, (digit) => String((digit.codePointAt(0) ?? 0x0660) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0) ?? 0x06f0) - 0x06f0));
}

/**
 * Any text folded for matching: Arabic normalized (`normalizeArabic`), lower case, accents on Latin
 * letters dropped (Türkiye = Turkiye) and ё written е, as Russian usually is. Cyrillic letters keep
 * their marks (й is not и).
 */
export function foldForSearch(text: string): string {
  return normalizeArabic(text)
    .toLowerCase()
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .replaceAll("ё", "е");
}

// The Arabic definite article and the one-letter words that cling to it (wa-, bi-, ka-, fa-, li-).
const arabicArticle = /^(?:ال|وال|بال|كال|فال|لل)(?=[\u0621-\u064A]{2,})/;

/** An Arabic word without its article (المفاوضات → مفاوضات), so "the talks" finds "talks"; other words unchanged. */
export function withoutArabicArticle(word: string): string {
  return word.replace(arabicArticle, "");
}

/** The words of a text: runs of letters, marks and digits (hyphens and apostrophes inside a word kept). */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}\u0640]+(?:['’-][\p{L}\p{M}\p{N}\u0640]+)*/gu)) {
    words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/**
 * A text as the exact-word index holds it: folded, each Arabic word also without its article, so that
 * a query written with or without "al-" finds it.
 */
export function exactWordsForIndex(text: string): string {
  const words: string[] = [];
  for (const { word } of wordsOf(foldForSearch(text))) {
    words.push(word);
    const bare = withoutArabicArticle(word);
    if (bare !== word) words.push(bare);
  }
  return words.join(" ");
}
