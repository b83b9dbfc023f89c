// What the programme's operations share: loading a round with its plan and accredited delegations,
// checking a session's span and room, refusing a change that breaks the programme's rules, and
// sending live events to exactly those who may see what changed.
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound, ValidationFailed } from "../../../platform/errors.ts";
import type { OperationContext } from "../../../platform/operation.ts";
import { findVisibleRound, listRoundDelegations, standingDelegationIdsOf } from "../../core/index.ts";
import { assignTeams, buildInstance, type RoundRows } from "../model.ts";
import { isSecretariat } from "../policies.ts";
import { instanceIssues, SchedulerInputError, type Violation, validateSchedule } from "../scheduler/index.ts";
import {
  programmePlans,
  programmeRequests,
  programmeRooms,
  programmeSessions,
  programmeStays,
} from "../schema.ts";

export const newId = (): string => randomUUID();

/** A rule broken by one field: 422 naming it. */
export function invalidField(field: string, message: string, code?: string): ValidationFailed {
  return new ValidationFailed(message, [{ path: [field], message, ...(code ? { code } : {}) }]);
}

export type PlanRow = typeof programmePlans.$inferSelect;
export type SessionRecord = typeof programmeSessions.$inferSelect;
export type RequestRecord = typeof programmeRequests.$inferSelect;

/** A round as the programme's operations need it: visible to the actor, with its plan and accreditations. */
export type RoundTarget = {
  roundId: string;
  processId: string;
  hostParticipantId: string;
  plan: PlanRow | null;
  /** Accredited delegations' participants, in the round's order. */
  accredited: string[];
};

/** The round named by `roundId`, visible to the actor (a hidden one answers 404), with its plan. */
export async function loadRound(tx: Db, actor: Actor, roundId: string): Promise<RoundTarget> {
  const visible = await findVisibleRound(tx, actor, roundId);
  const [plan] = await tx.select().from(programmePlans).where(eq(programmePlans.roundId, roundId));
  return {
    roundId,
    processId: visible.process.id,
    hostParticipantId: visible.process.hostParticipantId,
    plan: plan ?? null,
    accredited: await accreditedOf(tx, roundId),
  };
}

/** The participants accredited to a round (the only ones a programme may name). */
export async function accreditedOf(db: Db, roundId: string): Promise<string[]> {
  const { items } = await listRoundDelegations(db, systemActor("programme"), roundId);
  return items.filter((item) => item.status === "accredited").map((item) => item.participant.id);
}

/** The round's plan, or a 409 telling the secretariat to set the days first. */
export function requirePlan(target: RoundTarget): PlanRow {
  if (!target.plan)
    throw new Conflict(
      "The round's programme has no days yet: set its days and hours first.",
      undefined,
      "programme_not_configured",
    );
  return target.plan;
}

/** Every name in `ids` must be a delegation accredited to the round; 422 naming the first that is not. */
export function requireAccredited(target: RoundTarget, ids: readonly string[], field: string): void {
  for (const id of ids)
    if (!target.accredited.includes(id))
      throw invalidField(field, `"${id}" is not a delegation accredited to this round.`, "not_accredited");
}

/** The secretariat's load for operations on a round: spread into `defineOperation`. */
export const bySecretariatOfRound = {
  load: (tx: Db, input: { roundId: string }, actor: Actor) => loadRound(tx, actor, input.roundId),
  authorize: (actor: Actor, _input: unknown, target: RoundTarget) => isSecretariat(actor, target.processId),
  scope: (_input: unknown, target: RoundTarget | undefined) => ({
    subjectType: "round",
    subjectId: target?.roundId,
    processId: target?.processId ?? null,
    tier: "process" as const,
  }),
};

/** Every row of a round the scheduler reads. */
export async function roundRows(tx: Db, target: RoundTarget, plan: PlanRow): Promise<RoundRows> {
  const [rooms, stays, requests, sessions] = await Promise.all([
    tx
      .select()
      .from(programmeRooms)
      .where(eq(programmeRooms.roundId, target.roundId))
      .orderBy(asc(programmeRooms.name)),
    tx.select().from(programmeStays).where(eq(programmeStays.roundId, target.roundId)),
    tx.select().from(programmeRequests).where(eq(programmeRequests.roundId, target.roundId)),
    tx.select().from(programmeSessions).where(eq(programmeSessions.roundId, target.roundId)),
  ]);
  return {
    clock: { ...plan, weights: plan.weights },
    rooms,
    accredited: target.accredited,
    stays,
    requests,
    sessions,
  };
}

