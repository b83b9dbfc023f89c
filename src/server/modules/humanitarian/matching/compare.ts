// Two persons compared field by field: names on their phonetic forms (Jaro–Winkler), sex and birth as
// evidence, the place of origin as a hint. Each field gives a verdict a reviewer can read and a weight
// of evidence in bits (Fellegi–Sunter): agreeing on a rare name says more than agreeing on Mohammed,
// an absent field says nothing (missing, not disagree), a different sex or birth year says much.
// The weights sum to a log-likelihood that the logistic turns into a 0..1 score.

import { type Birth, birthOfPerson } from "./dates.ts";
import { jaroWinkler } from "./jaro-winkler.ts";
import { type NameForms, nameReadings, rendersLongVowels } from "./phonetic.ts";
import type { FieldVerdict, MatchablePerson, NameParts } from "./types.ts";

export const nameFields = ["given", "father", "grandfather", "family", "mother"] as const;
export type NameField = (typeof nameFields)[number];

/** A person with every form computed once: names in both scripts (0–2 forms a field), birth, sex, origin. */
export type PreparedPerson = {
  id: string;
  names: Record<NameField, NameForms[]>;
  sex: "male" | "female" | null;
  birth: Birth | null;
  origin: NameForms[];
};

// Lists repeat the same names thousands of times: each written form is worked out once.
const formCache = new Map<string, NameForms[]>();

function cachedReadings(text: string | null | undefined): NameForms[] {
  if (!text) return [];
  let readings = formCache.get(text);
  if (readings === undefined) {
    if (formCache.size > 500_000) formCache.clear();
    readings = nameReadings(text);
    formCache.set(text, readings);
  }
  return readings;
}

function formsOf(...texts: (string | null | undefined)[]): NameForms[] {
  const forms: NameForms[] = [];
  for (const form of texts.flatMap(cachedReadings)) {
    const known = forms.some(
      (other) => other.key === form.key && other.latin === form.latin && other.arabic === form.arabic,
    );
    if (!known) forms.push(form);
  }
  return forms;
}

/** Computes a person's forms once, so that comparing it with many others costs only the comparisons. */
export function preparePerson(person: MatchablePerson): PreparedPerson {
  const part = (parts: NameParts | undefined, field: NameField) => parts?.[field];
  const names = {} as Record<NameField, NameForms[]>;
  for (const field of nameFields)
    names[field] = formsOf(part(person.arabic, field), part(person.latin, field));
  return {
    id: person.id,
    names,
    sex: person.sex ?? null,
    birth: birthOfPerson(person.birthDate, person.birthYear),
    origin: formsOf(person.origin),
  };
}

/**
 * How alike two written names are, 0..1, or null when either is absent: the best over the scripts
 * both are written in. The skeleton compares across scripts; when both are in the same script the
 * finer form (vowels, long vowels) is averaged in, so Mahmoud and Mohammed are close, not equal.
 */
export function nameSimilarity(left: NameForms[], right: NameForms[]): number | null {
  if (left.length === 0 || right.length === 0) return null;
  let best = -1;
  for (const a of left) {
    for (const b of right) {
      if (a.alternative && b.alternative) continue;
      const similarity = formSimilarity(a, b);
      if (similarity > best) best = similarity;
    }
  }
  return Math.max(best, 0);
}

// Lists repeat their names: the similarity of two written forms (the same objects, by the form cache)
// is computed once.
const similarityCache = new WeakMap<NameForms, Map<NameForms, number>>();

function formSimilarity(a: NameForms, b: NameForms): number {
  let row = similarityCache.get(a);
  if (!row) {
    row = new Map();
    similarityCache.set(a, row);
  }
  let similarity = row.get(b);
  if (similarity === undefined) {
    similarity = Math.min(scriptSimilarity(a, b), compoundSimilarity(a, b));
    row.set(b, similarity);
  }
  return similarity;
}

