// What the writes to one round delegation share: who may act, the state guard, saving its new status,
// and how the audit entry and the event are addressed (the delegation's own tier).
import { eq } from "drizzle-orm";
import type { AccreditationState } from "../../../../../contracts/enums.ts";
import type { Actor, Tier } from "../../../../platform/authz.ts";
import type { Db } from "../../../../platform/db.ts";
import type { EventInput } from "../../../../platform/events.ts";
import type { AuditDetail } from "../../../../platform/operation.ts";
import { isSecretariat, roundTakesDelegations } from "../../policies.ts";
import { roundDelegations } from "../../schema.ts";
import {
  checkDelegationVersion,
  loadRoundDelegation,
  type RoundDelegationRow,
  type RoundDelegationTarget,
  refuseDelegationState,
} from "../support.ts";

/**
 * The audit scope of a change to a round delegation: filed under it at the `delegation` tier, so only
 * that delegation and the secretariat see the entry (refusals included).
 */
export function roundDelegationScope(
  _input: unknown,
  target: RoundDelegationTarget | undefined,
): AuditDetail {
  return {
    subjectType: "round_delegation",
    subjectId: target?.delegation.id,
    processId: target?.round.processId,
    delegationId: target?.delegation.delegationId,
    tier: "delegation",
  };
}

/**
 * The round delegation named by `roundDelegationId`, loaded and locked (one the actor may not see
 * answers 404); only the process's host secretariat may decide on it. Spread into `defineOperation`.
 */
export const bySecretariatOfRoundDelegation = {
  load: (tx: Db, input: { roundDelegationId: string }, actor: Actor) =>
    loadRoundDelegation(tx, input.roundDelegationId, actor),
  authorize: (actor: Actor, _input: unknown, target: RoundDelegationTarget) =>
    isSecretariat(actor, target.round.processId),
  scope: roundDelegationScope,
};

/**
 * A change to a round delegation is based on the version the client read (409 stale_version) and is
 * allowed only while the round takes delegations and the delegation is in one of the `from` states
 * (409 invalid_transition naming its status).
 */
export function checkDelegationMayChange(
  target: RoundDelegationTarget,
  version: number | undefined,
  from: readonly AccreditationState[],
  action: string,
): void {
  checkDelegationVersion(target, version);
  if (!roundTakesDelegations(target.round.status) || !from.includes(target.delegation.status)) {
    throw refuseDelegationState(target, action);
  }
}

/** Saves a round delegation's new status (and note), raising its version. */
export async function saveDelegationStatus(
  tx: Db,
  delegation: RoundDelegationRow,
  values: { status: AccreditationState; secretariatNote?: string | null },
): Promise<void> {
  await tx
    .update(roundDelegations)
    .set({ ...values, version: delegation.version + 1, updatedAt: new Date() })
    .where(eq(roundDelegations.id, delegation.id));
}

/** The event of a change to a round delegation, at the delegation's tier unless it is now wider. */
export function roundDelegationEvent(
  type: string,
  target: RoundDelegationTarget,
  options: { tier?: Tier; payload?: Record<string, unknown> } = {},
): EventInput {
  return {
    type,
    tier: options.tier ?? "delegation",
    processId: target.round.processId,
    delegationId: target.delegation.delegationId,
    subjectType: "round_delegation",
    subjectId: target.delegation.id,
    ...(options.payload && { payload: options.payload }),
  };
}
