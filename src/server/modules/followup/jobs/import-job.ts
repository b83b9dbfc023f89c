// The ACLED import as a background job: the uploaded file waits in the data directory, the job reads it
// streaming as the account that sent it (authorized and audited inside the operation, as in the
// request), reports rows and bytes read, keeps the report as its result, and removes the file when it
// ends; at start-up, files and staged rows of imports a stop interrupted are removed.
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { ImportReport } from "../../../../contracts/followup.ts";
import { systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { defineJob } from "../../../platform/jobs.ts";
import { uploadArea } from "../../../platform/uploads.ts";
import { loadActor } from "../../core/index.ts";
import { ImportStopped, importAcledFile } from "../acled-file.ts";
import { followupImportRows } from "../schema.ts";

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

/** Where uploaded ACLED files wait for their job (`DATA_DIR/followup-imports/<uuid>.csv`). */
export const acledUploads = uploadArea({
  folder: "followup-imports",
  jobKind: importJobKind,
  extension: "csv",
  staging: followupImportRows,
});

/** An uploaded file's name: a fresh UUID, so a job's input can never name another path. */
export const uploadName = acledUploads.namePattern;

/** Where uploaded ACLED files wait for their job: inside the data directory. */
export const importsDirectory = acledUploads.directory;

export const importJob = defineJob<ImportJobInput, ImportReport | null>({
  kind: importJobKind,
  run: async (input, ctx) => {
    const file = acledUploads.path(input.file);
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
        pause: ctx.pause,
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

/**
 * Removes what interrupted imports left: uploads and staged rows whose job is no longer queued or
 * running (platform/uploads.ts).
 */
export function cleanInterruptedImports(db: Db, dataDir: string): Promise<{ files: number; rows: number }> {
  return acledUploads.cleanInterrupted(db, dataDir);
}
