import { eq } from "drizzle-orm";
import { AccreditInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat, roundDelegationTier, roundTakesDelegations } from "../policies.ts";
import { roundDelegations, roundParticipations } from "../schema.ts";
import { emitToDelegationAndSecretariat } from "./shared/delegation-events.ts";
import { checkDelegationVersion, loadRoundDelegation, newId, refuseDelegationState } from "./support.ts";

/**
 * core.round-delegation.accredit: the secretariat accredits a submitted delegation. It joins the round's
 * list of participants (public once the round is announced) and the round's participations, with its
 * attendance unknown until recorded.
 */
export const accreditDelegation = defineOperation({
  name: "core.round-delegation.accredit",
  input: AccreditInput.extend({ roundDelegationId: RecordRef }),
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
      throw refuseDelegationState(target, "be accredited");
    }
    await ctx.tx
      .update(roundDelegations)
      .set({
        status: "accredited",
        ...(input.note !== undefined && { secretariatNote: input.note }),
        version: delegation.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(roundDelegations.id, delegation.id));
    await ctx.tx
      .insert(roundParticipations)
      .values({
        id: newId(),
        roundId: round.id,
        participantId: delegation.participantId,
        role: delegation.role,
        attendance: "unknown",
      })
      .onConflictDoNothing();
    const tier = roundDelegationTier({ ...target.delegationFacts, status: "accredited" });
    ctx.audit({ tier, data: { round: round.number, participantId: delegation.participantId } });
    await emitToDelegationAndSecretariat(ctx, {
      type: "core.round-delegation.accredit",
      tier,
      processId: round.processId,
      delegationId: delegation.delegationId,
      subjectType: "round_delegation",
      subjectId: delegation.id,
      payload: { roundId: round.id, participantId: delegation.participantId },
    });
    return { id: delegation.id };
  },
});
