import { and, eq, inArray, isNull, notInArray as notIn } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { WithdrawInput } from "../../../../contracts/humanitarian.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canReadPerson, canSubmitFor } from "../policies.ts";
import { humCases, humExchangePeople, humListEntries, humLists } from "../schema.ts";
import { byOf, emitPersonChange, personScope, requireActive } from "./shared.ts";

/**
 * humanitarian.list.withdraw: the side withdraws a list it uploaded, with a reason: the list, its rows
 * and the cases it created are marked withdrawn (nothing is deleted), except cases already taken into
 * an exchange, which stay. The same file may not be uploaded again (its hash stays on record).
 */
export const withdrawList = defineOperation({
  name: "humanitarian.list.withdraw",
  input: WithdrawInput.extend({ listId: RecordRef }),
  load: async (tx, input, actor) => {
    const [list] = await tx.select().from(humLists).where(eq(humLists.id, input.listId));
    if (!list || !canReadPerson(actor, list)) throw new NotFound("List", input.listId);
    return list;
  },
  authorize: (actor, _input, list) => canSubmitFor(actor, list.processId, list.delegationId),
  scope: (_input, list) => personScope("humanitarian.list", list),
  run: async (ctx, input, list) => {
    requireActive(list, "list");
    const withdrawal = {
      withdrawnAt: new Date(),
      withdrawnBy: byOf(ctx.actor).byLabel,
      withdrawnReason: input.reason,
    };
    await ctx.tx
      .update(humLists)
      .set({ ...withdrawal, updatedAt: new Date() })
      .where(eq(humLists.id, list.id));
    await ctx.tx
      .update(humListEntries)
      .set(withdrawal)
      .where(and(eq(humListEntries.listId, list.id), isNull(humListEntries.withdrawnAt)));
    const fromList = ctx.tx
      .select({ id: humListEntries.id })
      .from(humListEntries)
      .where(eq(humListEntries.listId, list.id));
    const inExchange = ctx.tx.select({ id: humExchangePeople.caseId }).from(humExchangePeople);
    const withdrawn = await ctx.tx
      .update(humCases)
      .set({ ...withdrawal, updatedAt: new Date() })
      .where(
        and(
          inArray(humCases.listEntryId, fromList),
          isNull(humCases.withdrawnAt),
          // not in any exchange
          notIn(humCases.id, inExchange),
        ),
      )
      .returning({ id: humCases.id });
    ctx.audit({ data: { casesWithdrawn: withdrawn.length } });
    emitPersonChange(ctx, "humanitarian.list.withdraw", "humanitarian.list", list, {
      casesWithdrawn: withdrawn.length,
    });
    return { id: list.id };
  },
});
