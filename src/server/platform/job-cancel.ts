// Cancelling a background job: who may, the request the runner polls for, and the sealing point after
// which a job's work is kept (a cancel then is refused rather than reported for work that was saved).
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../contracts/common.ts";
import { type Actor, actorLabel, hasRole } from "./authz.ts";
import type { Db } from "./db.ts";
import { Conflict, DomainError, NotFound } from "./errors.ts";
import { defineOperation } from "./operation.ts";
import { jobs } from "./schema.ts";

type JobRow = typeof jobs.$inferSelect;

/**
 * Asks a job to stop (from inside an operation); the runner stops it within a quarter of a second.
 * A job already finished, or sealed (its work being made permanent), is a 409: too late to cancel.
 */
export async function requestCancel(tx: Db, jobId: string): Promise<JobRow> {
  const [row] = await tx
    .update(jobs)
    .set({ cancelRequested: true })
    .where(and(eq(jobs.id, jobId), inArray(jobs.state, ["queued", "running"]), isNull(jobs.sealedAt)))
    .returning();
  if (row) return row;
  const [found] = await tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, jobId));
  if (!found) throw new NotFound("Job", jobId);
  throw new Conflict(
    "The job has finished or is saving its work; it can no longer be cancelled.",
    undefined,
    "job_not_running",
  );
}

/** A job stopped by a cancel at its sealing point: nothing of it was kept. */
export class JobCancelled extends DomainError {
  constructor() {
    super("job_cancelled", 409, "The job was cancelled before its work was saved; nothing was kept.");
  }
}

/**
 * Called by a job inside the transaction that makes its work permanent (an import's merge): locks the
 * job's row, refuses (JobCancelled, rolling the transaction back) if a cancel was asked, and otherwise
 * seals it, so that a cancel from then on is refused instead of reporting a cancel that did not happen.
 * An id that is no job's (work run in a request, not as a job) passes.
 */
export async function sealJob(tx: Db, jobId: string): Promise<void> {
  const [row] = await tx
    .select({ cancel: jobs.cancelRequested })
    .from(jobs)
    .where(eq(jobs.id, jobId))
    .for("update");
  if (!row) return;
  if (row.cancel) throw new JobCancelled();
  await tx.update(jobs).set({ sealedAt: new Date() }).where(eq(jobs.id, jobId));
}

/**
 * Who may cancel a job: whoever started it, the secretariat (the host) of its process, or the operator
 * (system actor); never through a read-only or feed token.
 */
export function mayCancelJob(actor: Actor, row: JobRow): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "account" || (actor.credential && actor.credential.access !== "write")) return false;
  return (
    row.startedBy === actorLabel(actor) || (row.processId !== null && hasRole(actor, row.processId, "host"))
  );
}

/** Whether the actor may cancel the job now: one of those, while it is queued or running and unsealed. */
export function canCancelJob(actor: Actor, row: JobRow): boolean {
  return (row.state === "queued" || row.state === "running") && !row.sealedAt && mayCancelJob(actor, row);
}

/**
 * platform.job.cancel: whoever started a job, or the secretariat of its process, stops it while it
 * runs. The job stops at its next check (between batches); what it staged is discarded and nothing of
 * it is kept. A job that has finished or sealed its work is a 409.
 */
export const cancelJob = defineOperation({
  name: "platform.job.cancel",
  input: z.strictObject({ jobId: RecordRef }),
  // Not tier-filtered: the host secretariat may stop a job it cannot follow (a monitors' import);
  // anyone else is refused (403) before anything of the job is shown.
  load: async (tx, input) => {
    const [row] = await tx.select().from(jobs).where(eq(jobs.id, input.jobId));
    if (!row) throw new NotFound("Job", input.jobId);
    return row;
  },
  authorize: (actor, _input, row) => mayCancelJob(actor, row),
  scope: (input, row) => ({
    subjectType: "job",
    subjectId: input.jobId,
    processId: row?.processId ?? null,
    delegationId: row?.delegationId ?? null,
    tier: row?.tier ?? "process",
  }),
  run: async (ctx, input) => {
    const row = await requestCancel(ctx.tx, input.jobId);
    ctx.audit({ data: { jobId: row.id, kind: row.kind, state: row.state } });
    return { jobId: row.id };
  },
});
