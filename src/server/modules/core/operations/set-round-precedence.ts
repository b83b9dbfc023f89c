import { eq } from "drizzle-orm";
import { RecordRef, SetPrecedenceInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat, roundTier } from "../policies.ts";
import { roundDelegations } from "../schema.ts";
import { invalidField, loadRound, touchRound } from "./support.ts";

/**
 * core.round-precedence.set: the secretariat chooses the order of precedence of the round's list of
 * participants. A custom order names each invited participant once and nobody else (422 on customOrder).
 */
export const setRoundPrecedence = defineOperation({
  name: "core.round-precedence.set",
  input: SetPrecedenceInput.extend({ roundId: RecordRef }),
  load: (tx, input, actor) => loadRound(tx, input.roundId, actor),
  authorize: (actor, _input, target) => isSecretariat(actor, target.round.processId),
  scope: (_input, target) => ({
    subjectType: "round",
    subjectId: target?.round.id,
    processId: target?.round.processId,
    tier: target ? roundTier(target.facts) : "process",
  }),
  run: async (ctx, input, { round, facts }) => {
    let custom: string[] | null = null;
    if (input.order === "custom") {
      if (!input.customOrder)
        throw invalidField("customOrder", "A custom order lists the participants in order.");
      const invited = await ctx.tx
        .select({ participantId: roundDelegations.participantId })
        .from(roundDelegations)
        .where(eq(roundDelegations.roundId, round.id));
      const known = new Set(invited.map((row) => row.participantId));
      const seen = new Set<string>();
      for (const [index, participantId] of input.customOrder.entries()) {
        if (!known.has(participantId)) {
          throw invalidField(
            ["customOrder", index],
            `${participantId} is not invited to round ${round.number}.`,
          );
        }
        if (seen.has(participantId))
          throw invalidField(["customOrder", index], `${participantId} is listed twice.`);
        seen.add(participantId);
      }
      custom = input.customOrder;
    } else if (input.customOrder) {
      throw invalidField("customOrder", "Only a custom order takes a list; leave it out for this order.");
    }
    await touchRound(ctx.tx, round, { precedenceOrder: input.order, precedenceCustom: custom });
    ctx.audit({ data: { order: input.order } });
    ctx.emit({
      type: "core.round-precedence.set",
      tier: roundTier(facts),
      processId: round.processId,
      subjectType: "round",
      subjectId: round.id,
    });
    return { id: round.id };
  },
});
