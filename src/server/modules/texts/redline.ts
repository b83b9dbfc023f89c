// The redline's pure rules: a word-level comparison of two wordings (Russian and Arabic words cut as
// words, punctuation kept as its own token) and the alignment of two texts' paragraphs by stable eId.
import { diffArrays } from "diff";
import type { ParagraphKind } from "../../../contracts/texts.ts";
import type { RedlineParagraph, RedlinePart } from "../../../contracts/texts-views.ts";
import { numberParagraphs } from "./model.ts";

const segmenters = new Map<string, Intl.Segmenter>();

/** A word segmenter for the text's language, made once: the default word pattern of `diff` knows only Latin letters. */
function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "word" });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** The wording cut into words, punctuation marks and runs of space, by the language's own word rules. */
function tokensOf(text: string, language: string): string[] {
  return Array.from(segmenterFor(language).segment(text), (part) => part.segment);
}

/**
 * The word-level changes turning `before` into `after`: runs of equal, deleted and inserted text whose
 * concatenations give back each wording exactly (deleted + equal = before, inserted + equal = after).
 * A lone space kept between two changes joins them, so "A B" replaced by "C D" reads as one deletion
 * and one insertion rather than four fragments around a shared space.
 */
export function diffWordings(before: string, after: string, language: string): RedlinePart[] {
  if (before === after) return before === "" ? [] : [{ kind: "equal", text: before }];
  if (before === "") return [{ kind: "insert", text: after }];
  if (after === "") return [{ kind: "delete", text: before }];
  const key = `${language}\u0000${before}\u0000${after}`;
  const kept = comparedWordings.get(key);
  if (kept) return kept;
  const parts = compareWords(before, after, language);
  comparedWordings.set(key, parts);
  if (comparedWordings.size > 20_000) comparedWordings.delete(comparedWordings.keys().next().value as string);
  return parts;
}

/**
 * Wordings already compared: a redline asked again after one more change compares only the paragraphs
 * that change touched (the comparison of two wordings never changes). Pure text, no tier: the
 * callers found both wordings through the tier rule.
 */
const comparedWordings = new Map<string, RedlinePart[]>();

function compareWords(before: string, after: string, language: string): RedlinePart[] {
  const runs: RedlinePart[] = diffArrays(tokensOf(before, language), tokensOf(after, language)).map(
    (change) => ({
      kind: change.added ? "insert" : change.removed ? "delete" : "equal",
      text: change.value.join(""),
    }),
  );
  const parts: RedlinePart[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) parts.push({ kind: "delete", text: deleted });
    if (inserted) parts.push({ kind: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  runs.forEach((run, index) => {
    const changedAround =
      (deleted || inserted) && runs.slice(index + 1).some((next) => next.kind !== "equal");
    if (
      run.kind === "equal" &&
      changedAround &&
      /^\s+$/u.test(run.text) &&
      runs[index + 1]?.kind !== "equal"
    ) {
      deleted += run.text;
      inserted += run.text;
    } else if (run.kind === "delete") deleted += run.text;
    else if (run.kind === "insert") inserted += run.text;
    else {
      flush();
      parts.push(run);
    }
  });
  flush();
  return parts;
}

/** A paragraph of one side of a comparison: its stable id, kind and wording as written out (brackets included). */
export type ComparedParagraph = { id: string; eId: string; kind: ParagraphKind; text: string };

/**
 * Both texts' paragraphs aligned by eId, in the later text's order, each removed paragraph placed after
 * the one that preceded it in the earlier text: added, removed, changed (with its word changes) or
 * unchanged, and moved when its place among the paragraphs both texts share changed.
 */
export function alignParagraphs(
  before: readonly ComparedParagraph[],
  after: readonly ComparedParagraph[],
  language: string,
): RedlineParagraph[] {
  const beforeById = new Map(before.map((p) => [p.eId, p]));
  const afterIds = new Set(after.map((p) => p.eId));
  const numbersBefore = numberParagraphs(before);
  const numbersAfter = numberParagraphs(after);

  const shared = (list: readonly ComparedParagraph[], other: { has(eId: string): boolean }) =>
    list.filter((p) => other.has(p.eId)).map((p) => p.eId);
  const moved = new Set<string>();
  for (const part of diffArrays(shared(before, afterIds), shared(after, beforeById)))
    if (part.added || part.removed) for (const eId of part.value) moved.add(eId);

  const removedAfter = new Map<string | null, ComparedParagraph[]>();
  let survivor: string | null = null;
  for (const paragraph of before) {
    if (afterIds.has(paragraph.eId)) survivor = paragraph.eId;
    else removedAfter.set(survivor, [...(removedAfter.get(survivor) ?? []), paragraph]);
  }
  const removed = (paragraph: ComparedParagraph): RedlineParagraph => ({
    eId: paragraph.eId,
    kind: paragraph.kind,
    change: "removed",
    moved: false,
    numberBefore: numbersBefore.get(paragraph.id) ?? null,
    numberAfter: null,
    parts: diffWordings(paragraph.text, "", language),
  });

  const result: RedlineParagraph[] = (removedAfter.get(null) ?? []).map(removed);
  for (const paragraph of after) {
    const earlier = beforeById.get(paragraph.eId);
    result.push({
      eId: paragraph.eId,
      kind: paragraph.kind,
      change: !earlier ? "added" : earlier.text === paragraph.text ? "unchanged" : "changed",
      moved: moved.has(paragraph.eId),
      numberBefore: earlier ? (numbersBefore.get(earlier.id) ?? null) : null,
      numberAfter: numbersAfter.get(paragraph.id) ?? null,
      parts: diffWordings(earlier?.text ?? "", paragraph.text, language),
    });
    for (const gone of removedAfter.get(paragraph.eId) ?? []) result.push(removed(gone));
  }
  return result;
}
