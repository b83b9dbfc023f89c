import { RecordRef } from "../../../../contracts/common.ts";
import { ConfigureInput } from "../../../../contracts/programme.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { venueInstant } from "../model.ts";
import { programmePlans } from "../schema.ts";
import { bySecretariatOfRound, invalidField } from "./shared.ts";

/**
 * programme.plan.configure: the secretariat sets the round's days (hours and breaks at the venue), the
 * slot length the scheduler counts in, the minimum gap between a delegation's meetings and the
 * objective's weights. A day that ends before it starts, a break outside its day, or two entries for
 * one date are refused with the field at fault.
 */
export const configureProgramme = defineOperation({
  name: "programme.plan.configure",
  input: ConfigureInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, input, target) => {
    const seen = new Set<string>();
    input.days.forEach((day, i) => {
      if (seen.has(day.date)) throw invalidField(`days.${i}.date`, `The day ${day.date} is listed twice.`);
      seen.add(day.date);
      const from = venueInstant(day.date, day.from, input.utcOffset);
      const to = venueInstant(day.date, day.to, input.utcOffset);
      if (to <= from)
        throw invalidField(`days.${i}.to`, `The day ${day.date} ends before it starts.`, "ends_before_start");
      day.breaks.forEach((pause, j) => {
        if (pause.to <= pause.from)
          throw invalidField(
            `days.${i}.breaks.${j}`,
            `A break of ${day.date} ends before it starts.`,
            "ends_before_start",
          );
        if (pause.from < day.from || pause.to > day.to)
          throw invalidField(`days.${i}.breaks.${j}`, `A break of ${day.date} lies outside the day's hours.`);
      });
    });
    const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
    const values = {
      utcOffset: input.utcOffset,
      slotMinutes: input.slotMinutes,
      minGapMinutes: input.minGapMinutes,
      days,
      weights: input.weights as Record<string, number>,
    };
    await ctx.tx
      .insert(programmePlans)
      .values({ roundId: target.roundId, processId: target.processId, ...values })
      .onConflictDoUpdate({ target: programmePlans.roundId, set: { ...values, updatedAt: new Date() } });
    ctx.audit({ data: { days: days.length, slotMinutes: input.slotMinutes } });
    ctx.emit({
      type: "programme.plan.configure",
      tier: "process",
      processId: target.processId,
      subjectType: "programme",
      subjectId: target.roundId,
      payload: { roundId: target.roundId },
    });
    return { id: target.roundId };
  },
});
