import { and, asc, eq, sql } from "drizzle-orm";
import type { ParticipantDetail } from "../../../../contracts/process.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type DisputeIndex, disputedMark, disputesIn } from "../../../platform/disputes.ts";
import { preloadTexts } from "../../../platform/text-versions.ts";
import { canManageParticipants, roundsVisibleTo } from "../policies.ts";
import { presentParticipant, presentRoleAssignment, presentRoleChange } from "../presenters/process.ts";
import {
  participants,
  processes,
  processRoleAssignments,
  roleChanges,
  roundParticipations,
  rounds,
} from "../schema.ts";
import { findParticipant } from "./common.ts";

/** Every participant (participants are public), sorted by English name. */
export async function listParticipants(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(participants)
    .orderBy(sql`lower(${participants.names}->>'en')`, asc(participants.slug));
  const can = { update: canManageParticipants(actor) };
  return {
    items: rows.map((row) => presentParticipant(row, can)),
    can: { create: canManageParticipants(actor) },
  };
}

/** One participant by id or slug: its roles in each process, its rounds (those the actor may see) and role changes. */
export async function getParticipant(db: Db, actor: Actor, ref: string): Promise<ParticipantDetail> {
  const row = await findParticipant(db, ref);
  const [assignments, attended, changes] = await Promise.all([
    db
      .select({ assignment: processRoleAssignments, processSlug: processes.slug })
      .from(processRoleAssignments)
      .innerJoin(processes, eq(processes.id, processRoleAssignments.processId))
      .where(eq(processRoleAssignments.participantId, row.id))
      .orderBy(asc(processes.slug), asc(processRoleAssignments.fromDate)),
    db
      .select({ participation: roundParticipations, round: rounds, processSlug: processes.slug })
      .from(roundParticipations)
      .innerJoin(rounds, eq(rounds.id, roundParticipations.roundId))
      .innerJoin(processes, eq(processes.id, rounds.processId))
      .where(and(eq(roundParticipations.participantId, row.id), roundsVisibleTo(actor)))
      .orderBy(asc(processes.slug), asc(rounds.number)),
    db
      .select({ change: roleChanges, processSlug: processes.slug })
      .from(roleChanges)
      .innerJoin(processes, eq(processes.id, roleChanges.processId))
      .where(eq(roleChanges.participantId, row.id))
      .orderBy(asc(roleChanges.occurredOn), asc(roleChanges.createdAt)),
  ]);
  // The marks of disputed values, asked once per process the participant's record touches.
  const disputes = new Map<string, DisputeIndex>();
  for (const processId of new Set([
    ...assignments.map(({ assignment }) => assignment.processId),
    ...changes.map(({ change }) => change.processId),
    ...attended.map(({ round }) => round.processId),
  ]))
    disputes.set(processId, await disputesIn(db, actor, processId));
  const markOf = (
    processId: string,
    subjectType: string,
    subjectId: string,
    field: "toDate" | "change" | "attendance",
  ) => {
    const index = disputes.get(processId);
    return index ? disputedMark(index, subjectType, subjectId, field) : {};
  };
  await preloadTexts(
    db,
    "role_change",
    changes.map(({ change }) => change.id),
  );
  return {
    ...presentParticipant(row, { update: canManageParticipants(actor) }),
    roles: assignments.map(({ assignment, processSlug }) => ({
      ...presentRoleAssignment(assignment, row, processSlug),
      ...markOf(assignment.processId, "role_assignment", assignment.id, "toDate"),
    })),
    rounds: attended.map(({ participation, round, processSlug }) => ({
      processId: round.processId,
      processSlug,
      roundId: round.id,
      roundNumber: round.number,
      roundStatus: round.status,
      role: participation.role,
      attendance: participation.attendance,
      ...markOf(round.processId, "round_participation", participation.id, "attendance"),
    })),
    roleChanges: changes.map(({ change, processSlug }) => ({
      ...presentRoleChange(change, row, processSlug),
      ...markOf(change.processId, "role_change", change.id, "change"),
    })),
  };
}
