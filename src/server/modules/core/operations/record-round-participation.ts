import { RecordParticipationInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { roundTier } from "../policies.ts";
import { roundParticipations } from "../schema.ts";
import { bySecretariatOfRound } from "./shared/round.ts";
import { findParticipantForField, invalidField, newId } from "./support.ts";

/**
 * core.round-participation.record: the secretariat records who took part in a round, in which role,
 * and whether they attended (absent, boycotted…). One row per participant and role: recording again
 * replaces it.
 */
export const recordRoundParticipation = defineOperation({
  name: "core.round-participation.record",
  input: RecordParticipationInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  scope: (_input, target) => ({
    subjectType: "round_participation",
    processId: target?.round.processId,
    tier: target ? roundTier(target.facts) : "process",
  }),
  run: async (ctx, input, { round, facts }) => {
    const participant = await findParticipantForField(ctx.tx, input.participantId, "participantId");
    if (participant.existsFrom && round.startDate && round.startDate < participant.existsFrom) {
      throw invalidField("participantId", `${participant.names.en} did not exist yet on ${round.startDate}.`);
    }
    const values = {
      attendance: input.attendance,
      note: input.note ?? null,
      citedText: input.citedText ?? null,
      updatedAt: new Date(),
    };
    const [row] = await ctx.tx
      .insert(roundParticipations)
      .values({ id: newId(), roundId: round.id, participantId: participant.id, role: input.role, ...values })
      .onConflictDoUpdate({
        target: [roundParticipations.roundId, roundParticipations.participantId, roundParticipations.role],
        set: values,
      })
      .returning({ id: roundParticipations.id });
    ctx.audit({
      subjectId: row?.id,
      data: { participant: participant.slug, role: input.role, attendance: input.attendance },
    });
    ctx.emit({
      type: "core.round-participation.record",
      tier: roundTier(facts),
      processId: round.processId,
      subjectType: "round_participation",
      subjectId: row?.id ?? null,
      payload: { roundId: round.id, participantId: participant.id },
    });
    return { id: row?.id ?? "" };
  },
});
