// ACLED import jobs and their reports: read by the account that started one and by the process's
// monitoring team (the report names rejected rows of raw reports), filtered in SQL.
import { and, desc, eq, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ImportJob, ImportReport } from "../../../../contracts/followup.ts";
import { type Actor, actorLabel } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { type JobRow, presentJob } from "../../../platform/jobs.ts";
import { jobs } from "../../../platform/schema.ts";
import { findProcess } from "../../core/index.ts";
import { importJobKind } from "../jobs/import-job.ts";
import { monitoredProcesses, processIn } from "../policies.ts";

/** The import jobs the actor may read: its own, and every one of the processes it monitors. */
function readableImports(actor: Actor): SQL {
  if (actor.kind === "anonymous") return eq(jobs.id, "");
  return (
    and(
      eq(jobs.kind, importJobKind),
      or(processIn(actor, jobs.processId, monitoredProcesses(actor)), eq(jobs.startedBy, actorLabel(actor))),
    ) ?? eq(jobs.id, "")
  );
}

function present(row: JobRow, actor: Actor): z.infer<typeof ImportJob> {
  return {
    job: presentJob(row, actor),
    report: row.state === "succeeded" && row.result ? (row.result as ImportReport) : null,
  };
}

/** One import job with its progress and report; a hidden one answers 404 like a missing one. */
export async function getImport(db: Db, actor: Actor, jobId: string): Promise<z.infer<typeof ImportJob>> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), readableImports(actor)));
  if (!row) throw new NotFound("Import", jobId);
  return present(row, actor);
}

/** The latest imports of a process the actor may read, newest first. */
export async function listImports(db: Db, actor: Actor, processRef: string) {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.processId, process.id), readableImports(actor)))
    .orderBy(desc(jobs.createdAt))
    .limit(50);
  return { items: rows.map((row) => present(row, actor)) };
}
