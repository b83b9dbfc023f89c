// What the process, round and delegation operations share: loading their targets and naming bad fields.
import { randomUUID } from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import { type Actor, deny } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound, StaleVersion, ValidationFailed } from "../../../platform/errors.ts";
import {
  canSeeRound,
  canSeeRoundDelegation,
  type RoundDelegationFacts,
  type RoundVisibilityFacts,
} from "../policies.ts";
import { presentRoundCore } from "../presenters/process.ts";
import { participants, processes, roundAnnouncements, roundDelegations, rounds } from "../schema.ts";

/** Identifiers are random UUIDs: nothing about a record can be guessed from its id. */
export const newId = (): string => randomUUID();

/** A rule broken by one field: 422 naming it, so a form can show the message beside the field. */
export function invalidField(field: string | (string | number)[], message: string): ValidationFailed {
  return new ValidationFailed(message, [{ path: Array.isArray(field) ? field : [field], message }]);
}

/** A value that clashes with an existing record (a number or slug used twice): 409 naming the field. */
export function duplicateField(field: string, message: string): Conflict {
  return new Conflict(message, { field, issues: [{ path: [field], message }] }, "duplicate");
}

/** Refuses a write based on an older version than the stored one. */
export function checkVersion(
  what: string,
  expected: number | undefined,
  current: { version: number },
  shown: unknown,
) {
  if (expected !== undefined && expected !== current.version) throw new StaleVersion(what, expected, shown);
}

/** The end of a span must not precede its start: 422 naming the end field. */
export function checkDateOrder(
  start: string | null | undefined,
  end: string | null | undefined,
  endField: string,
) {
  if (start && end && end < start) {
    throw invalidField(endField, `The end date ${end} is before the start date ${start}.`);
  }
}

export type ParticipantRow = typeof participants.$inferSelect;
export type ProcessRow = typeof processes.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type RoundDelegationRow = typeof roundDelegations.$inferSelect;

/** A participant named in a request body by id or slug; an unknown one is a 422 naming the field. */
export async function findParticipantForField(
  tx: Db,
  ref: string,
  field: string | (string | number)[],
): Promise<ParticipantRow> {
  const [row] = await tx
    .select()
    .from(participants)
    .where(or(eq(participants.id, ref), eq(participants.slug, ref)))
    .limit(1);
  if (!row) throw invalidField(field, `There is no participant ${ref}.`);
  return row;
}

/** A process named in the path by id or slug (processes are public), locked for the write. */
export async function loadProcess(tx: Db, ref: string): Promise<ProcessRow> {
  const [row] = await tx
    .select()
    .from(processes)
    .where(or(eq(processes.id, ref), eq(processes.slug, ref)))
    .limit(1)
    .for("update");
  if (!row) throw new NotFound("Process", ref);
  return row;
}

export type RoundTarget = { round: RoundRow; process: ProcessRow; facts: RoundVisibilityFacts };

/** A round named in the path, locked for the write; one the actor may not see answers 404 like a missing one. */
export async function loadRound(tx: Db, roundId: string, actor: Actor): Promise<RoundTarget> {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).limit(1).for("update");
  if (!round) throw new NotFound("Round", roundId);
  const [process] = await tx.select().from(processes).where(eq(processes.id, round.processId)).limit(1);
  if (!process) throw new NotFound("Round", roundId);
  const [announcement] = await tx
    .select({ id: roundAnnouncements.id })
    .from(roundAnnouncements)
    .where(eq(roundAnnouncements.roundId, round.id))
    .limit(1);
  const facts = { processId: round.processId, status: round.status, hasAnnouncement: Boolean(announcement) };
  if (!canSeeRound(actor, facts)) throw new NotFound("Round", roundId);
  return { round, process, facts };
}

/** Refuses a round write based on an older version, showing the current round. */
export function checkRoundVersion(round: RoundRow, expected: number | undefined): void {
  checkVersion(`Round ${round.number}`, expected, round, presentRoundCore(round));
}

