// Background jobs: work an operation starts and the server runs off the request — in a worker thread
// when it is CPU-bound (a solver), so the server keeps answering — with its progress kept on the job's
// row and sent as live events to who may follow it, a cancel, and its result or error recorded.
//
//   const solve = defineJob({ kind: "programme.solve", worker: { module: url, export: "solve" },
//                             complete: (db, job, output) => … an operation recording the result … });
//   // inside an operation:
//   const jobId = await queueJob(ctx, solve, input, { tier: "delegation", processId, delegationId });
//
// The job starts once that operation commits (a rolled-back operation starts nothing). A job that was
// queued or running when the server stopped is marked failed at the next start.
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type Actor, actorLabel, visibleTo } from "./authz.ts";
import type { Db } from "./db.ts";
import { DomainError, NotFound } from "./errors.ts";
import { announceCommit, onCommitted, type PublishedEvent, writeEvent } from "./events.ts";
import { canCancelJob, JobCancelled } from "./job-cancel.ts";
import { holdOf, holdUnlessStopped, type JobHolds, requestTestHold, type TestHold } from "./job-holds.ts";
import { runInWorker } from "./job-threads.ts";
import type { OperationContext } from "./operation.ts";
import { jobs, type Tier } from "./schema.ts";

export { canCancelJob, JobCancelled, requestCancel, sealJob } from "./job-cancel.ts";
export { type JobHolds, type TestHold, testHoldFromHeader, testHoldHeader } from "./job-holds.ts";
export { workerModule } from "./job-threads.ts";

export type JobRow = typeof jobs.$inferSelect;
export type JobState = JobRow["state"];

/** What the work gets: a progress reporter (0…1, with a small detail shown to followers) and a stop signal. */
export type JobContext = {
  jobId: string;
  /** The server's database: for in-process work that reads what it works on or runs operations itself. */
  db: Db;
  progress: (fraction: number, detail?: Record<string, unknown>) => void;
  /** True once the job was cancelled (or the server is stopping): check it between batches, stop and return. */
  shouldStop: () => boolean;
  /** The same stop as an AbortSignal, for work that takes one (streams, fetch, timers). */
  signal: AbortSignal;
  /** Between chunks of work: resolves at once, except on a test server holding the job (job-holds.ts). */
  pause: () => Promise<void>;
};

/** The work of a kind, run in-process (`run`) or in a worker thread (`worker`: a module and its export). */
export type JobKind<Input, Output> = {
  kind: string;
  run?: (input: Input, ctx: JobContext) => Promise<Output>;
  /** The export is `(input, ctx) => Output | Promise<Output>`; it gets plain data only (structured clone). */
  worker?: { module: string; export: string };
  /**
   * Records the output, typically by running an operation as a system actor (audited, in its own
   * transaction); what it returns is kept as the job's result. A failure here fails the job.
   */
  complete?: (db: Db, job: JobRow, output: Output) => Promise<unknown>;
  /** Told when the job failed or was cancelled (e.g. to note it on the record the job was about). */
  settle?: (db: Db, job: JobRow) => Promise<void>;
};

/** Who may follow a job, by the tier rule, and the record it is about. */
export type JobScope = {
  tier: Tier;
  processId: string | null;
  delegationId?: string | null;
  subjectType?: string;
  subjectId?: string;
};

// biome-ignore lint/suspicious/noExplicitAny: a registry of job kinds of any input and output
const kinds = new Map<string, JobKind<any, any>>();

/** Declares a kind of job (once per process, at module load). */
export function defineJob<Input, Output>(job: JobKind<Input, Output>): JobKind<Input, Output> {
  if (!job.run === !job.worker) throw new Error(`job ${job.kind}: give either run or worker`);
  kinds.set(job.kind, job);
  return job;
}

const queuedType = "platform.job.queue";

/**
 * Queues a job from inside an operation: the row is written in the operation's transaction (so the
 * operation's audit entry covers starting it), and the job starts after the commit.
 */
export async function queueJob<Input, Output>(
  ctx: OperationContext,
  job: JobKind<Input, Output>,
  input: Input,
  scope: JobScope,
  options: { testHold?: TestHold | null } = {},
): Promise<string> {
  const id = randomUUID();
  if (options.testHold) requestTestHold(id, options.testHold);
  await ctx.tx.insert(jobs).values({
    id,
    kind: job.kind,
    state: "queued",
    input: input as object,
    tier: scope.tier,
    processId: scope.processId,
    delegationId: scope.delegationId ?? null,
    subjectType: scope.subjectType ?? null,
    subjectId: scope.subjectId ?? null,
    startedBy: actorLabel(ctx.actor),
  });
  ctx.emit({
    ...eventScope({ ...scope, id }),
    type: queuedType,
    payload: { jobId: id, kind: job.kind, state: "queued" },
  });
  return id;
}

