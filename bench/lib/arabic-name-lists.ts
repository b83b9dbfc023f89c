// Two lists of detainees as two sides would submit them, with the ground truth known: the same people
// (a share of both lists) written independently by each side: in Arabic script, in Latin letters or
// both; transliterated by different systems; with hamza, ta marbuta and alef maqsura spelled either
// way, diacritics now and then, typos, the family name written first, a grandfather's or mother's name
// left out, dates day-first or in Eastern Arabic digits. Seeded: the same seed gives the same lists.

import type { MatchablePerson, NameParts } from "../../src/server/modules/humanitarian/matching/index.ts";
import {
  derivedFamilyNames,
  familyNames,
  femaleNames,
  generatedFamilyNames,
  maleNames,
  places,
  type VocabularyName,
} from "./arabic-name-vocabulary.ts";

/** A deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a list with Zipf-like weights: the first names are the most common, as in life. */
function zipfPicker<T>(items: T[], exponent: number): (random: () => number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= items.length; rank++) {
    total += 1 / rank ** exponent;
    cumulative.push(total);
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return items[low] as T;
  };
}

type Truth = {
  sex: "male" | "female";
  given: VocabularyName;
  father: VocabularyName;
  grandfather: VocabularyName;
  family: VocabularyName;
  mother: VocabularyName;
  year: number;
  month: number;
  day: number;
  origin: VocabularyName;
};

const pickMale = zipfPicker(maleNames, 0.9);
const pickFemale = zipfPicker(femaleNames, 0.9);
// Well-known family names make 40% of a list; the other 60% come from 4,000 made on roots.
const pickKnownFamily = zipfPicker([...familyNames, ...derivedFamilyNames()], 0.7);
const pickMadeFamily = zipfPicker(generatedFamilyNames(4000, seededRandom(1018)), 0.5);
const pickFamily = (random: () => number) =>
  random() < 0.4 ? pickKnownFamily(random) : pickMadeFamily(random);
const pickPlace = zipfPicker(places, 0.8);

function person(random: () => number): Truth {
  const sex = random() < 0.85 ? "male" : "female";
  return {
    sex,
    given: sex === "male" ? pickMale(random) : pickFemale(random),
    father: pickMale(random),
    grandfather: pickMale(random),
    family: pickFamily(random),
    mother: pickFemale(random),
    year: 1950 + Math.floor(random() * 56),
    month: 1 + Math.floor(random() * 12),
    day: 1 + Math.floor(random() * 28),
    origin: pickPlace(random),
  };
}

const arabicLookalikes: Record<string, string> = {
  ح: "خ",
  خ: "ح",
  ج: "ح",
  س: "ص",
  ص: "س",
  د: "ذ",
  ذ: "د",
  ت: "ط",
  ط: "ت",
  ر: "ز",
  ز: "ر",
  ع: "غ",
  ق: "ك",
  ك: "ق",
};

/** A typist's slip: a letter dropped, doubled, swapped with its neighbour or taken for a look-alike. */
function typo(text: string, random: () => number): string {
  if (text.length < 4) return text;
  const at = 1 + Math.floor(random() * (text.length - 2));
  const kind = random();
  const letter = text[at] ?? "";
  if (kind < 0.3) return text.slice(0, at) + text.slice(at + 1);
  if (kind < 0.5) return text.slice(0, at) + letter + text.slice(at);
  if (kind < 0.75) return text.slice(0, at) + (text[at + 1] ?? "") + letter + text.slice(at + 2);
  const lookalike =
    arabicLookalikes[letter] ?? ("aeiou".includes(letter) ? "aeiou"[Math.floor(random() * 5)] : letter);
  return text.slice(0, at) + lookalike + text.slice(at + 1);
}

/** Arabic as people type it: hamza, ta marbuta and alef maqsura either way, sometimes vowelled or stretched. */
function arabicSpelling(name: string, random: () => number): string {
  let text = name;
  if (random() < 0.35) text = text.replace(/[أإآ]/g, "ا");
  if (random() < 0.3) text = text.replace(/ة(?=\s|$)/g, "ه");
  if (random() < 0.3) text = text.replace(/ى(?=\s|$)/g, "ي");
  if (random() < 0.2) text = text.replace(/عبد /g, "عبد");
  if (random() < 0.08) text = text.replace(/([بتدرسعلمن])/, "$1\u064E");
  if (random() < 0.04) text = text.replace(/([بتسمن])/, "$1\u0640");
  return text;
}

