import { NextRoundDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { bySecretariatOfRound, roundEvent, roundScope } from "./shared/round.ts";
import { checkDateOrder, touchRound } from "./support.ts";

/**
 * core.next-round-decision.record: what a round decided about the next one, as loosely as it was
 * worded ("in Astana, in the second half of 2024"): the wording, a city and a date window, so the
 * next round's held dates can be set against it.
 */
export const recordNextRoundDecision = defineOperation({
  name: "core.next-round-decision.record",
  input: NextRoundDecisionInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  scope: roundScope,
  run: async (ctx, input, target) => {
    const { round } = target;
    checkDateOrder(input.windowStart, input.windowEnd, "windowEnd");
    const updated = await touchRound(ctx.tx, round, {
      nextRoundWording: input.wording,
      nextRoundCity: input.city ?? null,
      nextRoundWindowStart: input.windowStart ?? null,
      nextRoundWindowEnd: input.windowEnd ?? null,
    });
    ctx.audit({ data: { wording: input.wording, city: input.city ?? null } });
    ctx.emit(roundEvent("core.next-round-decision.record", target));
    return { id: round.id, version: updated.version };
  },
});