/**
 * Two written forms: where both share a script the finer comparison is averaged with the skeleton's;
 * across scripts the skeleton alone, its long vowels checked.
 */
function scriptSimilarity(a: NameForms, b: NameForms): number {
  let skeleton = a.key === b.key ? 1 : jaroWinkler(a.key, b.key);
  let fine = -1;
  if (a.latin !== null && b.latin !== null) fine = a.latin === b.latin ? 1 : jaroWinkler(a.latin, b.latin);
  if (a.arabic !== null && b.arabic !== null) {
    // Written in Arabic both, the long vowels are the name's (عمر/عمار, حسن/حسين): differing, at most close.
    const arabic = a.arabic === b.arabic ? 1 : jaroWinkler(a.arabic, b.arabic);
    fine = Math.max(fine, a.vowelled === b.vowelled ? arabic : Math.min(arabic, closeAt + 0.02));
  }
  if (fine >= 0) return (skeleton + fine) / 2;
  // Across scripts, an equal skeleton is only close when the Latin cannot render the Arabic's long
  // vowels (Muhammad for محمود), or writes more long vowels than it has (Hussein for حسن).
  if (skeleton === 1 && !vowelsAgree(a, b)) skeleton = 0.9;
  return skeleton;
}

// 'Abd al-X and Abu X: two names sharing only the first word are different names (Abdelaziz is not
// Abdullah), though Jaro–Winkler, which favours a shared beginning, would call them close.
const compoundPrefixes = ["abd", "ab"];

function compoundSimilarity(a: NameForms, b: NameForms): number {
  const prefix = compoundPrefixes.find((start) => a.key.startsWith(start) && b.key.startsWith(start));
  if (prefix === undefined) return 1;
  const restA = a.key.slice(prefix.length);
  const restB = b.key.slice(prefix.length);
  return restA === restB ? 1 : jaroWinkler(restA, restB);
}

function vowelsAgree(a: NameForms, b: NameForms): boolean {
  const arabic = a.arabic !== null ? a : b.arabic !== null ? b : null;
  const latin = a.latin !== null ? a : b.latin !== null ? b : null;
  if (!arabic || !latin || arabic.vowelled === null || latin.vowelled === null) return true;
  return latin.longVowels <= arabic.longVowels && rendersLongVowels(arabic.vowelled, latin.vowelled);
}

export const agreeAt = 0.94;
export const closeAt = 0.85;

/** How often a name key occurs, for the weight of agreeing on it; smoothed so small lists are not overweighted. */
export type NameFrequencies = {
  forename: (key: string) => number;
  family: (key: string) => number;
  /** The bits of evidence at which the score is one half: more for longer lists (see `evenBitsFor`). */
  evenBits: number;
};

const flatFrequency = () => 1 / 200;
export const flatFrequencies: NameFrequencies = {
  forename: flatFrequency,
  family: flatFrequency,
  evenBits: 14,
};

/**
 * The evidence a pair needs for even odds, given the lists' size: the longer the list, the likelier
 * a chance lookalike (the prior odds that two persons taken at random are one fall as 1/size), so the
 * bar rises by a bit each time the list doubles, from 14 bits up to ten thousand persons.
 */
export function evenBitsFor(largestList: number): number {
  return Math.max(14, Math.log2(Math.max(1, largestList)) + 1);
}

/** Counts the name keys of the persons given: the frequency of a key, smoothed towards 1/200. */
export function countFrequencies(persons: PreparedPerson[], largestList = persons.length): NameFrequencies {
  const forenames = new Map<string, number>();
  const families = new Map<string, number>();
  let forenameTotal = 0;
  let familyTotal = 0;
  for (const person of persons) {
    for (const field of nameFields) {
      const table = field === "family" ? families : forenames;
      for (const form of person.names[field]) table.set(form.key, (table.get(form.key) ?? 0) + 1);
      if (field === "family") familyTotal += person.names[field].length;
      else forenameTotal += person.names[field].length;
    }
  }
  const prior = 200;
  const smoothed = (table: Map<string, number>, total: number) => (key: string) =>
    ((table.get(key) ?? 0) + 1) / (total + prior);
  return {
    forename: smoothed(forenames, forenameTotal),
    family: smoothed(families, familyTotal),
    evenBits: evenBitsFor(largestList),
  };
}

