// GET /processes/{id}/humanitarian/review-queue: the candidates of the process's matching runs, best
// score first, each with its per-field verdicts and both persons as the reader may read them (the
// neutral intermediary reads every side's lists; no one else reads the queue), how many candidates are
// pending, confirmed and rejected (the queue's progress), and the runs. Every read is audited, with the
// rows' ids (never their names); a refusal too.
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CaseKind } from "../../../../contracts/humanitarian.ts";
import type { ReviewQueue, ReviewQueueQuery } from "../../../../contracts/humanitarian-matching.ts";
import { auditRead } from "../../../platform/audit.ts";
import { type Actor, deny } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findProcess } from "../../core/index.ts";
import { openPerson } from "../person.ts";
import { isIntermediary, readableByIntermediary, readablePersons } from "../policies.ts";
import { humCases, humListEntries, humLists, humMatchCandidates, humMatchRuns } from "../schema.ts";

type Queue = z.infer<typeof ReviewQueue>;
type Side = Queue["items"][number]["left"];
type Person = NonNullable<Side["person"]>;

function auditQueueRead(
  db: Db,
  actor: Actor,
  processId: string,
  outcome: "ok" | "denied",
  data: Record<string, unknown>,
): Promise<void> {
  return auditRead(
    db,
    actor,
    {
      action: "humanitarian.review_queue.read",
      subjectType: "process",
      subjectId: processId,
      processId,
      tier: "intermediary",
      data,
    },
    outcome,
  );
}

function personOf(sealed: string, id: string, kind: CaseKind): Person {
  const fields = openPerson(sealed, id);
  return {
    arabic: fields.arabic ?? {},
    latin: fields.latin ?? {},
    sex: fields.sex ?? null,
    birthDate: fields.birthDate ?? null,
    birthYear: fields.birthYear ?? null,
    origin: fields.origin ?? null,
    kind,
    eventDate: fields.eventDate ?? null,
    eventYear: fields.eventYear ?? null,
    eventPlace: fields.eventPlace ?? null,
  };
}

/** The rows and cases named by the candidates, each with its person only where the reader may read it. */
async function sidesOf(
  db: Db,
  actor: Actor,
  entryIds: string[],
  caseIds: string[],
): Promise<Map<string, Side>> {
  const sides = new Map<string, Side>();
  if (entryIds.length > 0) {
    const rows = await db
      .select({
        entry: humListEntries,
        listTitle: humLists.title,
        participantId: humLists.participantId,
        readable: sql<boolean>`(${readablePersons(actor, humLists)})`,
      })
      .from(humListEntries)
      .innerJoin(humLists, eq(humLists.id, humListEntries.listId))
      .where(inArray(humListEntries.id, entryIds));
    for (const { entry, listTitle, participantId, readable: mayRead } of rows)
      sides.set(entry.id, {
        kind: "entry",
        id: entry.id,
        listId: entry.listId,
        listTitle: mayRead ? listTitle : null,
        rowNumber: entry.rowNumber,
        delegationId: entry.delegationId,
        participantId,
        caseId: entry.caseId,
        person: mayRead ? personOf(entry.personal, entry.id, entry.kind) : null,
      });
  }
  if (caseIds.length > 0) {
    const rows = await db
      .select({ record: humCases, readable: sql<boolean>`(${readablePersons(actor, humCases)})` })
      .from(humCases)
      .where(inArray(humCases.id, caseIds));
    for (const { record, readable: mayRead } of rows)
      sides.set(record.id, {
        kind: "case",
        id: record.id,
        listId: null,
        listTitle: null,
        rowNumber: null,
        delegationId: record.delegationId,
        participantId: record.participantId,
        caseId: record.id,
        person: mayRead ? personOf(record.personal, record.id, record.kind) : null,
      });
  }
  return sides;
}

const missingSide = (id: string): Side => ({
  kind: "entry",
  id,
  listId: null,
  listTitle: null,
  rowNumber: null,
  delegationId: "",
  participantId: null,
  caseId: null,
  person: null,
});

/**
 * The review queue of a process (named by id or slug, as every process route), for its neutral
 * intermediary only (refused and audited for anyone else).
 */
export async function loadReviewQueue(
  db: Db,
  actor: Actor,
  processRef: string,
  query: z.infer<typeof ReviewQueueQuery>,
): Promise<Queue> {
  const processId = (await findProcess(db, processRef)).id;
  if (!isIntermediary(actor, processId)) {
    if (actor.kind === "account") await auditQueueRead(db, actor, processId, "denied", {});
    deny(actor, "The review queue is the neutral intermediary's.");
  }
  const inProcess = and(
    eq(humMatchCandidates.processId, processId),
    readableByIntermediary(actor, humMatchCandidates.processId),
    query.runId ? eq(humMatchCandidates.runId, query.runId) : undefined,
  );
  const byState = await db
    .select({ state: humMatchCandidates.state, n: count() })
    .from(humMatchCandidates)
    .where(inProcess)
    .groupBy(humMatchCandidates.state);
  const counts = { pending: 0, confirmed: 0, rejected: 0 };
  for (const row of byState) counts[row.state] = Number(row.n);
  const rows = await db
    .select({ candidate: humMatchCandidates, mode: humMatchRuns.mode })
    .from(humMatchCandidates)
    .innerJoin(humMatchRuns, eq(humMatchRuns.id, humMatchCandidates.runId))
    .where(and(inProcess, eq(humMatchCandidates.state, query.state)))
    .orderBy(desc(humMatchCandidates.score), humMatchCandidates.id)
    .limit(query.limit)
    .offset(query.offset);
  const entryIds = [
    ...new Set(rows.flatMap(({ candidate }) => [candidate.leftEntryId, candidate.rightEntryId])),
  ].filter((id): id is string => id !== null);
  const caseIds = [...new Set(rows.map(({ candidate }) => candidate.rightCaseId))].filter(
    (id): id is string => id !== null,
  );
  const sides = await sidesOf(db, actor, entryIds, caseIds);
  const runs = await db
    .select()
    .from(humMatchRuns)
    .where(and(eq(humMatchRuns.processId, processId), readableByIntermediary(actor, humMatchRuns.processId)))
    .orderBy(desc(humMatchRuns.createdAt))
    .limit(20);
  await auditQueueRead(db, actor, processId, "ok", {
    candidates: rows.length,
    entries: entryIds,
    cases: caseIds,
    state: query.state,
  });
  const decide = isIntermediary(actor, processId);
  return {
    processId,
    counts,
    total: counts[query.state],
    items: rows.map(({ candidate, mode }) => {
      const leftId = candidate.leftEntryId ?? candidate.leftCaseId ?? "";
      const rightId = candidate.rightEntryId ?? candidate.rightCaseId ?? "";
      return {
        id: candidate.id,
        runId: candidate.runId,
        mode,
        score: candidate.score,
        fields: candidate.fields as Queue["items"][number]["fields"],
        state: candidate.state,
        left: sides.get(leftId) ?? missingSide(leftId),
        right: sides.get(rightId) ?? missingSide(rightId),
        decidedByLabel: candidate.decidedByLabel,
        decidedAt: candidate.decidedAt?.toISOString() ?? null,
        reason: candidate.reason,
        can: { decide: decide && candidate.state === "pending" },
      };
    }),
    runs: runs.map((run) => ({
      id: run.id,
      mode: run.mode,
      leftListId: run.leftListId,
      rightListId: run.rightListId,
      state: run.state,
      jobId: run.jobId,
      threshold: run.threshold,
      candidates: run.candidates,
      requestedByLabel: run.requestedByLabel,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
  };
}
