import { and, eq, inArray, isNull } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { WithdrawInput } from "../../../../contracts/humanitarian.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canUpdateCase } from "../policies.ts";
import { humCases, humExchangePeople, humExchanges } from "../schema.ts";
import {
  byOf,
  type CaseRow,
  emitPersonChange,
  loadReadableCase,
  personScope,
  requireActive,
} from "./shared.ts";

/**
 * humanitarian.case.withdraw: the side or the intermediary withdraws a case with a reason; nothing is
 * deleted (the case and its history stay, marked withdrawn). A case in an exchange still planned or
 * under way is refused: take it out of the exchange first.
 */
export const withdrawCase = defineOperation({
  name: "humanitarian.case.withdraw",
  input: WithdrawInput.extend({ caseId: RecordRef }),
  load: (tx, input, actor) => loadReadableCase(tx, actor, input.caseId),
  authorize: (actor, _input, row: CaseRow) => canUpdateCase(actor, row),
  scope: (_input, row) => personScope("humanitarian.case", row),
  run: async (ctx, input, row) => {
    requireActive(row);
    const [inExchange] = await ctx.tx
      .select({ id: humExchanges.id })
      .from(humExchangePeople)
      .innerJoin(humExchanges, eq(humExchanges.id, humExchangePeople.exchangeId))
      .where(
        and(
          eq(humExchangePeople.caseId, row.id),
          isNull(humExchangePeople.withdrawnAt),
          inArray(humExchanges.state, ["planned", "in_progress"]),
        ),
      );
    if (inExchange)
      throw new Conflict(
        "The case is in an exchange that is planned or under way: take it out of the exchange first.",
        { exchangeId: inExchange.id },
        "in_exchange",
      );
    await ctx.tx
      .update(humCases)
      .set({
        withdrawnAt: new Date(),
        withdrawnBy: byOf(ctx.actor).byLabel,
        withdrawnReason: input.reason,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(humCases.id, row.id));
    ctx.audit({});
    emitPersonChange(ctx, "humanitarian.case.withdraw", "humanitarian.case", row);
    return { id: row.id };
  },
});