// Bits against a match when a name clearly differs; a grandfather's and a mother's names are written
// less carefully, so they count less.
const disagreeBits: Record<NameField, number> = {
  given: -5,
  father: -4,
  grandfather: -2.5,
  family: -5,
  mother: -3,
};
const agreeCap: Record<NameField, number> = { given: 9, father: 8, grandfather: 6, family: 10, mother: 6 };

function nameEvidence(
  field: NameField,
  left: NameForms[],
  right: NameForms[],
  frequencies: NameFrequencies,
): { verdict: FieldVerdict; bits: number } {
  const similarity = nameSimilarity(left, right);
  if (similarity === null) return { verdict: { field, verdict: "missing" }, bits: 0 };
  const rounded = Math.round(similarity * 100) / 100;
  if (similarity < closeAt)
    return { verdict: { field, verdict: "disagree", similarity: rounded }, bits: disagreeBits[field] };
  const frequency = field === "family" ? frequencies.family : frequencies.forename;
  let rarest = 1;
  for (const form of left) rarest = Math.min(rarest, frequency(form.key));
  const agreeBits = Math.min(agreeCap[field], Math.log2(0.95 / rarest));
  if (similarity >= agreeAt)
    return { verdict: { field, verdict: "agree", similarity: rounded }, bits: agreeBits };
  // Close: a typo or a rarer spelling; partial evidence, scaled by how close.
  const share = (similarity - closeAt) / (agreeAt - closeAt);
  return {
    verdict: { field, verdict: "close", similarity: rounded },
    bits: agreeBits * (0.2 + 0.5 * share) - 1,
  };
}

function birthEvidence(left: Birth | null, right: Birth | null): { verdict: FieldVerdict; bits: number } {
  if (!left || !right) return { verdict: { field: "birth", verdict: "missing" }, bits: 0 };
  const yearsApart = Math.abs(left.year - right.year);
  const bothFull = left.month !== null && right.month !== null;
  if (yearsApart === 0) {
    if (!bothFull) return { verdict: { field: "birth", verdict: "agree", similarity: 0.8 }, bits: 4.5 };
    if (left.month === right.month && left.day === right.day)
      return { verdict: { field: "birth", verdict: "agree", similarity: 1 }, bits: 9 };
    if (left.month === right.day && left.day === right.month)
      return { verdict: { field: "birth", verdict: "close", similarity: 0.9 }, bits: 3 };
    return { verdict: { field: "birth", verdict: "close", similarity: 0.6 }, bits: -1.5 };
  }
  if (yearsApart === 1 || (yearsApart < 100 && sameDigitsTransposed(left.year, right.year))) {
    const sameDay = bothFull && left.month === right.month && left.day === right.day;
    return {
      verdict: { field: "birth", verdict: "close", similarity: sameDay ? 0.8 : 0.5 },
      bits: sameDay ? 3 : -1,
    };
  }
  // Years far apart: a copying slip that large is rare; these are two people.
  return { verdict: { field: "birth", verdict: "disagree", similarity: 0 }, bits: yearsApart > 2 ? -10 : -6 };
}

/** 1978 and 1987: the last two digits swapped, a frequent slip when copying lists. */
function sameDigitsTransposed(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  return (
    x.length === 4 && y.length === 4 && x.slice(0, 2) === y.slice(0, 2) && x[2] === y[3] && x[3] === y[2]
  );
}

