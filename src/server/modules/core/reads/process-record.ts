// What other modules may read of a process's public structure to build their own pages (the
// record's timeline and attendance matrix, a participant's processes), as rows: core's tables stay
// core's, and every function here answers only what is public or filtered by core's own rules.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { presentAnnouncement } from "../presenters/process.ts";
import {
  delegations,
  meetings,
  participants,
  processDecisions,
  processRoleAssignments,
  roleChanges,
  roundAnnouncements,
  roundParticipations,
  rounds,
} from "../schema.ts";

export type MeetingRow = typeof meetings.$inferSelect;
export type ProcessDecisionRow = typeof processDecisions.$inferSelect;
export type RoundParticipationRow = typeof roundParticipations.$inferSelect;
export type RoleAssignmentRow = typeof processRoleAssignments.$inferSelect;
export type RoleChangeRow = typeof roleChanges.$inferSelect;

/** The meetings of a process (public records). */
export function meetingsOfProcess(db: Db, processId: string): Promise<MeetingRow[]> {
  return db.select().from(meetings).where(eq(meetings.processId, processId));
}

/** The lifecycle decisions of a process in date order (public records). */
export function decisionsOfProcess(db: Db, processId: string): Promise<ProcessDecisionRow[]> {
  return db
    .select()
    .from(processDecisions)
    .where(eq(processDecisions.processId, processId))
    .orderBy(asc(processDecisions.decidedOn));
}

/**
 * The participations in the given rounds; the caller passes only rounds the actor may see
 * (`visibleRoundsOf`), whose participations share the round's tier.
 */
export function participationsInRounds(db: Db, roundIds: string[]): Promise<RoundParticipationRow[]> {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db.select().from(roundParticipations).where(inArray(roundParticipations.roundId, roundIds));
}

/** The standing roles of the participants of a process (public records). */
export function roleAssignmentsOfProcess(db: Db, processId: string): Promise<RoleAssignmentRow[]> {
  return db.select().from(processRoleAssignments).where(eq(processRoleAssignments.processId, processId));
}

/** The processes a participant holds a role in: the processes its record belongs to. */
export async function processIdsOfParticipant(db: Db, participantId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ processId: processRoleAssignments.processId })
    .from(processRoleAssignments)
    .where(eq(processRoleAssignments.participantId, participantId));
  return rows.map((row) => row.processId);
}

/** Participants by id (public records), in no particular order. */
export function participantsWithIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as (typeof participants.$inferSelect)[]);
  return db.select().from(participants).where(inArray(participants.id, ids));
}

/**
 * The announcements of the given rounds as the round page presents them, each with its round's id,
 * in publication order; the caller passes only rounds the actor may see (`visibleRoundsOf`), whose
 * announcements share the round's tier.
 */
export async function announcementsOfRounds(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select()
    .from(roundAnnouncements)
    .where(inArray(roundAnnouncements.roundId, roundIds))
    .orderBy(asc(roundAnnouncements.publishedOn), asc(roundAnnouncements.createdAt));
  return rows.map((row) => ({ roundId: row.roundId, ...presentAnnouncement(row) }));
}

/**
 * The decisions the given rounds took on the next one (the wording as decided, a city and a date
 * window); the caller passes only rounds the actor may see, whose decisions share the round's tier.
 */
export async function nextRoundDecisionsOfRounds(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select()
    .from(rounds)
    .where(and(inArray(rounds.id, roundIds), isNotNull(rounds.nextRoundWording)))
    .orderBy(asc(rounds.number));
  return rows.map((row) => ({
    roundId: row.id,
    wording: row.nextRoundWording as string,
    city: row.nextRoundCity,
    windowStart: row.nextRoundWindowStart,
    windowEnd: row.nextRoundWindowEnd,
  }));
}

/**
 * The standing delegations of some participants in a process, by participant: what another module
 * needs to address a live event to one delegation (the secretariat's) without reading core's tables.
 */
export async function standingDelegationIdsOf(
  db: Db,
  processId: string,
  participantIds: string[],
): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db
    .select({ id: delegations.id, participantId: delegations.participantId })
    .from(delegations)
    .where(and(eq(delegations.processId, processId), inArray(delegations.participantId, participantIds)));
  return new Map(rows.map((row) => [row.participantId, row.id]));
}

/** The recorded changes of standing of a process's participants (public records). */
export function roleChangesOfProcess(db: Db, processId: string): Promise<RoleChangeRow[]> {
  return db.select().from(roleChanges).where(eq(roleChanges.processId, processId));
}

/**
 * A standing delegation of a process with the participant it represents and that participant's roles
 * in the process (null when it is not one): for modules whose records belong to a delegation (a side's
 * humanitarian lists) and must check which process and role it has.
 */
export async function delegationInProcess(
  db: Db,
  processId: string,
  delegationId: string,
): Promise<{ id: string; participantId: string; roles: string[] } | null> {
  const [row] = await db
    .select({ id: delegations.id, participantId: delegations.participantId })
    .from(delegations)
    .where(and(eq(delegations.id, delegationId), eq(delegations.processId, processId)));
  if (!row) return null;
  const roles = await db
    .select({ role: processRoleAssignments.role })
    .from(processRoleAssignments)
    .where(
      and(
        eq(processRoleAssignments.processId, processId),
        eq(processRoleAssignments.participantId, row.participantId),
      ),
    );
  return { ...row, roles: roles.map((r) => r.role) };
}
