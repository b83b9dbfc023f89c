import { and, eq, inArray, isNull } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { AddExchangePersonInput, nextStatuses } from "../../../../contracts/humanitarian.ts";
import { BadRequest, Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canPlanExchange } from "../policies.ts";
import { humExchangePeople, humExchanges } from "../schema.ts";
import {
  activePeople,
  emitExchange,
  exchangeScope,
  loadReadableExchange,
  requireOpenExchange,
} from "./exchange-shared.ts";
import { byOf, loadReadableCase, newId, requireActive } from "./shared.ts";

/**
 * humanitarian.exchange.add-person: the intermediary (or a guarantor who may read the case) adds a
 * person a side releases: a case that can still be released, in no other open exchange, up to the
 * side's agreed number. The audit and the event carry ids and counts, never the person.
 */
export const addExchangePerson = defineOperation({
  name: "humanitarian.exchange.add-person",
  input: AddExchangePersonInput.extend({ exchangeId: RecordRef }),
  load: async (tx, input, actor) => {
    const exchange = await loadReadableExchange(tx, actor, input.exchangeId);
    return { exchange, case: await loadReadableCase(tx, actor, input.caseId) };
  },
  authorize: (actor, _input, { exchange }) => canPlanExchange(actor, exchange.processId),
  scope: (_input, target) => exchangeScope(target?.exchange),
  run: async (ctx, input, { exchange, case: row }) => {
    requireOpenExchange(exchange);
    requireActive(row);
    if (row.processId !== exchange.processId)
      throw new BadRequest("The case is of another process.", { caseId: row.id }, "other_process");
    const side =
      input.releasingDelegationId === exchange.firstDelegationId
        ? "first"
        : input.releasingDelegationId === exchange.secondDelegationId
          ? "second"
          : null;
    if (!side)
      throw new BadRequest(
        "releasingDelegationId: one of the exchange's two sides.",
        { field: "releasingDelegationId" },
        "not_a_side",
      );
    if (!nextStatuses[row.status].includes("released"))
      throw new Conflict(
        `A case ${row.status.replaceAll("_", " ")} cannot be released.`,
        { caseId: row.id, status: row.status },
        "not_releasable",
      );
    const [elsewhere] = await ctx.tx
      .select({ id: humExchangePeople.exchangeId })
      .from(humExchangePeople)
      .innerJoin(humExchanges, eq(humExchanges.id, humExchangePeople.exchangeId))
      .where(
        and(
          eq(humExchangePeople.caseId, row.id),
          isNull(humExchangePeople.withdrawnAt),
          inArray(humExchanges.state, ["planned", "in_progress"]),
        ),
      );
    if (elsewhere)
      throw new Conflict(
        "The person is already in an open exchange.",
        { exchangeId: elsewhere.id },
        "already_in_exchange",
      );
    const people = await activePeople(ctx.tx, exchange.id);
    const agreed = side === "first" ? exchange.firstReleases : exchange.secondReleases;
    const already = people.filter(
      (person) => person.releasingDelegationId === input.releasingDelegationId,
    ).length;
    if (agreed !== null && already >= agreed)
      throw new Conflict(
        `This side releases ${agreed} in this exchange, all named.`,
        { agreed },
        "ratio_full",
      );
    const id = newId();
    await ctx.tx.insert(humExchangePeople).values({
      id,
      exchangeId: exchange.id,
      caseId: row.id,
      releasingDelegationId: input.releasingDelegationId,
      addedBy: byOf(ctx.actor).byLabel,
    });
    ctx.audit({ data: { personId: id, caseId: row.id, side, named: already + 1 } });
    emitExchange(ctx, "humanitarian.exchange.add-person", exchange, { people: people.length + 1 });
    return { id };
  },
});
