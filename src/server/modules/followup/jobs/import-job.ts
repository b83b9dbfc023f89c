// The ACLED import as a background job: the uploaded file waits in the data directory, the job reads it
// streaming as the account that sent it (authorized and audited inside the operation, as in the
// request), reports rows and bytes read, keeps the report as its result, and removes the file when it
// ends; at start-up, files and staged rows of imports a stop interrupted are removed.
import { createReadStream } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { and, inArray, sql } from "drizzle-orm";
import type { ImportReport } from "../../../../contracts/followup.ts";
import { systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { defineJob } from "../../../platform/jobs.ts";
import { jobs } from "../../../platform/schema.ts";
import { loadActor } from "../../core/index.ts";
import { ImportStopped, importAcledFile } from "../acled-file.ts";
import { discardAbandoned } from "../staging.ts";

export const importJobKind = "followup.import";

/** What the job is given: plain data (it is kept on the job's row). */
export type ImportJobInput = {
  processId: string;
  dryRun: boolean;
  /** The uploaded file's name in the imports directory. */
  file: string;
  bytes: number;
  /** Who sent it: the account, or a system actor's name. */
  accountId: string | null;
  systemName: string | null;
};

/** An uploaded file's name: a fresh UUID, so a job's input can never name another path. */
export const uploadName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv$/;

/** Where uploaded ACLED files wait for their job: inside the data directory. */
export function importsDirectory(dataDir: string): string {
  return path.join(dataDir, "followup-imports");
}

let directory: string | null = null;

/** Set once by the module's start-up: the imports directory of this server. */
export function useImportsDirectory(dataDir: string): void {
  directory = importsDirectory(dataDir);
}

/** The path of an upload, refused unless it is a name this server gave. */
export function uploadPath(file: string): string {
  if (!directory) throw new Error("the follow-up imports directory is not set (server start-up)");
  if (!uploadName.test(file)) throw new Error(`not an upload name: ${file}`);
  return path.join(directory, file);
}

export const importJob = defineJob<ImportJobInput, ImportReport | null>({
  kind: importJobKind,
  run: async (input, ctx) => {
    const file = uploadPath(input.file);
    try {
      const actor = input.accountId
        ? await loadActor(ctx.db, input.accountId)
        : systemActor(input.systemName ?? "import");
      return await importAcledFile(ctx.db, actor, {
        processId: input.processId,
        dryRun: input.dryRun,
        source: createReadStream(file, { highWaterMark: 1024 * 1024 }),
        totalBytes: input.bytes,
        stagingId: ctx.jobId,
        shouldStop: ctx.shouldStop,
        onProgress: (p) =>
          ctx.progress(input.bytes > 0 ? p.bytesRead / input.bytes : 0, {
            rowsRead: p.rowsRead,
            bytesRead: p.bytesRead,
            totalBytes: input.bytes,
          }),
      });
    } catch (error) {
      // Stopped: the runner records the job as cancelled or interrupted; nothing was imported.
      // A cancel seen only at the merge (JobCancelled) goes on to the runner, which records it cancelled.
      if (error instanceof ImportStopped) return null;
      throw error;
    } finally {
      await rm(file, { force: true });
    }
  },
});

/** Staged rows and uploads of no running import are removed after this long (an upload never queued). */
const orphanAgeMs = 10 * 60 * 1000;

/**
 * Removes what interrupted imports left: uploads and staged rows whose job is no longer queued or
 * running (the platform marks a stopped server's jobs failed before this runs). Files no job of this
 * database names are removed only once old: they may belong to another database's server.
 */
export async function cleanInterruptedImports(
  db: Db,
  dataDir: string,
): Promise<{ files: number; rows: number }> {
  const live = await db
    .select({ id: jobs.id, file: sql<string>`${jobs.input}->>'file'` })
    .from(jobs)
    .where(and(sql`${jobs.kind} = ${importJobKind}`, inArray(jobs.state, ["queued", "running"])));
  const known = await db
    .select({ file: sql<string>`${jobs.input}->>'file'` })
    .from(jobs)
    .where(sql`${jobs.kind} = ${importJobKind}`);
  const liveFiles = new Set(live.map((job) => job.file));
  const knownFiles = new Set(known.map((job) => job.file));
  const dir = importsDirectory(dataDir);
  let files = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!uploadName.test(name) || liveFiles.has(name)) continue;
    const full = path.join(dir, name);
    const old = Date.now() - (await stat(full).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs > orphanAgeMs;
    if (knownFiles.has(name) || old) {
      await rm(full, { force: true });
      files += 1;
    }
  }
  const rows = await discardAbandoned(
    db,
    live.map((job) => job.id),
    sql`(select id from ${jobs} where kind = ${importJobKind})`,
    new Date(Date.now() - orphanAgeMs),
  );
  return { files, rows };
}
