// What the exchange operations share: loading an exchange (and a person in it) as the actor may see it,
// and its audit scope and event (ids and counts only: who is released is nobody's business on the stream).
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import type { AuditDetail, OperationContext } from "../../../platform/operation.ts";
import { canReadExchange } from "../policies.ts";
import { humExchangePeople, humExchanges } from "../schema.ts";

export type ExchangeRow = typeof humExchanges.$inferSelect;
export type ExchangePersonRow = typeof humExchangePeople.$inferSelect;

/** An exchange by id as the actor may see it (404 otherwise, like a missing one). */
export async function loadReadableExchange(tx: Db, actor: Actor, exchangeId: string): Promise<ExchangeRow> {
  const [row] = await tx.select().from(humExchanges).where(eq(humExchanges.id, exchangeId));
  if (!row || !canReadExchange(actor, row)) throw new NotFound("Exchange", exchangeId);
  return row;
}

/** A person of an exchange with the exchange, as the actor may see the exchange. */
export async function loadExchangePerson(
  tx: Db,
  actor: Actor,
  personId: string,
): Promise<{ person: ExchangePersonRow; exchange: ExchangeRow }> {
  const [person] = await tx.select().from(humExchangePeople).where(eq(humExchangePeople.id, personId));
  if (!person) throw new NotFound("Exchange person", personId);
  const exchange = await loadReadableExchange(tx, actor, person.exchangeId).catch(() => {
    throw new NotFound("Exchange person", personId);
  });
  return { person, exchange };
}

/** Only a planned or running operation changes; a completed or cancelled one is history. */
export function requireOpenExchange(exchange: ExchangeRow): void {
  if (exchange.kind !== "operation")
    throw new Conflict(
      "A past exchange from the record is not run here.",
      { id: exchange.id },
      "aggregate_exchange",
    );
  if (exchange.state !== "planned" && exchange.state !== "in_progress")
    throw new Conflict(
      `The exchange is ${exchange.state}.`,
      { id: exchange.id, state: exchange.state },
      "exchange_closed",
    );
}

/** The people an exchange still counts (not withdrawn from it), in the order they were added. */
export function activePeople(tx: Db, exchangeId: string): Promise<ExchangePersonRow[]> {
  return tx
    .select()
    .from(humExchangePeople)
    .where(and(eq(humExchangePeople.exchangeId, exchangeId), isNull(humExchangePeople.withdrawnAt)))
    .orderBy(asc(humExchangePeople.createdAt), asc(humExchangePeople.id));
}

export function exchangeScope(exchange: ExchangeRow | undefined): AuditDetail {
  return exchange
    ? {
        subjectType: "humanitarian.exchange",
        subjectId: exchange.id,
        processId: exchange.processId,
        tier: exchange.tier,
      }
    : {};
}

/** Tells the exchange's followers it changed: its id and counts, at its tier. */
export function emitExchange(
  ctx: OperationContext,
  type: string,
  exchange: ExchangeRow,
  counts?: Record<string, number>,
): void {
  ctx.emit({
    type,
    tier: exchange.tier,
    processId: exchange.processId,
    subjectType: "humanitarian.exchange",
    subjectId: exchange.id,
    payload: { id: exchange.id, ...counts },
  });
}
