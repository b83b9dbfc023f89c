// Matching as a background job: the sealed persons of a run are read here, handed to a worker thread
// that decrypts and matches them off the server's thread (progress as it goes, a cancel stops it), and
// the candidates are recorded by the humanitarian.matching.record operation as the matcher, audited.
import { and, eq, isNotNull, isNull, notInArray, or } from "drizzle-orm";
import { systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { runInWorker, workerModule } from "../../../platform/job-threads.ts";
import { defineJob } from "../../../platform/jobs.ts";
import { runOperation } from "../../../platform/operation.ts";
import { personalDataKeyForWorker } from "../../../platform/personal-data.ts";
import { jobs } from "../../../platform/schema.ts";
import { recordMatching } from "../operations/record-matching.ts";
import { humCases, humListEntries, humMatchRuns } from "../schema.ts";
import type { MatchWorkerInput, MatchWorkerOutput, SealedPerson } from "./match-in-worker.ts";

export type MatchingJobInput = { runId: string };

const matcher = systemActor("matching");

async function entriesOf(db: Db, listId: string): Promise<SealedPerson[]> {
  return db
    .select({ id: humListEntries.id, sealed: humListEntries.personal })
    .from(humListEntries)
    .where(and(eq(humListEntries.listId, listId), isNull(humListEntries.withdrawnAt)))
    .orderBy(humListEntries.rowNumber);
}

/** The process's cases not withdrawn, except the list's own rows' cases (they are the same persons). */
async function casesOf(db: Db, processId: string, exceptListId: string): Promise<SealedPerson[]> {
  const fromList = db
    .select({ id: humListEntries.id })
    .from(humListEntries)
    .where(eq(humListEntries.listId, exceptListId));
  const ofList = db
    .select({ id: humListEntries.caseId })
    .from(humListEntries)
    .where(and(eq(humListEntries.listId, exceptListId), isNotNull(humListEntries.caseId)));
  return db
    .select({ id: humCases.id, sealed: humCases.personal })
    .from(humCases)
    .where(
      and(
        eq(humCases.processId, processId),
        isNull(humCases.withdrawnAt),
        or(isNull(humCases.listEntryId), notInArray(humCases.listEntryId, fromList)),
        notInArray(humCases.id, ofList),
      ),
    )
    .orderBy(humCases.createdAt);
}

export const matchingJob = defineJob<MatchingJobInput, MatchWorkerOutput>({
  kind: "humanitarian.matching",
  run: async (input, ctx) => {
    const [run] = await ctx.db.select().from(humMatchRuns).where(eq(humMatchRuns.id, input.runId));
    if (!run) throw new Error("The matching run is gone.");
    const left = await entriesOf(ctx.db, run.leftListId);
    let right: SealedPerson[] = [];
    if (run.mode === "lists" && run.rightListId) right = await entriesOf(ctx.db, run.rightListId);
    if (run.mode === "cases") right = await casesOf(ctx.db, run.processId, run.leftListId);
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const watch = setInterval(() => {
      if (ctx.shouldStop()) Atomics.store(stop, 0, 1);
    }, 100);
    try {
      const work: MatchWorkerInput = {
        mode: run.mode,
        threshold: run.threshold,
        left,
        right,
        key: new Uint8Array(personalDataKeyForWorker()),
      };
      return (await runInWorker(
        {
          module: workerModule("src", "server", "modules", "humanitarian", "jobs", "match-in-worker.ts"),
          export: "matchInWorker",
        },
        work,
        stop,
        ctx.progress,
      )) as MatchWorkerOutput;
    } finally {
      clearInterval(watch);
    }
  },
  complete: (db, job, output) =>
    runOperation({ db }, recordMatching, matcher, {
      runId: (job.input as MatchingJobInput).runId,
      outcome: "completed",
      candidates: output.candidates,
    }),
  settle: async (db, job) => {
    const [row] = await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, job.id));
    await runOperation({ db }, recordMatching, matcher, {
      runId: (job.input as MatchingJobInput).runId,
      outcome: row?.state === "cancelled" ? "cancelled" : "failed",
      candidates: [],
    });
  },
});
