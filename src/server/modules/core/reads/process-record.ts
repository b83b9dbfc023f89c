// What other modules may read of a process's public structure to build their own pages (the
// record's timeline and attendance matrix, a participant's processes), as rows: core's tables stay
// core's, and every function here answers only what is public or filtered by core's own rules.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import {
  meetings,
  participants,
  processDecisions,
  processRoleAssignments,
  roleChanges,
  roundParticipations,
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

/** The recorded changes of standing of a process's participants (public records). */
export function roleChangesOfProcess(db: Db, processId: string): Promise<RoleChangeRow[]> {
  return db.select().from(roleChanges).where(eq(roleChanges.processId, processId));
}
