import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { EmptyInput } from "../../../../contracts/programme.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { programmeAgendaItems, programmePlans } from "../schema.ts";
import { bySecretariatOfRound, requirePlan } from "./shared.ts";

/**
 * programme.agenda.adopt: the round adopts its agenda as it stands; from then it is public, so an item
 * can be followed from round to round. An empty agenda cannot be adopted.
 */
export const adoptAgenda = defineOperation({
  name: "programme.agenda.adopt",
  input: EmptyInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, _input, target) => {
    requirePlan(target);
    const adopted = await ctx.tx
      .update(programmeAgendaItems)
      .set({ status: "adopted", updatedAt: new Date() })
      .where(eq(programmeAgendaItems.roundId, target.roundId))
      .returning({ id: programmeAgendaItems.id });
    if (adopted.length === 0)
      throw new Conflict("The agenda has no item to adopt.", undefined, "agenda_empty");
    await ctx.tx
      .update(programmePlans)
      .set({ agendaAdopted: true })
      .where(eq(programmePlans.roundId, target.roundId));
    ctx.audit({ data: { items: adopted.length } });
    ctx.emit({
      type: "programme.agenda.adopt",
      tier: "public",
      processId: target.processId,
      subjectType: "programme",
      subjectId: target.roundId,
      payload: { roundId: target.roundId },
    });
    return { id: target.roundId };
  },
});
