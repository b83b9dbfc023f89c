import { NextRoundDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat, roundTier } from "../policies.ts";
import { checkDateOrder, loadRound, touchRound } from "./support.ts";

/**
 * core.next-round-decision.record: what a round decided about the next one, as loosely as it was
 * worded ("in Astana, in the second half of 2024"): the wording, a city and a date window, so the
 * next round's held dates can be set against it.
 */
export const recordNextRoundDecision = defineOperation({
  name: "core.next-round-decision.record",
  input: NextRoundDecisionInput.extend({ roundId: RecordRef }),
  load: (tx, input, actor) => loadRound(tx, input.roundId, actor),
  authorize: (actor, _input, target) => isSecretariat(actor, target.round.processId),
  scope: (_input, target) => ({
    subjectType: "round",
    subjectId: target?.round.id,
    processId: target?.round.processId,
    tier: target ? roundTier(target.facts) : "process",
  }),
  run: async (ctx, input, { round, facts }) => {
    checkDateOrder(input.windowStart, input.windowEnd, "windowEnd");
    const updated = await touchRound(ctx.tx, round, {
      nextRoundWording: input.wording,
      nextRoundCity: input.city ?? null,
      nextRoundWindowStart: input.windowStart ?? null,
      nextRoundWindowEnd: input.windowEnd ?? null,
    });
    ctx.audit({ data: { wording: input.wording, city: input.city ?? null } });
    ctx.emit({
      type: "core.next-round-decision.record",
      tier: roundTier(facts),
      processId: round.processId,
      subjectType: "round",
      subjectId: round.id,
    });
    return { id: round.id, version: updated.version };
  },
});
