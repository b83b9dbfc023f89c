// Exchanges as their followers see them: filtered in SQL (public aggregates for anyone; operations for
// the sides, the working group and the host), with each side's people counted; a person's name shows
// only to who may read that person's case (the same rule as the cases, in SQL), and such a read is audited.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { ExchangeDetail, ExchangeView } from "../../../../contracts/humanitarian.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { delegationInProcess, findProcess } from "../../core/index.ts";
import { openPerson } from "../person.ts";
import {
  canPlanExchange,
  canReadExchange,
  isIntermediary,
  readableExchanges,
  readablePersons,
} from "../policies.ts";
import { presentExchange, presentWithdrawal } from "../presenters.ts";
import { humCases, humExchangePeople, humExchanges } from "../schema.ts";
import { auditPersonRead } from "./audit-reads.ts";

type ExchangeRow = typeof humExchanges.$inferSelect;

/** Each exchange's people added and confirmed, per side (counts only: no case is read). */
async function peopleCounts(db: Db, exchanges: ExchangeRow[]) {
  const ids = exchanges.map((exchange) => exchange.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            exchangeId: humExchangePeople.exchangeId,
            delegationId: humExchangePeople.releasingDelegationId,
            added: sql<number>`count(*)::int`,
            confirmed: sql<number>`count(${humExchangePeople.confirmedAt})::int`,
          })
          .from(humExchangePeople)
          .where(
            and(inArray(humExchangePeople.exchangeId, ids), sql`${humExchangePeople.withdrawnAt} is null`),
          )
          .groupBy(humExchangePeople.exchangeId, humExchangePeople.releasingDelegationId);
  return (exchange: ExchangeRow) => {
    const of = (delegationId: string | null) => {
      const found = rows.find((row) => row.exchangeId === exchange.id && row.delegationId === delegationId);
      return { added: found?.added ?? 0, confirmed: found?.confirmed ?? 0 };
    };
    return { first: of(exchange.firstDelegationId), second: of(exchange.secondDelegationId) };
  };
}

/** The participant each side's delegation represents, so the pages name the sides in the reader's language. */
async function sideParticipants(db: Db, exchanges: ExchangeRow[]) {
  const participants = new Map<string, string>();
  for (const exchange of exchanges)
    for (const delegationId of [exchange.firstDelegationId, exchange.secondDelegationId]) {
      if (!delegationId || participants.has(delegationId)) continue;
      const delegation = await delegationInProcess(db, exchange.processId, delegationId);
      if (delegation) participants.set(delegationId, delegation.participantId);
    }
  return (delegationId: string | null) => (delegationId ? (participants.get(delegationId) ?? null) : null);
}

/** The exchanges of a process the actor may follow, in date order (undated last). */
export async function listExchanges(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<{ exchanges: ExchangeView[] }> {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(humExchanges)
    .where(and(eq(humExchanges.processId, process.id), readableExchanges(actor, humExchanges)))
    .orderBy(sql`${humExchanges.on} asc nulls last`, asc(humExchanges.sequence), asc(humExchanges.id));
  const counts = await peopleCounts(db, rows);
  const participantOf = await sideParticipants(db, rows);
  return { exchanges: rows.map((row) => presentExchange(row, counts(row), participantOf)) };
}

/** One exchange with its people; each person's fields only for a reader of that person's case. */
export async function getExchange(db: Db, actor: Actor, exchangeId: string): Promise<ExchangeDetail> {
  const [row] = await db.select().from(humExchanges).where(eq(humExchanges.id, exchangeId));
  if (!row || !canReadExchange(actor, row)) throw new NotFound("Exchange", exchangeId);
  const people = await db
    .select({
      person: humExchangePeople,
      caseStatus: humCases.status,
      personal: sql<
        string | null
      >`case when ${readablePersons(actor, humCases)} then ${humCases.personal} end`,
    })
    .from(humExchangePeople)
    .innerJoin(humCases, eq(humCases.id, humExchangePeople.caseId))
    .where(eq(humExchangePeople.exchangeId, row.id))
    .orderBy(asc(humExchangePeople.createdAt), asc(humExchangePeople.id));
  const shown = people.filter((person) => person.personal !== null).length;
  if (shown > 0)
    await auditPersonRead(
      db,
      actor,
      "humanitarian.exchange.get",
      { subjectType: "humanitarian.exchange", subjectId: row.id, processId: row.processId },
      { shown },
    );
  const counts = await peopleCounts(db, [row]);
  const participantOf = await sideParticipants(db, [row]);
  const open = row.kind === "operation" && (row.state === "planned" || row.state === "in_progress");
  return {
    ...presentExchange(row, counts(row), participantOf),
    people: people.map(({ person, caseStatus, personal }) => ({
      id: person.id,
      caseId: person.caseId,
      releasingDelegationId: person.releasingDelegationId,
      confirmedAt: person.confirmedAt?.toISOString() ?? null,
      confirmedByLabel: person.confirmedByLabel,
      withdrawn: presentWithdrawal(person),
      person: personal === null ? null : openPerson(personal, person.caseId),
      caseStatus: personal === null ? null : caseStatus,
    })),
    can: {
      addPeople: open && canPlanExchange(actor, row.processId),
      confirm: open && isIntermediary(actor, row.processId),
      complete: open && isIntermediary(actor, row.processId),
      cancel: open && canPlanExchange(actor, row.processId),
    },
  };
}
