// What the secretariat's writes to one round share: loading the round, who may act, how the audit
// entry and the event are addressed.
import type { Actor } from "../../../../platform/authz.ts";
import type { Db } from "../../../../platform/db.ts";
import type { EventInput } from "../../../../platform/events.ts";
import type { AuditDetail } from "../../../../platform/operation.ts";
import { isSecretariat, roundTier } from "../../policies.ts";
import { loadRound, type RoundTarget } from "../support.ts";

/**
 * The round named by `roundId`, loaded and locked (one the actor may not see answers 404 like a
 * missing one); only the process's host secretariat may change it. Spread into `defineOperation`.
 */
export const bySecretariatOfRound = {
  load: (tx: Db, input: { roundId: string }, actor: Actor) => loadRound(tx, input.roundId, actor),
  authorize: (actor: Actor, _input: unknown, target: RoundTarget) =>
    isSecretariat(actor, target.round.processId),
};

/**
 * The audit scope of a change to a round: filed under the round, at the round's tier, so an entry about
 * a planned round is no more visible than the round (refusals included, before the round is known).
 */
export function roundScope(_input: unknown, target: RoundTarget | undefined): AuditDetail {
  return {
    subjectType: "round",
    subjectId: target?.round.id,
    processId: target?.round.processId,
    tier: target ? roundTier(target.facts) : "process",
  };
}

/** The event of a change to a round, delivered to whoever may see the round. */
export function roundEvent(type: string, target: RoundTarget, payload?: Record<string, unknown>): EventInput {
  return {
    type,
    tier: roundTier(target.facts),
    processId: target.round.processId,
    subjectType: "round",
    subjectId: target.round.id,
    ...(payload && { payload }),
  };
}
