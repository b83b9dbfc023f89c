// Loading for the texts' reads: every document passes the draft's tier rule in SQL before anything of it
// is read; a hidden one answers 404 exactly like a missing one.
import { and, asc, eq, isNull, max, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { participantsWithIds } from "../../core/index.ts";
import type { DocumentRow, ParagraphRow } from "../operations/shared.ts";
import { documentsVisibleTo, draftsVisibleTo } from "../policies.ts";
import type { BracketWithProposals, Names, PositionRow } from "../presenters.ts";
import {
  textBracketOptions,
  textBrackets,
  textDocuments,
  textEvents,
  textParagraphs,
  textPositions,
} from "../schema.ts";

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

type LoadedBrackets = { brackets: Map<string, BracketWithProposals[]>; positions: PositionRow[] };

/** The newest entry of a document's domain history: every change to its brackets, options or positions writes one. */
async function historyStamp(db: Db, documentId: string): Promise<number> {
  const [row] = await db
    .select({ stamp: max(textEvents.id) })
    .from(textEvents)
    .where(eq(textEvents.documentId, documentId));
  return row?.stamp ?? 0;
}

const loadedBrackets = new WeakMap<Db, Map<string, { stamp: number; value: Promise<LoadedBrackets> }>>();

/**
 * The open brackets of a document's paragraphs with their options (and the proposals behind them), and
 * the positions on them. A 300-paragraph text carries thousands of options and positions, so what was
 * loaded is kept per database and document, and reused while the document's history has no newer
 * entry (every operation that changes a bracket, an option or a position writes one in its transaction);
 * concurrent readers after a change share one load. Callers have passed the tier rule for the document
 * before asking, so what is kept is only ever handed to readers of that document.
 */
export async function bracketsOf(db: Db, documentId: string): Promise<LoadedBrackets> {
  const stamp = await historyStamp(db, documentId);
  const byDocument =
    loadedBrackets.get(db) ?? new Map<string, { stamp: number; value: Promise<LoadedBrackets> }>();
  loadedBrackets.set(db, byDocument);
  const kept = byDocument.get(documentId);
  if (kept && kept.stamp === stamp) return kept.value;
  const value = readBrackets(db, documentId);
  byDocument.set(documentId, { stamp, value });
  if (byDocument.size > 50) byDocument.delete(byDocument.keys().next().value as string);
  value.catch(() => byDocument.delete(documentId));
  return value;
}

async function readBrackets(db: Db, documentId: string): Promise<LoadedBrackets> {
  const open = and(eq(textBrackets.documentId, documentId), eq(textBrackets.state, "open"));
  const rows = await db
    .select({
      bracketId: textBrackets.id,
      paragraphId: textBrackets.paragraphId,
      start: textBrackets.spanStart,
      end: textBrackets.spanEnd,
      id: textBracketOptions.id,
      text: textBracketOptions.text,
      isDelete: textBracketOptions.isDelete,
      proposedBy: textBracketOptions.proposedBy,
      proposalId: textBracketOptions.proposalId,
      withdrawn: sql<boolean>`${textBracketOptions.withdrawnAt} is not null`,
    })
    .from(textBrackets)
    .innerJoin(textBracketOptions, eq(textBracketOptions.bracketId, textBrackets.id))
    .where(open)
    .orderBy(asc(textBrackets.spanStart), asc(textBracketOptions.position));
  const byId = new Map<string, BracketWithProposals & { paragraphId: string }>();
  for (const row of rows) {
    let entry = byId.get(row.bracketId);
    if (!entry) {
      entry = {
        id: row.bracketId,
        paragraphId: row.paragraphId,
        start: row.start,
        end: row.end,
        options: [],
        proposalIds: new Map(),
      };
      byId.set(row.bracketId, entry);
    }
    entry.options.push({
      id: row.id,
      text: row.text,
      isDelete: row.isDelete,
      proposedBy: row.proposedBy,
      withdrawn: row.withdrawn,
    });
    entry.proposalIds.set(row.id, row.proposalId);
  }
  const brackets = new Map<string, BracketWithProposals[]>();
  for (const entry of byId.values()) {
    const list = brackets.get(entry.paragraphId);
    if (list) list.push(entry);
    else brackets.set(entry.paragraphId, [entry]);
  }
  const positions =
    rows.length === 0
      ? []
      : await db
          .select({
            optionId: textPositions.optionId,
            participantId: textPositions.participantId,
            stance: textPositions.stance,
          })
          .from(textPositions)
          .innerJoin(textBracketOptions, eq(textBracketOptions.id, textPositions.optionId))
          .innerJoin(textBrackets, eq(textBrackets.id, textBracketOptions.bracketId))
          .where(open);
  return { brackets, positions };
}
