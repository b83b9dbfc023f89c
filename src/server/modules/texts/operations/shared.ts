// What the texts' operations share: loading a document for a write (hidden ones answer 404), refusing
// stale and frozen changes, raising the version, and writing the domain event, audit scope and live events.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import type { BracketSnapshot, ParagraphSnapshot, TextSnapshot } from "../../../../contracts/texts.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound, StaleVersion, ValidationFailed } from "../../../platform/errors.ts";
import type { AuditDetail, OperationContext } from "../../../platform/operation.ts";
import { actingParticipant, canSeeDraft, isPenHolder, ruleParticipantsOf } from "../policies.ts";
import { textBracketOptions, textBrackets, textDocuments, textEvents, textParagraphs } from "../schema.ts";

export type DocumentRow = typeof textDocuments.$inferSelect;
export type ParagraphRow = typeof textParagraphs.$inferSelect;
export type BracketRow = typeof textBrackets.$inferSelect;
export type OptionRow = typeof textBracketOptions.$inferSelect;

/** Identifiers are random UUIDs: nothing about a record can be guessed from its id. */
export const newId = (): string => randomUUID();

/** A paragraph's stable key, Akoma Ntoso style: never reused, never renumbered. */
export const newEId = (): string => `para_${randomUUID().slice(0, 8)}`;

/** A rule broken by one field: 422 naming it. */
export function invalidField(field: string, message: string): ValidationFailed {
  return new ValidationFailed(message, [{ path: [field], message }]);
}

/**
 * The document named by `documentId`, locked for the write. A draft the actor may not read answers 404
 * exactly like a missing one, so its existence leaks to nobody.
 */
export async function loadDocument(tx: Db, documentId: string, actor: Actor): Promise<DocumentRow> {
  const [row] = await tx
    .select()
    .from(textDocuments)
    .where(eq(textDocuments.id, documentId))
    .limit(1)
    .for("update");
  if (!row || !canSeeDraft(actor, row)) throw new NotFound("Text", documentId);
  return row;
}

/** An adopted text is frozen: no change is accepted on it (a later version needs a new document). */
export function requireDraft(document: DocumentRow): void {
  if (document.status !== "draft")
    throw new Conflict(
      `This text was adopted (version ${document.adoptedVersion}) and is frozen; it can no longer change.`,
      { status: document.status, adoptedVersion: document.adoptedVersion },
      "text_frozen",
    );
}

/** The text as it stands: every paragraph (removed ones flagged) with its open brackets and their options. */
export async function snapshotOf(tx: Db, document: DocumentRow): Promise<TextSnapshot> {
  const paragraphs = await tx
    .select()
    .from(textParagraphs)
    .where(eq(textParagraphs.documentId, document.id))
    .orderBy(asc(textParagraphs.orderKey));
  const brackets = await openBracketsOf(
    tx,
    paragraphs.map((p) => p.id),
  );
  return {
    title: document.title,
    version: document.textVersion,
    paragraphs: paragraphs.map((paragraph) => toSnapshot(paragraph, brackets.get(paragraph.id) ?? [])),
  };
}

/** The open brackets of some paragraphs with their options in order, by paragraph. */
export async function openBracketsOf(
  tx: Db,
  paragraphIds: string[],
): Promise<Map<string, BracketSnapshot[]>> {
  const byParagraph = new Map<string, BracketSnapshot[]>();
  if (paragraphIds.length === 0) return byParagraph;
  const rows = await tx
    .select({ bracket: textBrackets, option: textBracketOptions })
    .from(textBrackets)
    .innerJoin(textBracketOptions, eq(textBracketOptions.bracketId, textBrackets.id))
    .where(and(inArray(textBrackets.paragraphId, paragraphIds), eq(textBrackets.state, "open")))
    .orderBy(asc(textBrackets.spanStart), asc(textBracketOptions.position));
  const brackets = new Map<string, BracketSnapshot & { paragraphId: string }>();
  for (const { bracket, option } of rows) {
    const entry = brackets.get(bracket.id) ?? {
      id: bracket.id,
      paragraphId: bracket.paragraphId,
      start: bracket.spanStart,
      end: bracket.spanEnd,
      options: [],
    };
    entry.options.push({
      id: option.id,
      text: option.text,
      isDelete: option.isDelete,
      proposedBy: option.proposedBy,
      withdrawn: option.withdrawnAt !== null,
    });
    brackets.set(bracket.id, entry);
  }
  for (const { paragraphId, ...bracket } of brackets.values())
    byParagraph.set(paragraphId, [...(byParagraph.get(paragraphId) ?? []), bracket]);
  return byParagraph;
}

