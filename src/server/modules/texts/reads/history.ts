// One paragraph's history, the text as it stood at a moment (rebuilt from the domain events), and the
// plain-text export.
import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ParagraphHistory, ParagraphSnapshot } from "../../../../contracts/texts.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { renderPlainText } from "../model.ts";
import { canSeeDraft } from "../policies.ts";
import { presentProposal } from "../presenters.ts";
import { textEvents, textParagraphs, textProposals } from "../schema.ts";
import { bracketsOf, findDocument, findDraft, liveParagraphs, namesFor } from "./load.ts";

/** Every change of one paragraph, oldest first, each with the wording it left, and the proposals made on it. */
export async function loadParagraphHistory(
  db: Db,
  actor: Actor,
  id: string,
  paragraphId: string,
): Promise<z.infer<typeof ParagraphHistory>> {
  const document = await findDraft(db, actor, id);
  const [paragraph] = await db
    .select()
    .from(textParagraphs)
    .where(and(eq(textParagraphs.id, paragraphId), eq(textParagraphs.documentId, document.id)))
    .limit(1);
  if (!paragraph) throw new NotFound("Paragraph", paragraphId);
  const proposals = await db
    .select()
    .from(textProposals)
    .where(
      and(
        eq(textProposals.documentId, document.id),
        or(eq(textProposals.paragraphId, paragraph.id), eq(textProposals.afterParagraphId, paragraph.id)),
      ),
    )
    .orderBy(asc(textProposals.createdAt));
  const events = await db
    .select()
    .from(textEvents)
    .where(and(eq(textEvents.documentId, document.id), eq(textEvents.paragraphId, paragraph.id)))
    .orderBy(asc(textEvents.id));
  const names = await namesFor(db, [
    ...proposals.map((p) => p.authorParticipantId),
    ...events.flatMap((e) => (e.participantId ? [e.participantId] : [])),
  ]);
  return {
    paragraph: { id: paragraph.id, eId: paragraph.eId },
    events: events.map((event) => ({
      at: event.at.toISOString(),
      version: event.version,
      type: event.type,
      participant: event.participantId ? names(event.participantId) : null,
      proposalId: event.proposalId,
      body: event.paragraph?.body ?? null,
      state: event.paragraph?.state ?? null,
      removed: event.paragraph?.removed ?? false,
    })),
    proposals: proposals.map((p) => presentProposal(p, names)),
  };
}

/**
 * The text's history up to a moment given to the millisecond, as the API shows every time: the
 * database keeps microseconds, so a change shown at 10:00:00.123 happened by "10:00:00.123Z".
 */
export function happenedBy(at: Date): SQL {
  return sql`date_trunc('milliseconds', ${textEvents.at}) <= ${at}`;
}

/**
 * The text as it stood at a moment: each paragraph as its last change up to then left it (a paragraph
 * not yet made, or removed by then, is absent), in order. Only for the draft's readers.
 */
export async function loadAsOf(db: Db, actor: Actor, id: string, at: Date) {
  const document = await findDraft(db, actor, id);
  const events = await db
    .select()
    .from(textEvents)
    .where(and(eq(textEvents.documentId, document.id), happenedBy(at)))
    .orderBy(asc(textEvents.id));
  const latest = new Map<string, ParagraphSnapshot>();
  let version = 0;
  for (const event of events) {
    version = Math.max(version, event.version);
    if (event.paragraphId && event.paragraph) latest.set(event.paragraphId, event.paragraph);
  }
  const paragraphs = [...latest.values()].filter((p) => !p.removed).sort((a, b) => a.orderKey - b.orderKey);
  const names = await namesFor(
    db,
    paragraphs.flatMap((p) => p.brackets.flatMap((b) => b.options.flatMap((o) => o.proposedBy))),
  );
  return {
    documentId: document.id,
    at: at.toISOString(),
    version,
    paragraphs,
    text: events.length === 0 ? "" : renderPlainText(document.title, paragraphs, (pid) => names(pid).name),
  };
}

/** The text in plain text, numbered, brackets written as diplomats write them (none for the public's published text). */
export async function loadPlainText(db: Db, actor: Actor, id: string): Promise<string> {
  const document = await findDocument(db, actor, id);
  const insider = canSeeDraft(actor, document);
  const paragraphs = await liveParagraphs(db, document.id);
  const { brackets } = insider ? await bracketsOf(db, document.id) : { brackets: new Map() };
  const snapshots: ParagraphSnapshot[] = paragraphs.map((p) => ({
    id: p.id,
    eId: p.eId,
    kind: p.kind,
    orderKey: p.orderKey,
    body: p.body,
    state: p.state,
    removed: false,
    brackets: brackets.get(p.id) ?? [],
  }));
  const names = await namesFor(
    db,
    snapshots.flatMap((p) => p.brackets.flatMap((b) => b.options.flatMap((o) => o.proposedBy))),
  );
  return renderPlainText(document.title, snapshots, (pid) => names(pid).name);
}
