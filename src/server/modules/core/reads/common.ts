// Loading for the read endpoints: every record passes its tier rule (policies.ts) before it is presented.
import { eq, inArray, or } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { canSeeRound, type RoundVisibilityFacts } from "../policies.ts";
import { participants, processes, roundAnnouncements, rounds } from "../schema.ts";

export type ParticipantRow = typeof participants.$inferSelect;
export type ProcessRow = typeof processes.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;

/** Participants by id, for presenting references; missing ids are simply absent. */
export async function participantsById(db: Db, ids: Iterable<string>): Promise<Map<string, ParticipantRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(participants).where(inArray(participants.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A process by id or slug (an id wins over another process's equal slug). Processes are public
 * records; a missing one is a 404.
 */
export async function findProcess(db: Db, ref: string): Promise<ProcessRow> {
  const rows = await db
    .select()
    .from(processes)
    .where(or(eq(processes.id, ref), eq(processes.slug, ref)));
  const row = rows.find((candidate) => candidate.id === ref) ?? rows[0];
  if (!row) throw new NotFound("Process", ref);
  return row;
}

/** A participant by id or slug. Participants are public records. */
export async function findParticipant(db: Db, ref: string): Promise<ParticipantRow> {
  const [row] = await db
    .select()
    .from(participants)
    .where(or(eq(participants.id, ref), eq(participants.slug, ref)))
    .limit(1);
  if (!row) throw new NotFound("Participant", ref);
  return row;
}

export type VisibleRound = { round: RoundRow; process: ProcessRow; facts: RoundVisibilityFacts };

/** A round the actor may see; one it may not answers 404 exactly like a missing one. */
export async function findVisibleRound(db: Db, actor: Actor, roundId: string): Promise<VisibleRound> {
  const [row] = await db
    .select({ round: rounds, process: processes })
    .from(rounds)
    .innerJoin(processes, eq(processes.id, rounds.processId))
    .where(eq(rounds.id, roundId))
    .limit(1);
  if (!row) throw new NotFound("Round", roundId);
  const [announcement] = await db
    .select({ id: roundAnnouncements.id })
    .from(roundAnnouncements)
    .where(eq(roundAnnouncements.roundId, roundId))
    .limit(1);
  const facts = {
    processId: row.round.processId,
    status: row.round.status,
    hasAnnouncement: Boolean(announcement),
  };
  if (!canSeeRound(actor, facts)) throw new NotFound("Round", roundId);
  return { round: row.round, process: row.process, facts };
}

/** Today as YYYY-MM-DD (UTC), the day "current" roles are read for. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether a dated span covers a day (open ends cover everything on that side). */
export function spanCovers(span: { fromDate: string | null; toDate: string | null }, day: string): boolean {
  return (span.fromDate === null || span.fromDate <= day) && (span.toDate === null || span.toDate >= day);
}