export function toSnapshot(paragraph: ParagraphRow, brackets: BracketSnapshot[]): ParagraphSnapshot {
  return {
    id: paragraph.id,
    eId: paragraph.eId,
    kind: paragraph.kind,
    orderKey: paragraph.orderKey,
    body: paragraph.body,
    state: paragraph.state,
    removed: paragraph.removedInVersion !== null,
    brackets,
  };
}

/** Refuses a change based on another version than the current one, answering the current text (409). */
export async function checkBaseVersion(tx: Db, document: DocumentRow, baseVersion: number): Promise<void> {
  if (baseVersion !== document.textVersion)
    throw new StaleVersion("The text", baseVersion, await snapshotOf(tx, document));
}

/** Raises the text's version by one; answers the new version. */
export async function bumpVersion(tx: Db, document: DocumentRow): Promise<number> {
  const version = document.textVersion + 1;
  await tx
    .update(textDocuments)
    .set({ textVersion: version, updatedAt: new Date() })
    .where(eq(textDocuments.id, document.id));
  document.textVersion = version;
  return version;
}

/** A paragraph of the document; one of another document is a 404, a removed one a 409 saying so. */
export async function loadParagraph(
  tx: Db,
  document: DocumentRow,
  paragraphId: string,
  field = "paragraphId",
): Promise<ParagraphRow> {
  const [row] = await tx
    .select()
    .from(textParagraphs)
    .where(and(eq(textParagraphs.id, paragraphId), eq(textParagraphs.documentId, document.id)))
    .limit(1)
    .for("update");
  if (!row) throw invalidField(field, `There is no paragraph ${paragraphId} in this text.`);
  if (row.removedInVersion !== null)
    throw new Conflict(
      `That paragraph was removed from the text in version ${row.removedInVersion}; reload the current text.`,
      { field, paragraphId, removedInVersion: row.removedInVersion },
      "paragraph_removed",
    );
  return row;
}

/**
 * The order key of a paragraph placed after `afterParagraphId` (null: first; undefined: last): midway
 * between its neighbours, so nothing else is renumbered or rewritten.
 */
export async function orderKeyAfter(
  tx: Db,
  document: DocumentRow,
  afterParagraphId: string | null | undefined,
  field = "afterParagraphId",
): Promise<number> {
  const live = await tx
    .select({ id: textParagraphs.id, orderKey: textParagraphs.orderKey })
    .from(textParagraphs)
    .where(and(eq(textParagraphs.documentId, document.id), isNull(textParagraphs.removedInVersion)))
    .orderBy(asc(textParagraphs.orderKey));
  if (afterParagraphId === undefined) {
    const [last] = await tx
      .select({ key: max(textParagraphs.orderKey) })
      .from(textParagraphs)
      .where(eq(textParagraphs.documentId, document.id));
    return (last?.key ?? 0) + 1;
  }
  if (afterParagraphId === null) return (live[0]?.orderKey ?? 1) - 1;
  const index = live.findIndex((row) => row.id === afterParagraphId);
  if (index < 0) await loadParagraph(tx, document, afterParagraphId, field);
  const before = live[index]?.orderKey ?? 0;
  const next = live[index + 1]?.orderKey;
  return next === undefined ? before + 1 : (before + next) / 2;
}

