import { NextRoundDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { saveOptionalTextVersions, saveTextVersions } from "../../../platform/text-versions.ts";
import { bySecretariatOfRound, roundEvent, roundScope } from "./shared/round.ts";
import { checkDateOrder, touchRound } from "./support.ts";

/**
 * core.next-round-decision.record: what a round decided about the next one, as loosely as it was
 * worded ("in Astana, in the second half of 2024"): the wording, a city and a date window, so the
 * next round's held dates can be set against it. The wording and the city may be written in several
 * languages: the round's columns keep the original, the other versions are text versions of the round.
 */
export const recordNextRoundDecision = defineOperation({
  name: "core.next-round-decision.record",
  input: NextRoundDecisionInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  scope: roundScope,
  run: async (ctx, input, target) => {
    const { round } = target;
    checkDateOrder(input.windowStart, input.windowEnd, "windowEnd");
    const subject = { subjectType: "round", subjectId: round.id };
    const wording = await saveTextVersions(ctx.tx, { ...subject, field: "nextRoundWording" }, input.wording);
    const city = await saveOptionalTextVersions(ctx.tx, { ...subject, field: "nextRoundCity" }, input.city);
    const updated = await touchRound(ctx.tx, round, {
      nextRoundWording: wording.text,
      nextRoundCity: city?.text ?? null,
      nextRoundWindowStart: input.windowStart ?? null,
      nextRoundWindowEnd: input.windowEnd ?? null,
    });
    ctx.audit({
      data: { wording: wording.text, city: city?.text ?? null, original: wording.original },
    });
    ctx.emit(roundEvent("core.next-round-decision.record", target));
    return { id: round.id, version: updated.version };
  },
});
