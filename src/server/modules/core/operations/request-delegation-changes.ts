import { eq } from "drizzle-orm";
import { RecordRef, RequestChangesInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat, roundTakesDelegations } from "../policies.ts";
import { roundDelegations } from "../schema.ts";
import { emitToDelegationAndSecretariat } from "./shared/delegation-events.ts";
import { checkDelegationVersion, loadRoundDelegation, refuseDelegationState } from "./support.ts";

/**
 * core.round-delegation.request-changes: the secretariat sends a submitted list back with a note saying
 * what to change; the delegation resubmits.
 */
export const requestDelegationChanges = defineOperation({
  name: "core.round-delegation.request-changes",
  input: RequestChangesInput.extend({ roundDelegationId: RecordRef }),
  load: (tx, input, actor) => loadRoundDelegation(tx, input.roundDelegationId, actor),
  authorize: (actor, _input, target) => isSecretariat(actor, target.round.processId),
  scope: (_input, target) => ({
    subjectType: "round_delegation",
    subjectId: target?.delegation.id,
    processId: target?.round.processId,
    delegationId: target?.delegation.delegationId,
    tier: "delegation",
  }),
  run: async (ctx, input, target) => {
    const { delegation, round } = target;
    checkDelegationVersion(target, input.version);
    if (!roundTakesDelegations(round.status) || delegation.status !== "submitted") {
      throw refuseDelegationState(target, "be sent back for changes");
    }
    await ctx.tx
      .update(roundDelegations)
      .set({
        status: "changes_requested",
        secretariatNote: input.note,
        version: delegation.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(roundDelegations.id, delegation.id));
    ctx.audit({ data: { round: round.number, note: input.note } });
    await emitToDelegationAndSecretariat(ctx, {
      type: "core.round-delegation.request-changes",
      tier: "delegation",
      processId: round.processId,
      delegationId: delegation.delegationId,
      subjectType: "round_delegation",
      subjectId: delegation.id,
    });
    return { id: delegation.id };
  },
});
