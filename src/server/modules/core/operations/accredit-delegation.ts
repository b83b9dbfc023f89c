import { AccreditInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { roundDelegationTier } from "../policies.ts";
import { roundParticipations } from "../schema.ts";
import { emitToDelegationAndSecretariat } from "./shared/delegation-events.ts";
import {
  bySecretariatOfRoundDelegation,
  checkDelegationMayChange,
  roundDelegationEvent,
  saveDelegationStatus,
} from "./shared/round-delegation.ts";
import { newId } from "./support.ts";

/**
 * core.round-delegation.accredit: the secretariat accredits a submitted delegation. It joins the round's
 * list of participants (public once the round is announced) and the round's participations, with its
 * attendance unknown until recorded.
 */
export const accreditDelegation = defineOperation({
  name: "core.round-delegation.accredit",
  input: AccreditInput.extend({ roundDelegationId: RecordRef }),
  ...bySecretariatOfRoundDelegation,
  run: async (ctx, input, target) => {
    const { delegation, round } = target;
    checkDelegationMayChange(target, input.version, ["submitted"], "be accredited");
    await saveDelegationStatus(ctx.tx, delegation, {
      status: "accredited",
      ...(input.note !== undefined && { secretariatNote: input.note }),
    });
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
    await emitToDelegationAndSecretariat(
      ctx,
      roundDelegationEvent("core.round-delegation.accredit", target, {
        tier,
        payload: { roundId: round.id, participantId: delegation.participantId },
      }),
    );
    return { id: delegation.id };
  },
});
