import { RecordRef, RequestChangesInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { emitToDelegationAndSecretariat } from "./shared/delegation-events.ts";
import {
  bySecretariatOfRoundDelegation,
  checkDelegationMayChange,
  roundDelegationEvent,
  saveDelegationStatus,
} from "./shared/round-delegation.ts";

/**
 * core.round-delegation.request-changes: the secretariat sends a submitted list back with a note saying
 * what to change; the delegation resubmits.
 */
export const requestDelegationChanges = defineOperation({
  name: "core.round-delegation.request-changes",
  input: RequestChangesInput.extend({ roundDelegationId: RecordRef }),
  ...bySecretariatOfRoundDelegation,
  run: async (ctx, input, target) => {
    const { delegation, round } = target;
    checkDelegationMayChange(target, input.version, ["submitted"], "be sent back for changes");
    await saveDelegationStatus(ctx.tx, delegation, {
      status: "changes_requested",
      secretariatNote: input.note,
    });
    ctx.audit({ data: { round: round.number, note: input.note } });
    await emitToDelegationAndSecretariat(
      ctx,
      roundDelegationEvent("core.round-delegation.request-changes", target),
    );
    return { id: delegation.id };
  },
});
