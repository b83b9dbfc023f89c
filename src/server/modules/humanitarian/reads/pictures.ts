// The working group's pictures: aggregates only, each over what the reader may read (the persons'
// rule in SQL for case counts, the exchanges' rule for the time line, the intermediary for the review
// queue). The public sees the public aggregates: the exchanges of the record.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CaseCounts, ExchangeTimeline, ReviewProgress } from "../../../../contracts/humanitarian.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findProcess } from "../../core/index.ts";
import { readableByIntermediary, readableExchanges, readablePersons } from "../policies.ts";
import { humCaseStatus, humCases, humExchanges, humMatchCandidates, humMatchRuns } from "../schema.ts";

/** Cases by side and status now, and the status changes of each month by side. */
export async function caseCounts(db: Db, actor: Actor, processRef: string): Promise<CaseCounts> {
  const process = await findProcess(db, processRef);
  const readable = and(
    eq(humCases.processId, process.id),
    readablePersons(actor, humCases),
    isNull(humCases.withdrawnAt),
  );
  const current = await db
    .select({
      delegationId: humCases.delegationId,
      status: humCases.status,
      count: sql<number>`count(*)::int`,
    })
    .from(humCases)
    .where(readable)
    .groupBy(humCases.delegationId, humCases.status)
    .orderBy(humCases.delegationId, humCases.status);
  const month = sql<string>`to_char(${humCaseStatus.at} at time zone 'UTC', 'YYYY-MM')`;
  const byMonth = await db
    .select({
      month,
      delegationId: humCases.delegationId,
      status: humCaseStatus.status,
      count: sql<number>`count(*)::int`,
    })
    .from(humCaseStatus)
    .innerJoin(humCases, eq(humCases.id, humCaseStatus.caseId))
    .where(readable)
    .groupBy(month, humCases.delegationId, humCaseStatus.status)
    .orderBy(month, humCases.delegationId, humCaseStatus.status);
  return { current, byMonth };
}

/** The exchanges on a time line: dates, places and counts. */
export async function exchangeTimeline(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<z.infer<typeof ExchangeTimeline>> {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(humExchanges)
    .where(and(eq(humExchanges.processId, process.id), readableExchanges(actor, humExchanges)))
    .orderBy(sql`${humExchanges.on} asc nulls last`, humExchanges.sequence, humExchanges.id);
  return {
    exchanges: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      state: row.state,
      on: row.on,
      dateNote: row.dateNote,
      place: row.place,
      firstReleases: row.firstReleases,
      secondReleases: row.secondReleases,
      sources: row.sources.length,
      conflicts: row.conflicts.length,
    })),
  };
}

/** The review queue's progress: matching runs and candidates by state (the intermediary's; zeros otherwise). */
export async function reviewProgress(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<z.infer<typeof ReviewProgress>> {
  const process = await findProcess(db, processRef);
  const states = await db
    .select({ state: humMatchCandidates.state, count: sql<number>`count(*)::int` })
    .from(humMatchCandidates)
    .where(
      and(
        eq(humMatchCandidates.processId, process.id),
        readableByIntermediary(actor, humMatchCandidates.processId),
      ),
    )
    .groupBy(humMatchCandidates.state);
  const [runs] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(humMatchRuns)
    .where(
      and(eq(humMatchRuns.processId, process.id), readableByIntermediary(actor, humMatchRuns.processId)),
    );
  const of = (state: string) => states.find((row) => row.state === state)?.count ?? 0;
  return {
    runs: runs?.count ?? 0,
    candidates: { pending: of("pending"), confirmed: of("confirmed"), rejected: of("rejected") },
  };
}
