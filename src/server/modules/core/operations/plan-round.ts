import { and, eq } from "drizzle-orm";
import { PlanRoundInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { rounds } from "../schema.ts";
import { bySecretariatOfProcess } from "./shared/process.ts";
import { checkDateOrder, duplicateField, newId } from "./support.ts";

/**
 * core.round.plan: the secretariat plans a numbered round. A planned round is visible only inside the
 * process until it is announced. Each number is used once per process (409 on number); the end may
 * not precede the start (422 on endDate). City and venue default to the process's.
 */
export const planRound = defineOperation({
  name: "core.round.plan",
  input: PlanRoundInput.extend({ processId: RecordRef }),
  ...bySecretariatOfProcess,
  scope: (_input, process) => ({ subjectType: "round", processId: process?.id, tier: "process" }),
  run: async (ctx, input, process) => {
    const [taken] = await ctx.tx
      .select({ id: rounds.id, status: rounds.status })
      .from(rounds)
      .where(and(eq(rounds.processId, process.id), eq(rounds.number, input.number)))
      .limit(1);
    if (taken) throw duplicateField("number", `This process already has a round ${input.number}.`);
    checkDateOrder(input.startDate, input.endDate, "endDate");
    const id = newId();
    await ctx.tx.insert(rounds).values({
      id,
      processId: process.id,
      number: input.number,
      names: input.names,
      city: input.city === undefined ? process.defaultCity : input.city,
      venue: input.venue === undefined ? process.defaultVenue : input.venue,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    });
    ctx.audit({
      subjectId: id,
      data: { number: input.number, startDate: input.startDate ?? null, endDate: input.endDate ?? null },
    });
    ctx.emit({
      type: "core.round.plan",
      tier: "process",
      processId: process.id,
      subjectType: "round",
      subjectId: id,
      payload: { number: input.number },
    });
    return { id };
  },
});
