import { RecordRef } from "../../../../contracts/common.ts";
import { StayInput } from "../../../../contracts/programme.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { mayActAs } from "../policies.ts";
import { programmeStays } from "../schema.ts";
import { invalidField, loadRound, newId, requireAccredited } from "./shared.ts";

/**
 * programme.stay.set: a delegation states when it arrives and leaves and how many teams of how many
 * people it fields at once (the secretariat may enter it for any accredited delegation). A departure
 * before the arrival is refused.
 */
export const setStay = defineOperation({
  name: "programme.stay.set",
  input: StayInput.extend({ roundId: RecordRef }),
  load: (tx, input, actor) => loadRound(tx, actor, input.roundId),
  authorize: (actor, input, target) => mayActAs(actor, target, input.participantId),
  scope: (input, target) => ({
    subjectType: "round",
    subjectId: input.roundId,
    processId: target?.processId ?? null,
    tier: "process",
  }),
  run: async (ctx, input, target) => {
    requireAccredited(target, [input.participantId], "participantId");
    const arrivesAt = input.arrivesAt ? new Date(input.arrivesAt) : null;
    const departsAt = input.departsAt ? new Date(input.departsAt) : null;
    if (arrivesAt && departsAt && departsAt <= arrivesAt)
      throw invalidField("departsAt", "The delegation leaves before it arrives.", "ends_before_start");
    const values = { arrivesAt, departsAt, teams: input.teams, teamSize: input.teamSize };
    await ctx.tx
      .insert(programmeStays)
      .values({
        id: newId(),
        roundId: target.roundId,
        processId: target.processId,
        participantId: input.participantId,
        ...values,
      })
      .onConflictDoUpdate({
        target: [programmeStays.roundId, programmeStays.participantId],
        set: { ...values, updatedAt: new Date() },
      });
    ctx.audit({ data: { participantId: input.participantId, teams: input.teams } });
    ctx.emit({
      type: "programme.stay.set",
      tier: "process",
      processId: target.processId,
      subjectType: "programme",
      subjectId: target.roundId,
      payload: { roundId: target.roundId },
    });
    return { id: input.participantId };
  },
});
