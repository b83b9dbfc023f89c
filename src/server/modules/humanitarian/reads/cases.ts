// Cases as their readers see them: filtered in SQL by the persons' rule (policies.ts), decrypted only
// after that, and every read audited (the list read with its count, one case with its id).
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import {
  type CaseDetail,
  type CaseList,
  type CaseQuery,
  nextStatuses,
} from "../../../../contracts/humanitarian.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findProcess } from "../../core/index.ts";
import { canReadPerson, canReadPersonAudit, canUpdateCase, readablePersons } from "../policies.ts";
import { presentCase, presentStatusStep } from "../presenters.ts";
import { humCaseStatus, humCases, humExchangePeople, humExchanges } from "../schema.ts";
import { auditPersonRead, mayAskForSide, refusePersonRead, refuseSideRead } from "./audit-reads.ts";

/** The filters a reader of a process's cases may ask for (the list's and the export's). */
type CaseFilter = Pick<z.infer<typeof CaseQuery>, "delegationId" | "status" | "kind" | "withdrawn">;

/**
 * Which of a process's cases the actor reads, with the filters asked for, as one SQL condition: the
 * persons' rule first. Naming a side whose cases the actor may not read at all is refused and audited
 * under `operation` (the list or the export), rather than answered empty.
 */
export async function readableCasesWhere(
  db: Db,
  actor: Actor,
  processRef: string,
  query: CaseFilter,
  operation: string,
): Promise<{ process: { id: string; slug: string }; where: SQL | undefined }> {
  const process = await findProcess(db, processRef);
  if (query.delegationId && !mayAskForSide(actor, process.id, query.delegationId))
    await refuseSideRead(db, actor, operation, process.id, query.delegationId);
  const filters: (SQL | undefined)[] = [eq(humCases.processId, process.id), readablePersons(actor, humCases)];
  if (query.delegationId) filters.push(eq(humCases.delegationId, query.delegationId));
  if (query.status) filters.push(eq(humCases.status, query.status));
  if (query.kind) filters.push(eq(humCases.kind, query.kind));
  if (query.withdrawn === "exclude") filters.push(isNull(humCases.withdrawnAt));
  if (query.withdrawn === "only") filters.push(isNotNull(humCases.withdrawnAt));
  return { process, where: and(...filters) };
}

/**
 * The open exchange (planned or under way) each of these cases is in, if any: a case is in one at a time,
 * so the exchange page offers only people free to be added and the case page leads to the exchange.
 */
async function openExchangesOf(db: Db, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({ caseId: humExchangePeople.caseId, exchangeId: humExchangePeople.exchangeId })
    .from(humExchangePeople)
    .innerJoin(humExchanges, eq(humExchanges.id, humExchangePeople.exchangeId))
    .where(
      and(
        inArray(humExchangePeople.caseId, caseIds),
        isNull(humExchangePeople.withdrawnAt),
        inArray(humExchanges.state, ["planned", "in_progress"]),
      ),
    );
  return new Map(rows.map((row) => [row.caseId, row.exchangeId]));
}

/**
 * The cases of a process the actor may read, filtered by side, status and kind, newest first. Naming
 * a side whose cases the actor may not read at all is refused (audited) rather than answered empty.
 */
export async function listCases(
  db: Db,
  actor: Actor,
  processRef: string,
  query: z.infer<typeof CaseQuery>,
): Promise<CaseList> {
  const { process, where } = await readableCasesWhere(db, actor, processRef, query, "humanitarian.case.list");
  const [total] = await db.select({ n: count() }).from(humCases).where(where);
  const rows = await db
    .select()
    .from(humCases)
    .where(where)
    .orderBy(desc(humCases.createdAt), asc(humCases.id))
    .limit(query.limit)
    .offset(query.offset);
  await auditPersonRead(
    db,
    actor,
    "humanitarian.case.list",
    { subjectType: "humanitarian.case", processId: process.id, delegationId: query.delegationId ?? null },
    { shown: rows.length, total: total?.n ?? 0 },
  );
  const inExchange = await openExchangesOf(
    db,
    rows.map((row) => row.id),
  );
  return {
    total: total?.n ?? 0,
    cases: rows.map((row) => ({ ...presentCase(row), openExchangeId: inExchange.get(row.id) ?? null })),
  };
}

/** One case with its status history; a case the actor may not read is refused (audited) as missing. */
export async function getCase(db: Db, actor: Actor, caseId: string): Promise<CaseDetail> {
  const [row] = await db.select().from(humCases).where(eq(humCases.id, caseId));
  if (!row || !canReadPerson(actor, row))
    return refusePersonRead(db, actor, "humanitarian.case.get", "Case", caseId, row);
  const history = await db
    .select()
    .from(humCaseStatus)
    .where(eq(humCaseStatus.caseId, row.id))
    .orderBy(asc(humCaseStatus.at), asc(humCaseStatus.id));
  await auditPersonRead(
    db,
    actor,
    "humanitarian.case.get",
    {
      subjectType: "humanitarian.case",
      subjectId: row.id,
      processId: row.processId,
      delegationId: row.delegationId,
    },
    { shown: 1 },
  );
  const mayChange = canUpdateCase(actor, row) && !row.withdrawnAt;
  const inExchange = await openExchangesOf(db, [row.id]);
  return {
    ...presentCase(row),
    openExchangeId: inExchange.get(row.id) ?? null,
    history: history.map(presentStatusStep),
    // A case whose history is closed (the family informed) has no next status to record.
    can: {
      update: mayChange,
      changeStatus: mayChange && nextStatuses[row.status].length > 0,
      withdraw: mayChange,
      readAudit: canReadPersonAudit(actor, row.processId),
    },
  };
}
