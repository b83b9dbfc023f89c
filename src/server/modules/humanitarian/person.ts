// A person's personal fields at rest: sealed (AES-256-GCM, bound to the record's id) and fingerprinted
// (a keyed HMAC of the normalised fields, to find exact duplicates in SQL). Also the script checks
// lists need: which script a name is written in, and whether one field mixes two.
import type { NameParts, PersonFields } from "../../../contracts/humanitarian.ts";
import { fingerprintPersonal, sealPersonal, unsealPersonal } from "../../platform/personal-data.ts";
import { foldForSearch } from "../../platform/search-text.ts";

const nameParts = ["given", "father", "grandfather", "family", "mother"] as const;

/** The person's fields in the order of their packed form (after its form number). */
const packedFields = [
  "sex",
  "birthDate",
  "birthYear",
  "origin",
  "eventDate",
  "eventYear",
  "eventPlace",
] as const;
/** The packed form's number: its first element, so a later form can be told from this one. */
const packedForm = 2;

/**
 * A person as sealed: a flat array `[2, the five Arabic name parts, the five Latin ones, sex, birth date,
 * birth year, origin, event date, event year, event place]`, absent values null. Without the field names
 * the ciphertext is about half as long, and a list import writes it three times per row (staged, the
 * row, its case): fewer bytes to encrypt, copy and index.
 */
function packPerson(person: PersonFields): unknown[] {
  const arabic = person.arabic ?? {};
  const latin = person.latin ?? {};
  return [
    packedForm,
    ...nameParts.map((part) => arabic[part] ?? null),
    ...nameParts.map((part) => latin[part] ?? null),
    ...packedFields.map((field) => person[field] ?? null),
  ];
}

/** A sealed person back as fields: the packed form, or the object the first records were sealed as. */
function unpackPerson(value: unknown): PersonFields {
  if (!Array.isArray(value)) return value as PersonFields;
  if (value[0] !== packedForm) throw new Error("Not a sealed person (unknown form).");
  const parts = (from: number) =>
    Object.fromEntries(nameParts.map((part, index) => [part, value[from + index] ?? null]));
  const person: Record<string, unknown> = { arabic: parts(1), latin: parts(1 + nameParts.length) };
  packedFields.forEach((field, index) => {
    person[field] = value[1 + 2 * nameParts.length + index] ?? null;
  });
  return person as PersonFields;
}

/** Encrypts a person's fields for the row `id` (a case or a list row), in their packed form. */
export function sealPerson(person: PersonFields, id: string): string {
  return sealPersonal(packPerson(person), id);
}

/** Decrypts what `sealPerson` wrote for the same row (or what earlier versions wrote: the fields' object). */
export function openPerson(sealed: string, id: string): PersonFields {
  return unpackPerson(unsealPersonal<unknown>(sealed, id));
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
