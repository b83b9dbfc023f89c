import { eq } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isIntermediary } from "../policies.ts";
import { humExchangePeople, humExchanges } from "../schema.ts";
import { emitExchange, exchangeScope, loadExchangePerson, requireOpenExchange } from "./exchange-shared.ts";
import { byOf } from "./shared.ts";

/**
 * humanitarian.exchange.confirm-release: the neutral intermediary confirms, one person at a time, that
 * this person was released and received. The exchange is then under way; the cases change only when
 * the whole exchange is completed.
 */
export const confirmRelease = defineOperation({
  name: "humanitarian.exchange.confirm-release",
  input: z.strictObject({ personId: RecordRef }),
  load: (tx, input, actor) => loadExchangePerson(tx, actor, input.personId),
  authorize: (actor, _input, { exchange }) => isIntermediary(actor, exchange.processId),
  scope: (_input, target) => exchangeScope(target?.exchange),
  run: async (ctx, _input, { person, exchange }) => {
    requireOpenExchange(exchange);
    if (person.withdrawnAt)
      throw new Conflict("The person was taken out of the exchange.", { personId: person.id }, "withdrawn");
    if (person.confirmedAt)
      throw new Conflict("This release was already confirmed.", { personId: person.id }, "already_confirmed");
    const by = byOf(ctx.actor);
    await ctx.tx
      .update(humExchangePeople)
      .set({ confirmedAt: new Date(), confirmedBy: by.byAccountId, confirmedByLabel: by.byLabel })
      .where(eq(humExchangePeople.id, person.id));
    if (exchange.state === "planned")
      await ctx.tx
        .update(humExchanges)
        .set({ state: "in_progress", updatedAt: new Date() })
        .where(eq(humExchanges.id, exchange.id));
    ctx.audit({ data: { personId: person.id, caseId: person.caseId } });
    emitExchange(ctx, "humanitarian.exchange.confirm-release", exchange);
    return { id: person.id };
  },
});