/** The rules a programme breaks, as the independent validator reads them, plus overlaps among fixed sessions. */
export function programmeViolations(rows: RoundRows): Violation[] {
  const { instance, previous } = buildInstance(rows);
  const issues = instanceIssues({ ...instance, locked: [] });
  if (issues.length > 0) throw new SchedulerInputError("The programme's sessions conflict.", issues);
  const meetings = assignTeams(instance, previous);
  const placed = new Set(meetings.map((m) => m.requestId));
  const unplaced = instance.requests
    .filter((r) => !placed.has(r.id))
    .map((r) => ({ requestId: r.id, reason: { code: "rooms_full" as const, message: "", delegations: [] } }));
  const violations = validateSchedule({ ...instance, locked: [] }, { meetings, unplaced });
  const fixed = instance.fixedSessions ?? [];
  for (let i = 0; i < fixed.length; i++)
    for (let j = i + 1; j < fixed.length; j++) {
      const a = fixed[i];
      const b = fixed[j];
      if (!a || !b || a.day !== b.day) continue;
      if (!(a.start < b.start + b.durationSlots && b.start < a.start + a.durationSlots)) continue;
      if (a.room && a.room === b.room)
        violations.push({
          constraint: "room_double_booked",
          message: `Sessions "${a.id}" and "${b.id}" share a room.`,
          requests: [a.id, b.id],
        });
      const shared = a.participants.filter((p) => b.participants.includes(p));
      if (shared.length > 0)
        violations.push({
          constraint: "team_overlap",
          message: `Sessions "${a.id}" and "${b.id}" both need ${shared.join(", ")}.`,
          requests: [a.id, b.id],
        });
    }
  return violations;
}

/**
 * Refuses a change that breaks a rule the programme kept before it (a room taken twice, a delegation
 * in two places, a meeting after the plenary…): 409 naming each new conflict, nothing saved.
 */
export function refuseNewConflicts(before: Violation[], after: Violation[]): void {
  const known = new Set(before.map((v) => v.message));
  const fresh = after.filter((v) => !known.has(v.message));
  if (fresh.length > 0)
    throw new Conflict(
      `The change conflicts with the programme: ${fresh.map((v) => v.message).join(" ")}`,
      { violations: fresh },
      "programme_conflict",
    );
}

/** A session of a round, locked for the write; a session the actor may not handle answers 404. */
export async function loadSession(tx: Db, actor: Actor, sessionId: string) {
  const [session] = await tx
    .select()
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .for("update");
  if (!session || !isSecretariat(actor, session.processId)) throw new NotFound("Session", sessionId);
  const round = await loadRound(tx, actor, session.roundId);
  return { session, round };
}

/** A request of a round, locked for the write. */
export async function findRequest(tx: Db, requestId: string): Promise<RequestRecord | undefined> {
  const [request] = await tx
    .select()
    .from(programmeRequests)
    .where(eq(programmeRequests.id, requestId))
    .for("update");
  return request;
}

/** The sessions of a round, for operations that look at them all. */
export function sessionsOfRound(tx: Db, roundId: string) {
  return tx
    .select()
    .from(programmeSessions)
    .where(and(eq(programmeSessions.roundId, roundId)));
}

/**
 * Sends a programme event to who may see what it is about: the secretariat always; once published, the
 * public for a public session, the process for a process one, the session's own delegations for a
 * closed one. Payloads carry ids only.
 */
export async function emitProgramme(
  ctx: OperationContext,
  target: Pick<RoundTarget, "processId" | "hostParticipantId" | "roundId">,
  type: string,
  about: {
    tier: "closed" | "process" | "public";
    published: boolean;
    participantIds: string[];
    subjectId?: string;
  },
): Promise<void> {
  const base = {
    type,
    processId: target.processId,
    subjectType: "programme",
    subjectId: about.subjectId ?? target.roundId,
    payload: { roundId: target.roundId, ...(about.subjectId ? { id: about.subjectId } : {}) },
  };
  if (about.published && about.tier === "public") return ctx.emit({ ...base, tier: "public" });
  if (about.published && about.tier === "process") return ctx.emit({ ...base, tier: "process" });
  const readers = about.published
    ? [target.hostParticipantId, ...about.participantIds]
    : [target.hostParticipantId];
  const delegations = await standingDelegationIdsOf(ctx.tx, target.processId, [...new Set(readers)]);
  for (const delegationId of new Set(delegations.values()))
    ctx.emit({ ...base, tier: "delegation", delegationId });
}
