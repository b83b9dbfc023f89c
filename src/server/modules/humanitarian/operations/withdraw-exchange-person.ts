import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { WithdrawInput } from "../../../../contracts/humanitarian.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canPlanExchange } from "../policies.ts";
import { humExchangePeople } from "../schema.ts";
import { emitExchange, exchangeScope, loadExchangePerson, requireOpenExchange } from "./exchange-shared.ts";
import { byOf } from "./shared.ts";

/**
 * humanitarian.exchange.withdraw-person: takes a person out of an open exchange, with a reason (kept,
 * not deleted). A release the intermediary confirmed cannot be taken back.
 */
export const withdrawExchangePerson = defineOperation({
  name: "humanitarian.exchange.withdraw-person",
  input: WithdrawInput.extend({ personId: RecordRef }),
  load: (tx, input, actor) => loadExchangePerson(tx, actor, input.personId),
  authorize: (actor, _input, { exchange }) => canPlanExchange(actor, exchange.processId),
  scope: (_input, target) => exchangeScope(target?.exchange),
  run: async (ctx, input, { person, exchange }) => {
    requireOpenExchange(exchange);
    if (person.withdrawnAt) throw new Conflict("Already taken out.", { personId: person.id }, "withdrawn");
    if (person.confirmedAt)
      throw new Conflict(
        "The release was confirmed: it cannot be taken back.",
        { personId: person.id },
        "already_confirmed",
      );
    await ctx.tx
      .update(humExchangePeople)
      .set({ withdrawnAt: new Date(), withdrawnBy: byOf(ctx.actor).byLabel, withdrawnReason: input.reason })
      .where(eq(humExchangePeople.id, person.id));
    ctx.audit({ data: { personId: person.id, caseId: person.caseId } });
    emitExchange(ctx, "humanitarian.exchange.withdraw-person", exchange);
    return { id: person.id };
  },
});
