import { eq } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { sealPersonal } from "../../../platform/personal-data.ts";
import { isIntermediary } from "../policies.ts";
import { humCaseStatus, humCases, humExchanges } from "../schema.ts";
import {
  activePeople,
  emitExchange,
  exchangeScope,
  loadReadableExchange,
  requireOpenExchange,
} from "./exchange-shared.ts";
import { byOf, newId, requireActive, requireTransition } from "./shared.ts";

/**
 * humanitarian.exchange.complete: the intermediary closes an exchange whose every person it confirmed,
 * each side having named its agreed number. Every case then becomes `released`, each with a history step
 * naming the exchange, in this one transaction: if any case cannot (withdrawn meanwhile, or its status
 * no longer allows a release), the exchange stays open and no case changes.
 */
export const completeExchange = defineOperation({
  name: "humanitarian.exchange.complete",
  input: z.strictObject({ exchangeId: RecordRef }),
  load: (tx, input, actor) => loadReadableExchange(tx, actor, input.exchangeId),
  authorize: (actor, _input, exchange) => isIntermediary(actor, exchange.processId),
  scope: (_input, exchange) => exchangeScope(exchange),
  run: async (ctx, _input, exchange) => {
    requireOpenExchange(exchange);
    const people = await activePeople(ctx.tx, exchange.id);
    const named = (delegationId: string | null) =>
      people.filter((person) => person.releasingDelegationId === delegationId).length;
    const counts = { first: named(exchange.firstDelegationId), second: named(exchange.secondDelegationId) };
    if (counts.first !== exchange.firstReleases || counts.second !== exchange.secondReleases)
      throw new Conflict(
        `The exchange is ${exchange.firstReleases} for ${exchange.secondReleases}; ${counts.first} and ${counts.second} are named.`,
        { agreed: [exchange.firstReleases, exchange.secondReleases], named: [counts.first, counts.second] },
        "ratio_not_met",
      );
    const unconfirmed = people.filter((person) => !person.confirmedAt).map((person) => person.id);
    if (unconfirmed.length > 0)
      throw new Conflict(
        `${unconfirmed.length} release(s) not yet confirmed by the intermediary.`,
        { unconfirmed },
        "releases_unconfirmed",
      );
    const by = byOf(ctx.actor);
    const at = new Date();
    // One case after another, in this transaction: the first that cannot be released rolls all back.
    for (const person of people) {
      const [row] = await ctx.tx.select().from(humCases).where(eq(humCases.id, person.caseId)).for("update");
      if (!row)
        throw new Conflict("A case of the exchange is missing.", { caseId: person.caseId }, "case_missing");
      requireActive(row);
      requireTransition(row.id, row.status, "released");
      await ctx.tx
        .update(humCases)
        .set({ status: "released", version: row.version + 1, updatedAt: at })
        .where(eq(humCases.id, row.id));
      const stepId = newId();
      await ctx.tx.insert(humCaseStatus).values({
        id: stepId,
        caseId: row.id,
        fromStatus: row.status,
        status: "released",
        evidence: sealPersonal(
          `Released in exchange ${exchange.id}, confirmed by ${person.confirmedByLabel ?? "the intermediary"} at ${person.confirmedAt?.toISOString()}.`,
          stepId,
        ),
        exchangeId: exchange.id,
        ...by,
        at,
      });
    }
    await ctx.tx
      .update(humExchanges)
      .set({ state: "completed", completedAt: at, updatedAt: at })
      .where(eq(humExchanges.id, exchange.id));
    ctx.audit({ data: { released: people.length, ...counts } });
    emitExchange(ctx, "humanitarian.exchange.complete", exchange, { released: people.length });
    return { id: exchange.id, released: people.length };
  },
});
