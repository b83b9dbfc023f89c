import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { CancelExchangeInput } from "../../../../contracts/humanitarian.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canPlanExchange } from "../policies.ts";
import { humExchanges } from "../schema.ts";
import { emitExchange, exchangeScope, loadReadableExchange, requireOpenExchange } from "./exchange-shared.ts";

/**
 * humanitarian.exchange.cancel: the intermediary or a guarantor cancels an exchange not yet completed,
 * saying why; no case changes, and its people may be named in another exchange.
 */
export const cancelExchange = defineOperation({
  name: "humanitarian.exchange.cancel",
  input: CancelExchangeInput.extend({ exchangeId: RecordRef }),
  load: (tx, input, actor) => loadReadableExchange(tx, actor, input.exchangeId),
  authorize: (actor, _input, exchange) => canPlanExchange(actor, exchange.processId),
  scope: (_input, exchange) => exchangeScope(exchange),
  run: async (ctx, input, exchange) => {
    requireOpenExchange(exchange);
    await ctx.tx
      .update(humExchanges)
      .set({
        state: "cancelled",
        cancelledAt: new Date(),
        cancelledReason: input.reason,
        updatedAt: new Date(),
      })
      .where(eq(humExchanges.id, exchange.id));
    ctx.audit({ data: { from: exchange.state } });
    emitExchange(ctx, "humanitarian.exchange.cancel", exchange);
    return { id: exchange.id };
  },
});