/** Writes one change to the domain history; a paragraph change carries the paragraph as it now stands. */
export async function logEvent(
  tx: Db,
  entry: {
    documentId: string;
    version: number;
    type: string;
    paragraphId?: string | null;
    proposalId?: string | null;
    participantId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  let paragraph: ParagraphSnapshot | null = null;
  if (entry.paragraphId) {
    const [row] = await tx
      .select()
      .from(textParagraphs)
      .where(eq(textParagraphs.id, entry.paragraphId))
      .limit(1);
    if (row) paragraph = toSnapshot(row, (await openBracketsOf(tx, [row.id])).get(row.id) ?? []);
  }
  await tx.insert(textEvents).values({
    documentId: entry.documentId,
    version: entry.version,
    type: entry.type,
    paragraphId: entry.paragraphId ?? null,
    proposalId: entry.proposalId ?? null,
    participantId: entry.participantId ?? null,
    paragraph,
    data: entry.data ?? {},
  });
}

/** The audit scope of a change to a text: filed under the document at its draft's tier. */
export function documentScope(
  _input: unknown,
  target: DocumentRow | { document: DocumentRow } | undefined,
): AuditDetail {
  const document = target && "document" in target ? target.document : target;
  return {
    subjectType: "text_document",
    subjectId: document?.id,
    processId: document?.processId ?? null,
    tier: document ? (document.status === "published" ? "public" : document.tier) : "guarantors",
  };
}

/**
 * Announces a committed change live to whoever may read the draft: the draft's tier, and each reader
 * delegation outside it (the secretariat's, the facilitators'); once published, to everyone. The
 * payload names the document and its version only.
 */
export function emitChange(
  ctx: OperationContext,
  document: DocumentRow,
  type: string,
  payload: Record<string, unknown> = {},
): void {
  const base = {
    type,
    processId: document.processId,
    subjectType: "text_document",
    subjectId: document.id,
    payload: {
      documentId: document.id,
      roundId: document.roundId,
      version: document.textVersion,
      ...payload,
    },
  };
  if (document.status === "published") {
    ctx.emit({ ...base, tier: "public" });
    return;
  }
  ctx.emit({ ...base, tier: document.tier });
  for (const delegationId of document.readerDelegationIds)
    ctx.emit({ ...base, tier: "delegation", delegationId });
}

/**
 * The document named by `documentId`, loaded and locked (hidden ones 404); only the pen-holder (the
 * secretariat or a facilitator named on it) may change its text. Spread into `defineOperation`.
 */
export const byPenHolder = {
  load: (tx: Db, input: { documentId: string }, actor: Actor) => loadDocument(tx, input.documentId, actor),
  authorize: (actor: Actor, _input: unknown, document: DocumentRow) => isPenHolder(actor, document),
  scope: documentScope,
};

/**
 * The document named by `documentId`, loaded and locked (hidden ones 404); only a delegation named by
 * its consensus rule may act (approve, take positions). Spread into `defineOperation`.
 */
export const byRuleParticipant = {
  load: (tx: Db, input: { documentId: string }, actor: Actor) => loadDocument(tx, input.documentId, actor),
  authorize: (actor: Actor, _input: unknown, document: DocumentRow) =>
    actor.kind === "system" || ruleParticipantsOf(actor, document).length > 0,
  scope: documentScope,
};

/**
 * Which participant of the rule acts: the one named (`asParticipantId`) among those the actor may act
 * for, or the only one. A delegation outside the rule is refused, saying what it tried (`doing`).
 */
export function ruleParticipantActing(
  actor: Actor,
  document: DocumentRow,
  asParticipantId: string | undefined,
  doing: string,
): string {
  const participant = actingParticipant(
    actor,
    document.ruleParticipantIds,
    ruleParticipantsOf(actor, document),
    asParticipantId,
  );
  if (!participant)
    throw invalidField("asParticipantId", `Only a delegation named by the text's consensus rule ${doing}.`);
  return participant;
}

/**
 * The start of every change the pen-holder makes to one paragraph: the text is still a draft, the
 * change was made on the current version (else 409 with the current text), and the paragraph is the
 * document's and not removed.
 */
export async function paragraphToChange(
  tx: Db,
  document: DocumentRow,
  input: { baseVersion: number; paragraphId: string },
) {
  requireDraft(document);
  await checkBaseVersion(tx, document, input.baseVersion);
  return loadParagraph(tx, document, input.paragraphId);
}
