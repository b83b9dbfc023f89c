import { eq } from "drizzle-orm";
import { RecordRef, SetPrecedenceInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { roundDelegations } from "../schema.ts";
import { bySecretariatOfRound, roundEvent, roundScope } from "./shared/round.ts";
import { invalidField, touchRound } from "./support.ts";

/**
 * core.round-precedence.set: the secretariat chooses the order of precedence of the round's list of
 * participants. A custom order names each invited participant once and nobody else (422 on customOrder).
 */
export const setRoundPrecedence = defineOperation({
  name: "core.round-precedence.set",
  input: SetPrecedenceInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  scope: roundScope,
  run: async (ctx, input, target) => {
    const { round } = target;
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
    ctx.emit(roundEvent("core.round-precedence.set", target));
    return { id: round.id };
  },
});