/** A job the actor may follow (the tier rule in SQL); a hidden one answers 404 like a missing one. */
export async function getJob(db: Db, actor: Actor, jobId: string): Promise<JobRow> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), visibleTo(actor, jobs)));
  if (!row) throw new NotFound("Job", jobId);
  return row;
}

/** The newest job about a record that the actor may follow, or null (the tier rule in SQL). */
export async function latestJobOf(
  db: Db,
  actor: Actor,
  subjectType: string,
  subjectId: string,
): Promise<JobRow | null> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.subjectType, subjectType), eq(jobs.subjectId, subjectId), visibleTo(actor, jobs)))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return row ?? null;
}

/** The job as the API shows it to an actor (its `can` is the cancel operation's own rule). */
export function presentJob(row: JobRow, actor: Actor) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    detail: row.detail as Record<string, unknown>,
    result: (row.result ?? null) as unknown,
    error: (row.error ?? null) as { code: string; message: string; details?: unknown } | null,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    can: { cancel: canCancelJob(actor, row) },
  };
}

function eventScope(
  row: Pick<JobRow, "tier" | "processId" | "delegationId" | "id"> | (JobScope & { id: string }),
) {
  return {
    tier: row.tier,
    processId: row.processId,
    delegationId: row.delegationId ?? null,
    subjectType: "job",
    subjectId: row.id,
  };
}

function errorOf(error: unknown): { code: string; message: string; details?: unknown } {
  if (error instanceof DomainError)
    return { code: error.code, message: error.message, details: error.details };
  if (error && typeof error === "object" && "code" in error && "message" in error)
    return error as { code: string; message: string; details?: unknown };
  return { code: "job_failed", message: error instanceof Error ? error.message : String(error) };
}

type Running = { stop: () => void; done: Promise<void> };

/**
 * Runs the jobs of one database in this server process. `start` marks jobs a dead server left behind
 * as failed and listens for commits that queue jobs; `stop` stops the running ones (recorded as
 * failed: the server stopped) and waits for them.
 */
export class JobRunner {
  private readonly db: Db;
  private readonly onError: (error: unknown) => void;
  private readonly holds: JobHolds;
  private readonly running = new Map<string, Running>();
  private unsubscribe: (() => void) | undefined;
  private stopping = false;

  constructor(db: Db, onError: (error: unknown) => void = () => {}, options: { holds?: JobHolds } = {}) {
    this.db = db;
    this.onError = onError;
    this.holds = options.holds ?? {};
  }

  /**
   * `recover: false` (a CLI command running its own job) leaves other jobs alone: another process
   * may be running them.
   */
  async start(options: { recover?: boolean } = {}): Promise<void> {
    if (this.unsubscribe) return;
    this.stopping = false;
    if (options.recover !== false) await this.recover();
    this.unsubscribe = onCommitted((commit) => {
      if (commit.db !== this.db) return;
      for (const event of commit.events)
        if (event.type === queuedType && event.subjectId && !this.running.has(event.subjectId))
          this.launch(event.subjectId);
    });
  }