function sexEvidence(
  left: PreparedPerson["sex"],
  right: PreparedPerson["sex"],
): { verdict: FieldVerdict; bits: number } {
  if (!left || !right) return { verdict: { field: "sex", verdict: "missing" }, bits: 0 };
  return left === right
    ? { verdict: { field: "sex", verdict: "agree", similarity: 1 }, bits: 0.5 }
    : { verdict: { field: "sex", verdict: "disagree", similarity: 0 }, bits: -8 };
}

function originEvidence(left: NameForms[], right: NameForms[]): { verdict: FieldVerdict; bits: number } {
  const similarity = nameSimilarity(left, right);
  if (similarity === null) return { verdict: { field: "origin", verdict: "missing" }, bits: 0 };
  const rounded = Math.round(similarity * 100) / 100;
  if (similarity >= agreeAt)
    return { verdict: { field: "origin", verdict: "agree", similarity: rounded }, bits: 1.5 };
  if (similarity >= closeAt)
    return { verdict: { field: "origin", verdict: "close", similarity: rounded }, bits: 0.5 };
  return { verdict: { field: "origin", verdict: "disagree", similarity: rounded }, bits: -1 };
}

// The name orders lists are known to mix up: family name written first, father and grandfather
// swapped; each costs bits, as a slip is rarer than two persons with the same names in another order.
const orders: Record<NameField, NameField>[] = [
  { given: "given", father: "father", grandfather: "grandfather", family: "family", mother: "mother" },
  { given: "family", father: "father", grandfather: "grandfather", family: "given", mother: "mother" },
  { given: "given", father: "grandfather", grandfather: "father", family: "family", mother: "mother" },
];

function disagrees(verdicts: FieldVerdict[], field: NameField): boolean {
  const verdict = verdicts.find((candidate) => candidate.field === field)?.verdict;
  return verdict === "disagree" || verdict === "missing";
}

const orderCost = [0, -2, -4];

/**
 * Compares two persons: the verdict of every field and a 0..1 score, under the name order that fits
 * best (a list that wrote the family name first still meets its pair, and says so by its verdicts).
 */
export function comparePersons(
  left: PreparedPerson,
  right: PreparedPerson,
  frequencies: NameFrequencies,
): { score: number; fields: FieldVerdict[] } {
  const evidence = new Map<string, { verdict: FieldVerdict; bits: number }>();
  const fieldEvidence = (field: NameField, rightField: NameField) => {
    const key = `${field}:${rightField}`;
    let found = evidence.get(key);
    if (!found) {
      found = nameEvidence(field, left.names[field], right.names[rightField], frequencies);
      evidence.set(key, found);
    }
    return found;
  };
  let bestBits = Number.NEGATIVE_INFINITY;
  let bestVerdicts: FieldVerdict[] = [];
  for (const [index, order] of orders.entries()) {
    // Another order is worth trying only where the written one disagrees.
    if (index === 1 && !disagrees(bestVerdicts, "given") && !disagrees(bestVerdicts, "family")) continue;
    if (index === 2 && !disagrees(bestVerdicts, "father") && !disagrees(bestVerdicts, "grandfather"))
      continue;
    let bits = orderCost[index] ?? 0;
    const verdicts: FieldVerdict[] = [];
    for (const field of nameFields) {
      const found = fieldEvidence(field, order[field]);
      bits += found.bits;
      verdicts.push({ ...found.verdict, field });
    }
    if (bits > bestBits) {
      bestBits = bits;
      bestVerdicts = verdicts;
    }
  }
  const others = [
    sexEvidence(left.sex, right.sex),
    birthEvidence(left.birth, right.birth),
    originEvidence(left.origin, right.origin),
  ];
  for (const evidence of others) {
    bestBits += evidence.bits;
    bestVerdicts.push(evidence.verdict);
  }
  const score = 1 / (1 + 2 ** (-(bestBits - frequencies.evenBits) / 2));
  return { score: Math.round(score * 1000) / 1000, fields: bestVerdicts };
}
