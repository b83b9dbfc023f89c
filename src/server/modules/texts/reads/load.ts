// Loading for the texts' reads: every document passes the draft's tier rule in SQL before anything of it
// is read; a hidden one answers 404 exactly like a missing one.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { participantsWithIds } from "../../core/index.ts";
import type { DocumentRow, ParagraphRow } from "../operations/shared.ts";
import { documentsVisibleTo, draftsVisibleTo } from "../policies.ts";
import type { BracketWithProposals, Names, PositionRow } from "../presenters.ts";
import { textBracketOptions, textBrackets, textDocuments, textParagraphs, textPositions } from "../schema.ts";

/** A document the actor may read (a published one, or a draft within its reach). */
export async function findDocument(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(textDocuments)
    .where(and(eq(textDocuments.id, id), documentsVisibleTo(actor)))
    .limit(1);
  if (!row) throw new NotFound("Text", id);
  return row;
}

/** A document whose draft the actor may read; the public and delegations outside the tier get 404. */
export async function findDraft(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(textDocuments)
    .where(and(eq(textDocuments.id, id), draftsVisibleTo(actor)))
    .limit(1);
  if (!row) throw new NotFound("Text", id);
  return row;
}

/** Names of participants for presenting, falling back to the id for one since removed. */
export async function namesFor(db: Db, ids: Iterable<string>): Promise<Names> {
  const rows = await participantsWithIds(db, [...new Set(ids)]);
  const byId = new Map(rows.map((row) => [row.id, row.names.en]));
  return (id) => ({ id, name: byId.get(id) ?? id });
}

/** The paragraphs still in the text, in order. */
export function liveParagraphs(db: Db, documentId: string): Promise<ParagraphRow[]> {
  return db
    .select()
    .from(textParagraphs)
    .where(and(eq(textParagraphs.documentId, documentId), isNull(textParagraphs.removedInVersion)))
    .orderBy(asc(textParagraphs.orderKey));
}

/** The open brackets of a document's paragraphs with their options (and the proposals behind them), and the positions on them. */
export async function bracketsOf(
  db: Db,
  documentId: string,
): Promise<{ brackets: Map<string, BracketWithProposals[]>; positions: PositionRow[] }> {
  const rows = await db
    .select({ bracket: textBrackets, option: textBracketOptions })
    .from(textBrackets)
    .innerJoin(textBracketOptions, eq(textBracketOptions.bracketId, textBrackets.id))
    .where(and(eq(textBrackets.documentId, documentId), eq(textBrackets.state, "open")))
    .orderBy(asc(textBrackets.spanStart), asc(textBracketOptions.position));
  const byId = new Map<string, BracketWithProposals & { paragraphId: string }>();
  for (const { bracket, option } of rows) {
    const entry: BracketWithProposals & { paragraphId: string } = byId.get(bracket.id) ?? {
      id: bracket.id,
      paragraphId: bracket.paragraphId,
      start: bracket.spanStart,
      end: bracket.spanEnd,
      options: [],
      proposalIds: new Map(),
    };
    entry.options.push({
      id: option.id,
      text: option.text,
      isDelete: option.isDelete,
      proposedBy: option.proposedBy,
      withdrawn: option.withdrawnAt !== null,
    });
    entry.proposalIds.set(option.id, option.proposalId);
    byId.set(bracket.id, entry);
  }
  const brackets = new Map<string, BracketWithProposals[]>();
  for (const entry of byId.values())
    brackets.set(entry.paragraphId, [...(brackets.get(entry.paragraphId) ?? []), entry]);
  const optionIds = rows.map((row) => row.option.id);
  const positions =
    optionIds.length === 0
      ? []
      : await db
          .select({
            optionId: textPositions.optionId,
            participantId: textPositions.participantId,
            stance: textPositions.stance,
          })
          .from(textPositions)
          .where(inArray(textPositions.optionId, optionIds));
  return { brackets, positions };
}