export type RoundDelegationTarget = RoundTarget & {
  delegation: RoundDelegationRow;
  participant: ParticipantRow;
  delegationFacts: RoundDelegationFacts;
};

/** The facts the delegation policies decide on. */
export function delegationFacts(target: RoundTarget, delegation: RoundDelegationRow): RoundDelegationFacts {
  return { round: target.facts, delegationId: delegation.delegationId, status: delegation.status };
}

/** Bumps a round's version after a change to it or to what hangs on it. */
export async function touchRound(tx: Db, round: RoundRow, values: Partial<RoundRow> = {}): Promise<RoundRow> {
  const [updated] = await tx
    .update(rounds)
    .set({ ...values, version: round.version + 1, updatedAt: new Date() })
    .where(eq(rounds.id, round.id))
    .returning();
  if (!updated) throw new NotFound("Round", round.id);
  return updated;
}

/**
 * A round delegation named in the path, locked for the write. One the actor may not see (another
 * delegation's invitation) answers 404 exactly like a missing one.
 */
export async function loadRoundDelegation(tx: Db, id: string, actor: Actor): Promise<RoundDelegationTarget> {
  const [delegation] = await tx
    .select()
    .from(roundDelegations)
    .where(eq(roundDelegations.id, id))
    .limit(1)
    .for("update");
  if (!delegation) throw new NotFound("Round delegation", id);
  const round = await loadRound(tx, delegation.roundId, actor).catch((error: unknown) => {
    throw error instanceof NotFound ? new NotFound("Round delegation", id) : error;
  });
  return withDelegation(tx, round, delegation, actor, () => new NotFound("Round delegation", id));
}

/**
 * The delegation of a participant (by id or slug) to a round. A participant that does not exist, is
 * not invited, or whose invitation the actor may not see is one error: 422 naming participantId.
 */
export async function loadInvitedDelegation(
  tx: Db,
  roundId: string,
  participantRef: string,
  actor: Actor,
): Promise<RoundDelegationTarget> {
  if (actor.kind === "anonymous") deny(actor);
  const round = await loadRound(tx, roundId, actor);
  const notInvited = () =>
    invalidField("participantId", `${participantRef} is not invited to round ${round.round.number}.`);
  const [participant] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(or(eq(participants.id, participantRef), eq(participants.slug, participantRef)))
    .limit(1);
  if (!participant) throw notInvited();
  const [delegation] = await tx
    .select()
    .from(roundDelegations)
    .where(
      and(eq(roundDelegations.roundId, round.round.id), eq(roundDelegations.participantId, participant.id)),
    )
    .limit(1)
    .for("update");
  if (!delegation) throw notInvited();
  return withDelegation(tx, round, delegation, actor, notInvited);
}

async function withDelegation(
  tx: Db,
  round: RoundTarget,
  delegation: RoundDelegationRow,
  actor: Actor,
  hidden: () => Error,
): Promise<RoundDelegationTarget> {
  const facts = delegationFacts(round, delegation);
  if (!canSeeRoundDelegation(actor, facts)) throw hidden();
  const [participant] = await tx
    .select()
    .from(participants)
    .where(eq(participants.id, delegation.participantId))
    .limit(1);
  if (!participant) throw hidden();
  return { ...round, delegation, participant, delegationFacts: facts };
}

/** Refuses a change to a round delegation based on an older version. */
export function checkDelegationVersion(target: RoundDelegationTarget, expected: number | undefined): void {
  const { delegation, participant } = target;
  checkVersion(`The delegation of ${participant.names.en}`, expected, delegation, {
    id: delegation.id,
    status: delegation.status,
    version: delegation.version,
  });
}

/** A delegation change refused in its current state: 409 naming the status. */
export function refuseDelegationState(target: RoundDelegationTarget, action: string): Conflict {
  const { delegation, participant, round } = target;
  return new Conflict(
    `The delegation of ${participant.names.en} to round ${round.number} is ${delegation.status.replace("_", " ")}; it cannot ${action} now.`,
    { field: "status", currentStatus: delegation.status, roundStatus: round.status },
    "invalid_transition",
  );
}
