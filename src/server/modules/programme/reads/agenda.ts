// A round's agenda as the reader may see it, each item followed: the sessions that take it up, the texts
// negotiated under it, the commitments that come from those texts, and the same subject in the nearest
// earlier and later rounds (matched by its key, or by its title when it has none).
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { AgendaItem, AgendaItemElsewhere } from "../../../../contracts/programme.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { visibleRoundsOf } from "../../core/index.ts";
import { commitmentsOfDocuments } from "../../followup/index.ts";
import { listRoundDocuments } from "../../texts/index.ts";
import { agendaVisibleTo } from "../policies.ts";
import { programmeAgendaItems } from "../schema.ts";

type ItemRow = typeof programmeAgendaItems.$inferSelect;
type Elsewhere = z.infer<typeof AgendaItemElsewhere>;

/**
 * What makes two rounds' items one subject: the key the secretariat gave it, else the title with case,
 * punctuation and spacing ignored ("The return of refugees" = "the return of refugees.").
 */
export function subjectOf(item: Pick<ItemRow, "key" | "title">): string {
  if (item.key) return `key:${item.key}`;
  return `title:${item.title
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()}`;
}

/**
 * The round's agenda items the reader may see, each with its links. Every linked record passes its own
 * tier rule in SQL: texts through the texts module, commitments through the follow-up module, the other
 * rounds' items through the agenda's rule and the rounds the reader may see.
 */
export async function loadAgenda(
  db: Db,
  actor: Actor,
  round: { id: string; processId: string; number: number },
  sessions: { id: string; agendaItemIds: string[] }[],
): Promise<z.infer<typeof AgendaItem>[]> {
  const items = await db
    .select()
    .from(programmeAgendaItems)
    .where(and(eq(programmeAgendaItems.roundId, round.id), agendaVisibleTo(actor)))
    .orderBy(asc(programmeAgendaItems.position), asc(programmeAgendaItems.createdAt));
  if (items.length === 0) return [];
  const documentIds = items.flatMap((item) => item.documentIds);
  const documents = documentIds.length > 0 ? (await listRoundDocuments(db, actor, round.id)).items : [];
  const commitments = await commitmentsOfDocuments(db, actor, documentIds);
  const { previous, next } = await neighbours(db, actor, round, items);
  return items.map((item) => ({
    id: item.id,
    position: item.position,
    title: item.title,
    key: item.key,
    status: item.status,
    documentIds: item.documentIds,
    documents: documents
      .filter((document) => item.documentIds.includes(document.id))
      .map((document) => ({ id: document.id, title: document.title, status: document.status })),
    sessionIds: sessions.filter((s) => s.agendaItemIds.includes(item.id)).map((s) => s.id),
    commitments: commitments
      .filter((commitment) => item.documentIds.includes(commitment.documentId))
      .map(({ id, what, documentId, category, status }) => ({ id, what, documentId, category, status })),
    previous: previous.get(item.id) ?? null,
    next: next.get(item.id) ?? null,
  }));
}

/** For each item, the same subject in the nearest earlier and later visible rounds that took it up. */
async function neighbours(
  db: Db,
  actor: Actor,
  round: { id: string; processId: string; number: number },
  items: ItemRow[],
): Promise<{ previous: Map<string, Elsewhere>; next: Map<string, Elsewhere> }> {
  const previous = new Map<string, Elsewhere>();
  const next = new Map<string, Elsewhere>();
  const rounds = (await visibleRoundsOf(db, actor, round.processId)).filter((r) => r.id !== round.id);
  if (rounds.length === 0) return { previous, next };
  const numberOf = new Map(rounds.map((r) => [r.id, r.number]));
  const others = await db
    .select()
    .from(programmeAgendaItems)
    .where(
      and(
        inArray(
          programmeAgendaItems.roundId,
          rounds.map((r) => r.id),
        ),
        ne(programmeAgendaItems.roundId, round.id),
        agendaVisibleTo(actor),
      ),
    );
  const bySubject = new Map<string, Elsewhere[]>();
  for (const other of others) {
    const elsewhere = {
      roundId: other.roundId,
      roundNumber: numberOf.get(other.roundId) ?? 0,
      itemId: other.id,
      title: other.title,
    };
    const subject = subjectOf(other);
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), elsewhere]);
  }
  for (const item of items) {
    const same = (bySubject.get(subjectOf(item)) ?? []).sort((a, b) => a.roundNumber - b.roundNumber);
    const before = same.filter((e) => e.roundNumber < round.number).at(-1);
    const after = same.find((e) => e.roundNumber > round.number);
    if (before) previous.set(item.id, before);
    if (after) next.set(item.id, after);
  }
  return { previous, next };
}
