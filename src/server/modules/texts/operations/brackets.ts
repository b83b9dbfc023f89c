// Bracketing and resolving: the writes that turn proposals into bracketed text and choose an option.
import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { spansOverlap, splice } from "../model.ts";
import { textBracketOptions, textBrackets, textParagraphs, textProposals } from "../schema.ts";
import { type BracketRow, type DocumentRow, newId, type OptionRow, type ParagraphRow } from "./shared.ts";

export type NewOption = { text: string; isDelete: boolean; proposedBy: string[]; proposalId: string | null };

/** The open brackets of one paragraph. */
export function openBracketsIn(tx: Db, paragraphId: string): Promise<BracketRow[]> {
  return tx
    .select()
    .from(textBrackets)
    .where(and(eq(textBrackets.paragraphId, paragraphId), eq(textBrackets.state, "open")))
    .orderBy(asc(textBrackets.spanStart));
}

/** An open bracket of the document, locked; an unknown or closed one is a 409 saying so. */
export async function loadOpenBracket(tx: Db, document: DocumentRow, bracketId: string): Promise<BracketRow> {
  const [row] = await tx
    .select()
    .from(textBrackets)
    .where(and(eq(textBrackets.id, bracketId), eq(textBrackets.documentId, document.id)))
    .limit(1)
    .for("update");
  if (row?.state !== "open")
    throw new Conflict(
      "That bracket is no longer open; reload the current text.",
      { bracketId },
      "bracket_closed",
    );
  return row;
}

/**
 * Brackets a span of a paragraph with its options (the standing wording first). A span overlapping an
 * open bracket is refused: the proposal should be an alternative in that bracket instead.
 */
export async function openBracket(
  tx: Db,
  document: DocumentRow,
  paragraph: ParagraphRow,
  span: { start: number; end: number },
  options: NewOption[],
  version: number,
): Promise<string> {
  for (const existing of await openBracketsIn(tx, paragraph.id)) {
    if (spansOverlap(span, { start: existing.spanStart, end: existing.spanEnd }))
      throw new Conflict(
        "This span overlaps a bracket already in the text: propose an alternative in that bracket instead.",
        { bracketId: existing.id },
        "bracket_overlap",
      );
  }
  const id = newId();
  await tx.insert(textBrackets).values({
    id,
    documentId: document.id,
    paragraphId: paragraph.id,
    spanStart: span.start,
    spanEnd: span.end,
    createdInVersion: version,
  });
  await addOptions(tx, id, options);
  await tx
    .update(textParagraphs)
    .set({ state: "bracketed", revisedInVersion: version, updatedAt: new Date() })
    .where(eq(textParagraphs.id, paragraph.id));
  return id;
}

/** Adds options to a bracket, after those it has. */
export async function addOptions(tx: Db, bracketId: string, options: NewOption[]): Promise<string[]> {
  const [last] = await tx
    .select({ position: max(textBracketOptions.position) })
    .from(textBracketOptions)
    .where(eq(textBracketOptions.bracketId, bracketId));
  let position = (last?.position ?? -1) + 1;
  const ids: string[] = [];
  for (const option of options) {
    const id = newId();
    ids.push(id);
    await tx.insert(textBracketOptions).values({ id, bracketId, position: position++, ...option });
  }
  return ids;
}

/**
 * Resolves a bracket with one option: its wording goes into the paragraph (a "delete" removes the
 * span, and a paragraph left empty is removed), later brackets move with the text, the chosen option's
 * proposal is accepted and the others' rejected. A paragraph with no bracket left is back to draft.
 */
export async function resolveBracket(
  tx: Db,
  bracket: BracketRow,
  option: OptionRow,
  version: number,
): Promise<void> {
  const [paragraph] = await tx
    .select()
    .from(textParagraphs)
    .where(eq(textParagraphs.id, bracket.paragraphId))
    .for("update");
  if (!paragraph) return;
  const { body, shift } = splice(
    paragraph.body,
    bracket.spanStart,
    bracket.spanEnd,
    option.isDelete ? "" : option.text,
  );
  await tx
    .update(textBrackets)
    .set({
      state: "resolved",
      resolvedOptionId: option.id,
      resolvedInVersion: version,
      updatedAt: new Date(),
    })
    .where(eq(textBrackets.id, bracket.id));
  const others = await openBracketsIn(tx, paragraph.id);
  for (const other of others) {
    if (other.spanStart >= bracket.spanEnd)
      await tx
        .update(textBrackets)
        .set({ spanStart: other.spanStart + shift, spanEnd: other.spanEnd + shift })
        .where(eq(textBrackets.id, other.id));
  }
  const emptied = body.trim() === "";
  await tx
    .update(textParagraphs)
    .set({
      body: emptied ? paragraph.body : body,
      state: others.length === 0 && paragraph.state === "bracketed" ? "draft" : paragraph.state,
      revisedInVersion: version,
      ...(emptied && { removedInVersion: version }),
      updatedAt: new Date(),
    })
    .where(eq(textParagraphs.id, paragraph.id));
  const options = await tx
    .select()
    .from(textBracketOptions)
    .where(eq(textBracketOptions.bracketId, bracket.id));
  const chosen = options.filter((o) => o.id === option.id && o.proposalId).map((o) => o.proposalId as string);
  const lost = options
    .filter((o) => o.id !== option.id && o.proposalId && o.withdrawnAt === null)
    .map((o) => o.proposalId as string);
  const now = new Date();
  if (chosen.length > 0)
    await tx
      .update(textProposals)
      .set({ state: "accepted", decidedAt: now, updatedAt: now })
      .where(inArray(textProposals.id, chosen));
  if (lost.length > 0)
    await tx
      .update(textProposals)
      .set({ state: "rejected", decidedAt: now, updatedAt: now })
      .where(and(inArray(textProposals.id, lost), eq(textProposals.state, "bracketed")));
}