/** A Latin spelling of the name, by whichever system the clerk used, in whatever case. */
function latinSpelling(name: VocabularyName, random: () => number): string {
  const spelling = name.latin[Math.floor(random() * name.latin.length)] ?? "";
  const style = random();
  if (style < 0.1) return spelling.toUpperCase();
  if (style < 0.2) return spelling.replace(/^al-/i, "Al-");
  if (style < 0.25) return spelling.replace(/^al-/i, "el-");
  return spelling;
}

const easternDigits = "٠١٢٣٤٥٦٧٨٩";
const pad = (value: number) => String(value).padStart(2, "0");

/** The birth as one side wrote it: ISO, day-first, two-digit year, Eastern Arabic digits, the year alone or nothing. */
function birthAsWritten(
  truth: Truth,
  random: () => number,
): { birthDate: string | null; birthYear: number | null } {
  let { year, month, day } = truth;
  const slip = random();
  if (slip < 0.03) [month, day] = [day <= 12 ? day : month, day <= 12 ? month : day];
  else if (slip < 0.05) year += random() < 0.5 ? 1 : -1;
  const kind = random();
  if (kind < 0.05) return { birthDate: null, birthYear: null };
  if (kind < 0.3) return { birthDate: null, birthYear: year };
  const format = random();
  let text: string;
  if (format < 0.5) text = `${year}-${pad(month)}-${pad(day)}`;
  else if (format < 0.65) text = `${day}/${month}/${String(year).slice(2)}`;
  else if (format < 0.85) text = `${pad(day)}.${pad(month)}.${year}`;
  else text = `${day}/${month}/${year}`.replace(/\d/g, (digit) => easternDigits[Number(digit)] ?? digit);
  return { birthDate: text, birthYear: null };
}

/** One side's entry for a person: scripts, spellings, omissions and slips drawn independently. */
function entry(id: string, truth: Truth, random: () => number): MatchablePerson {
  const script = random();
  const withArabic = script < 0.7;
  const withLatin = script >= 0.35;
  const order: (keyof NameParts)[] = ["given", "father", "grandfather", "family", "mother"];
  const present = new Set(order);
  if (random() < 0.2) present.delete("grandfather");
  if (random() < 0.35) present.delete("mother");
  if (random() < 0.02) present.delete("father");
  const swapped = random() < 0.03;
  const arabic: NameParts = {};
  const latin: NameParts = {};
  for (const field of order) {
    if (!present.has(field)) continue;
    const target = swapped && field === "given" ? "family" : swapped && field === "family" ? "given" : field;
    const name = truth[field];
    const slip = random() < 0.04;
    if (withArabic)
      arabic[target] = slip
        ? typo(arabicSpelling(name.arabic, random), random)
        : arabicSpelling(name.arabic, random);
    if (withLatin)
      latin[target] = slip ? typo(latinSpelling(name, random), random) : latinSpelling(name, random);
  }
  return {
    id,
    arabic,
    latin,
    sex: random() < 0.9 ? truth.sex : null,
    ...birthAsWritten(truth, random),
    origin:
      random() < 0.7
        ? withArabic && random() < 0.5
          ? truth.origin.arabic
          : latinSpelling(truth.origin, random)
        : null,
  };
}

/** Two lists and the truth: which entry of the right list is the same person as which of the left. */
export type GeneratedLists = {
  left: MatchablePerson[];
  right: MatchablePerson[];
  truth: Map<string, string>;
};

/** Two lists of `size` entries each, `overlap` of them (a share) the same people, shuffled. */
export function generateLists(size: number, overlap: number, seed: number): GeneratedLists {
  const random = seededRandom(seed);
  const shared = Math.round(size * overlap);
  const left: MatchablePerson[] = [];
  const right: MatchablePerson[] = [];
  const truth = new Map<string, string>();
  for (let n = 0; n < size; n++) {
    const somebody = person(random);
    left.push(entry(`L${n}`, somebody, random));
    if (n < shared) {
      right.push(entry(`R${n}`, somebody, random));
      truth.set(`L${n}`, `R${n}`);
    } else right.push(entry(`R${n}`, person(random), random));
  }
  for (let i = right.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [right[i], right[j]] = [right[j] as MatchablePerson, right[i] as MatchablePerson];
  }
  return { left, right, truth };
}