  /** Marks the jobs a stopped server left queued or running as failed. */
  private async recover(): Promise<void> {
    await this.db
      .update(jobs)
      .set({
        state: "failed",
        finishedAt: new Date(),
        error: {
          code: "interrupted",
          message: "The server stopped before the job finished; start it again.",
        },
      })
      .where(inArray(jobs.state, ["queued", "running"]));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const job of this.running.values()) job.stop();
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
  }

  /** Jobs running now in this process (for tests and health). */
  get size(): number {
    return this.running.size;
  }

  /** Resolves when the job is no longer running in this process. */
  async settled(jobId: string): Promise<void> {
    await this.running.get(jobId)?.done;
  }

  private launch(jobId: string): void {
    let stop = () => {};
    const done = (async () => {
      const [row] = await this.db
        .update(jobs)
        .set({ state: "running", startedAt: new Date() })
        .where(and(eq(jobs.id, jobId), eq(jobs.state, "queued")))
        .returning();
      if (!row) return;
      const kind = kinds.get(row.kind);
      if (!kind)
        return this.finish(row, "failed", {
          error: { code: "unknown_job", message: `No job kind ${row.kind}.` },
        });
      await this.announce(row, { state: "running", progress: 0 });
      let cancelled = false;
      let lastWrite = 0;
      let pending: Promise<void> = Promise.resolve();
      const stopFlag = new Int32Array(new SharedArrayBuffer(4));
      const abort = new AbortController();
      const halt = () => {
        cancelled = true;
        Atomics.store(stopFlag, 0, 1);
        if (!abort.signal.aborted) abort.abort(new JobCancelled());
      };
      stop = halt;
      const poll = setInterval(() => {
        this.db
          .select({ cancel: jobs.cancelRequested })
          .from(jobs)
          .where(eq(jobs.id, jobId))
          .then(([found]) => {
            if (found?.cancel) halt();
          })
          .catch(this.onError);
      }, 250);
      const progress = (fraction: number, detail: Record<string, unknown> = {}) => {
        const now = Date.now();
        if (now - lastWrite < 250 && fraction < 1) return;
        lastWrite = now;
        const value = Math.max(0, Math.min(1, fraction));
        pending = pending
          .then(async () => {
            await this.db.update(jobs).set({ progress: value, detail }).where(eq(jobs.id, jobId));
            await this.announce(row, { state: "running", progress: value, detail });
          })
          .catch(this.onError);
      };
      const hold = holdOf(this.holds, row.kind, jobId);
      const ctx: JobContext = {
        jobId,
        db: this.db,
        progress,
        shouldStop: () => cancelled || this.stopping,
        signal: abort.signal,
        pause: () => holdUnlessStopped(hold.chunkMs, abort.signal),
      };
      try {
        await holdUnlessStopped(hold.startMs, abort.signal);
        const output = kind.worker
          ? await runInWorker(kind.worker, row.input, stopFlag, progress)
          : await (kind.run as NonNullable<typeof kind.run>)(row.input, ctx);
        clearInterval(poll);
        await pending;
        // A job that sealed its work finished it, whatever stop came after.
        if ((cancelled || this.stopping) && !(await this.sealed(jobId))) {
          await this.finish(
            row,
            this.stopping ? "failed" : "cancelled",
            this.stopping
              ? { error: { code: "interrupted", message: "The server stopped before the job finished." } }
              : {},
          );
          await kind.settle?.(this.db, row).catch(this.onError);
          return;
        }
        const result = kind.complete ? await kind.complete(this.db, row, output) : output;
        await this.finish(row, "succeeded", { result: (result ?? null) as object });
      } catch (error) {
        clearInterval(poll);
        await pending;
        // Refused at its sealing point after a cancel (or stopped by its signal): cancelled, not failed.
        const stoppedByCancel = !this.stopping && (cancelled || error instanceof JobCancelled);
        await this.finish(
          row,
          stoppedByCancel ? "cancelled" : "failed",
          stoppedByCancel ? {} : { error: errorOf(error) },
        );
        await kind.settle?.(this.db, row).catch(this.onError);
      }
    })()
      .catch(this.onError)
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, { stop: () => stop(), done });
  }

  private async sealed(jobId: string): Promise<boolean> {
    const [row] = await this.db.select({ sealedAt: jobs.sealedAt }).from(jobs).where(eq(jobs.id, jobId));
    return Boolean(row?.sealedAt);
  }

  private async finish(
    row: JobRow,
    state: JobState,
    outcome: { result?: object; error?: { code: string; message: string; details?: unknown } },
  ): Promise<void> {
    await this.db
      .update(jobs)
      .set({
        state,
        finishedAt: new Date(),
        ...(state === "succeeded" ? { progress: 1 } : {}),
        ...(outcome.result !== undefined ? { result: outcome.result } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      })
      .where(eq(jobs.id, row.id));
    await this.announce(row, { state, ...(outcome.error ? { error: outcome.error.code } : {}) });
  }

  /** A job's change as a live event (outbox + NOTIFY), to who may follow the job. */
  private async announce(row: JobRow, payload: Record<string, unknown>): Promise<void> {
    const written: PublishedEvent[] = [];
    await this.db.transaction(async (tx) => {
      written.push(
        await writeEvent(tx as unknown as Db, {
          ...eventScope(row),
          type: `platform.job.${payload.state === "running" ? "progress" : "finish"}`,
          payload: { jobId: row.id, kind: row.kind, ...payload },
        }),
      );
    });
    announceCommit({ db: this.db, events: written });
  }
}
