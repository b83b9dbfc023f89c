// Finding the same person across two lists (one-to-one) and twice within one list. Pure computation,
// no database: the matching job decrypts the entries, calls these, and writes candidates for review.

import { blockIndex, blockingKeys, largestBlock } from "./blocking.ts";
import { comparePersons, countFrequencies, type PreparedPerson, preparePerson } from "./compare.ts";
import type { Candidate, MatchablePerson, MatchOptions } from "./types.ts";

/** The score from which a pair is proposed for review, unless the caller asks otherwise. */
export const defaultThreshold = 0.5;

const progressEvery = 2000;

/** Compares every person on the left with the persons on the right it shares a block with. */
function scoreBlocks(
  left: PreparedPerson[],
  right: PreparedPerson[],
  sameList: boolean,
  threshold: number,
  options: MatchOptions,
): Candidate[] {
  const frequencies = countFrequencies(
    sameList ? left : [...left, ...right],
    Math.max(left.length, right.length),
  );
  const index = blockIndex(right);
  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  for (const [position, person] of left.entries()) {
    seen.clear();
    for (const key of blockingKeys(person, true)) {
      const block = index.get(key);
      if (!block || block.length > largestBlock) continue;
      for (const other of block) {
        if (sameList && other <= position) continue;
        if (seen.has(other)) continue;
        seen.add(other);
        const otherPerson = right[other] as PreparedPerson;
        const { score, fields } = comparePersons(person, otherPerson, frequencies);
        if (score >= threshold)
          candidates.push({ leftId: person.id, rightId: otherPerson.id, score, fields });
      }
    }
    if ((position + 1) % progressEvery === 0) {
      options.onProgress?.(position + 1, left.length);
      if (options.shouldStop?.()) break;
    }
  }
  options.onProgress?.(left.length, left.length);
  return candidates.sort((a, b) => b.score - a.score);
}

/**
 * The persons of `left` found in `right`, each at most once on each side: the best-scoring pairs at
 * or above the threshold, taken greedily from the top. Candidates only: a person confirms each one.
 */
export function findMatches(
  left: MatchablePerson[],
  right: MatchablePerson[],
  options: MatchOptions = {},
): Candidate[] {
  const all = scoreBlocks(
    left.map(preparePerson),
    right.map(preparePerson),
    false,
    options.threshold ?? defaultThreshold,
    options,
  );
  const takenLeft = new Set<string>();
  const takenRight = new Set<string>();
  const chosen: Candidate[] = [];
  for (const candidate of all) {
    if (takenLeft.has(candidate.leftId) || takenRight.has(candidate.rightId)) continue;
    takenLeft.add(candidate.leftId);
    takenRight.add(candidate.rightId);
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * Pairs within one list that look like the same person entered twice, best first; a person may
 * appear in several pairs (entered three times). Candidates only: nothing is merged here.
 */
export function findDuplicates(list: MatchablePerson[], options: MatchOptions = {}): Candidate[] {
  const prepared = list.map(preparePerson);
  return scoreBlocks(prepared, prepared, true, options.threshold ?? defaultThreshold, options);
}
