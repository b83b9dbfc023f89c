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
 * before asking, so what is kept is only ever handed to readers of that document. The answer is shared
 * between readers: read it, never change it.
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

/** One option of an open bracket as the query hands it: bracket id, paragraph, span, then the option. */
type OptionTuple = [
  string,
  string,
  number,
  number,
  string,
  string,
  boolean,
  string[],
  string | null,
  boolean,
];

/**
 * Reads the open brackets and positions as two JSON arrays built in the database: a text at the scale of
 * the talks has thousands of options, and one JSON value is handed over several times faster than as
 * many rows.
 */
async function readBrackets(db: Db, documentId: string): Promise<LoadedBrackets> {
  const optionsList = await db
    .execute(sql`
    select coalesce(json_agg(json_build_array(b.id, b.paragraph_id, b.span_start, b.span_end, o.id, o.text,
      o.is_delete, o.proposed_by, o.proposal_id, o.withdrawn_at is not null) order by b.span_start, o.position),
      '[]')::text as list
    from ${textBrackets} b join ${textBracketOptions} o on o.bracket_id = b.id
    where b.document_id = ${documentId} and b.state = 'open'`)
    .then(listOf);
  const options = JSON.parse(optionsList) as OptionTuple[];
  const byId = new Map<string, BracketWithProposals & { paragraphId: string }>();
  for (const [
    bracketId,
    paragraphId,
    start,
    end,
    id,
    text,
    isDelete,
    proposedBy,
    proposalId,
    withdrawn,
  ] of options) {
    let entry = byId.get(bracketId);
    if (!entry) {
      entry = { id: bracketId, paragraphId, start, end, options: [], proposalIds: new Map() };
      byId.set(bracketId, entry);
    }
    entry.options.push({ id, text, isDelete, proposedBy, withdrawn });
    entry.proposalIds.set(id, proposalId);
  }
  const brackets = new Map<string, BracketWithProposals[]>();
  for (const entry of byId.values()) {
    const list = brackets.get(entry.paragraphId);
    if (list) list.push(entry);
    else brackets.set(entry.paragraphId, [entry]);
  }
  if (options.length === 0) return { brackets, positions: [] };
  const positionsList = await db
    .execute(sql`
    select coalesce(json_agg(json_build_array(p.option_id, p.participant_id, p.stance)), '[]')::text as list
    from ${textPositions} p join ${textBracketOptions} o on o.id = p.option_id
      join ${textBrackets} b on b.id = o.bracket_id
    where b.document_id = ${documentId} and b.state = 'open'`)
    .then(listOf);
  const positions = (JSON.parse(positionsList) as [string, string, PositionRow["stance"]][]).map(
    ([optionId, participantId, stance]) => ({ optionId, participantId, stance }),
  );
  return { brackets, positions };
}

/** The one JSON list a raw aggregate query answers (both drivers give `rows`). */
function listOf(result: unknown): string {
  return (result as { rows: { list: string }[] }).rows[0]?.list ?? "[]";
}
