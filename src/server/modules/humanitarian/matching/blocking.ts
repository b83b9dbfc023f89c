// Blocking: only persons who share at least one blocking key are compared, so 100,000 × 100,000 is
// not ten billion comparisons. Several keys, so that one typo, a missing father, grandfather or birth,
// or the family name written first still leaves a key the pair shares: given+father+family,
// given+grandfather+family, given+mother+family, given+family+birth year (or a year next to it), father+given (or
// family)+birth year, and father+grandfather+family. A key shared by too many persons says too little and is
// skipped; the pair still meets on another one.

import { nameFields, type PreparedPerson } from "./compare.ts";

/** A block larger than this is skipped: comparing within it would cost more than it tells. */
export const largestBlock = 600;

function keysOf(forms: { key: string }[]): string[] {
  return forms.map((form) => form.key);
}

/**
 * The blocking keys of one person (every script's key: an Arabic-only and a Latin-only entry share
 * them). Three parts each, so blocks stay small on lists of common names; given and family name are
 * taken in either order, so a list that writes the family name first still meets its pair. A probe
 * (the side that looks up) also tries the years next to its own, for a birth year copied one off.
 */
export function blockingKeys(person: PreparedPerson, probe = false): string[] {
  const given = keysOf(person.names.given);
  const father = keysOf(person.names.father);
  const grandfather = keysOf(person.names.grandfather);
  const mother = keysOf(person.names.mother);
  const family = keysOf(person.names.family);
  const year = person.birth?.year;
  const years = year === undefined ? [] : probe ? [year - 1, year, year + 1] : [year];
  const keys = new Set<string>();
  for (const g of given) {
    for (const f of family) {
      const pair = g < f ? `${g}|${f}` : `${f}|${g}`;
      for (const dad of father) keys.add(`gdf|${dad}|${pair}`);
      for (const elder of grandfather) keys.add(`gef|${elder}|${pair}`);
      for (const mum of mother) keys.add(`gmf|${mum}|${pair}`);
      for (const y of years) keys.add(`gfy|${pair}|${y}`);
    }
  }
  for (const dad of father) {
    for (const name of [...given, ...family]) if (year !== undefined) keys.add(`xdy|${dad}|${name}|${year}`);
    for (const name of family) for (const elder of grandfather) keys.add(`xde|${dad}|${elder}|${name}`);
  }
  // Few name parts: block on what there is.
  if (keys.size === 0) {
    const parts = nameFields.flatMap((field) => keysOf(person.names[field]).slice(0, 1));
    if (parts.length > 0) keys.add(`few|${parts.sort().join("|")}|${year ?? ""}`);
  }
  return [...keys];
}

/** The persons of a list by blocking key. */
export function blockIndex(persons: PreparedPerson[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const [position, person] of persons.entries()) {
    for (const key of blockingKeys(person)) {
      const block = index.get(key);
      if (block) block.push(position);
      else index.set(key, [position]);
    }
  }
  return index;
}
