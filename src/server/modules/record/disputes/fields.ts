// The record's words for a disputed field (free text, as its sources' readers wrote them) turned into
// the stable keys of src/contracts/disputes.ts, which the web app labels in each language.
import type { DisputedField } from "../../../../contracts/disputes.ts";

export type FieldKey = { field: DisputedField; index: number | null };

/** In order: the first pattern that matches the field's words gives its key (and index, if captured). */
const patterns: [RegExp, DisputedField][] = [
  [/^(?:start_date \/ end_date|start_date|end_date|dates?)(?:\s*[;(]|$)/, "dates"],
  [/^city\b/, "city"],
  [/^next_round_decision\b/, "nextRound"],
  [/^key_outcomes\[(\d+)\]/, "outcome"],
  [/^key_outcomes\b/, "outcomes"],
  [/^facts\[(\d+)\]/, "fact"],
  [/^participants\.observers\b/, "observers"],
  [/^participants\.international_organizations\b/, "internationalOrganizations"],
  [/^participants\b/, "participants"],
  [/^heads_of_delegations\b/, "heads"],
  [/stopped attending|\babsence from\b/, "attendance"],
  [/^status$/, "status"],
  [/\bhistory\b/, "history"],
  [/\bdeadline\b/, "deadline"],
  [/^source metadata\b/, "sourceMetadata"],
  [/\bjoint statement issued\b/, "jointStatement"],
  [/\bcomposition\b/, "composition"],
  [/\boversight\b/, "oversight"],
  [/\bvenue\b/, "venue"],
  [/\blevel\b/, "level"],
  [/\btitle\b/, "title"],
  [/^(?:number of|estimate of)|\bcounts?\b|\btotal\b|^released_by/, "count"],
  [/\bdate\b/, "relatedDate"],
  [/\bname\b/, "name"],
  [/absence of evidence/, "absenceOfEvidence"],
];

/**
 * The stable key of a conflict's field: `key_outcomes[0] (…)` is outcome 0, `start_date / end_date`
 * the dates. Readers see the key's label, never the record's internal name; an unknown wording is
 * `other` (labelled as such, with the conflict's own text beside it).
 */
export function fieldKeyOf(field: string | null): FieldKey {
  const words = (field ?? "").trim().toLowerCase();
  for (const [pattern, key] of patterns) {
    const match = pattern.exec(words);
    if (match) return { field: key, index: match[1] === undefined ? null : Number(match[1]) };
  }
  return { field: "other", index: null };
}

/** Round numbers a value names ("from the 9th round", "round 15"), for the rule on attendance. */
export function roundNumbersIn(value: string): number[] {
  return [...value.matchAll(/\b(\d+)(?:st|nd|rd|th) round\b|\bround (\d+)\b/gi)].map((match) =>
    Number(match[1] ?? match[2]),
  );
}

/**
 * What of a value a fact's text would repeat: without its parenthetical remarks and quotation marks,
 * and only when long enough to be telling (a bare "5 days" is not looked for).
 */
export function telltaleOf(value: string): string | null {
  const core = value
    .replace(/\([^)]*\)/g, " ")
    .replace(/['"‘’“”]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return core.length >= 8 ? core : null;
}
