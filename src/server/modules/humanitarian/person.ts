// A person's personal fields at rest: sealed (AES-256-GCM, bound to the record's id) and fingerprinted
// (a keyed HMAC of the normalised fields, to find exact duplicates in SQL). Also the script checks
// lists need: which script a name is written in, and whether one field mixes two.
import type { NameParts, PersonFields } from "../../../contracts/humanitarian.ts";
import { fingerprintPersonal, sealPersonal, unsealPersonal } from "../../platform/personal-data.ts";
import { foldForSearch } from "../../platform/search-text.ts";

const nameParts = ["given", "father", "grandfather", "family", "mother"] as const;

/** Encrypts a person's fields for the row `id` (a case or a list row). */
export function sealPerson(person: PersonFields, id: string): string {
  return sealPersonal(person, id);
}

/** Decrypts what `sealPerson` wrote for the same row. */
export function openPerson(sealed: string, id: string): PersonFields {
  return unsealPersonal<PersonFields>(sealed, id);
}

/** Folded names already met, for one import: a list repeats its given and fathers' names thousands of times. */
export type FoldCache = Map<string, string>;

function foldName(text: string, cache: FoldCache | undefined): string {
  if (!text) return "";
  const known = cache?.get(text);
  if (known !== undefined) return known;
  const folded = foldForSearch(text)
    .replace(/[\s\-_'’.]+/g, " ")
    .trim();
  if (cache && cache.size < 200_000) cache.set(text, folded);
  return folded;
}

function foldParts(parts: NameParts | undefined, cache: FoldCache | undefined): string[] {
  return nameParts.map((part) => foldName(parts?.[part] ?? "", cache));
}

/**
 * The fingerprint of a person within a process: the same names (after Arabic and Latin folding), sex,
 * birth and origin give the same value, so a person listed twice is found without decrypting anyone.
 * An import passes a `cache` it drops at its end, so each distinct name is folded once.
 */
export function personFingerprint(processId: string, person: PersonFields, cache?: FoldCache): string {
  const normalised = [
    processId,
    ...foldParts(person.arabic, cache),
    ...foldParts(person.latin, cache),
    person.sex ?? "",
    person.birthDate ?? "",
    String(person.birthYear ?? ""),
    person.origin ? foldForSearch(person.origin) : "",
  ].join("\u241f");
  return fingerprintPersonal(normalised);
}

/** Whether the person has at least one name part in some script. */
export function hasAName(person: PersonFields): boolean {
  return nameParts.some((part) => Boolean(person.arabic?.[part] || person.latin?.[part]));
}

const arabicLetter = /\p{Script=Arabic}/u;
const latinLetter = /\p{Script=Latin}/u;
const otherLetter = /(?![\p{Script=Arabic}\p{Script=Latin}])\p{L}/u;

/** The scripts a text's letters are written in. */
export function scriptsOf(text: string): { arabic: boolean; latin: boolean; other: boolean } {
  return { arabic: arabicLetter.test(text), latin: latinLetter.test(text), other: otherLetter.test(text) };
}
