// A large list as a background job: the upload waits in the data directory, sealed (never a name in
// clear on the disk), the job reads it streaming as the account that sent it (authorized and audited
// again inside the operation), reports rows and bytes read, keeps the report (without the preview's
// persons) as its result, and removes the file when it ends; at start-up, files and staged rows of
// imports a stop or a kill interrupted are removed.
import { rm } from "node:fs/promises";
import type {
  CaseKind,
  ColumnMapping,
  ListImportReport,
  ListSharing,
} from "../../../../contracts/humanitarian.ts";
import { systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { defineJob } from "../../../platform/jobs.ts";
import { openSealedFile } from "../../../platform/personal-data.ts";
import { ImportStopped } from "../../../platform/staging.ts";
import { uploadArea } from "../../../platform/uploads.ts";
import { loadActor } from "../../core/index.ts";
import type { DayMonthOrder } from "../dates.ts";
import type { WarnLog } from "../list-file.ts";
import { importListFile } from "../list-import.ts";
import { humImportRows } from "../schema.ts";

export const listImportJobKind = "humanitarian.list-import";

/** What the job is given: plain data, no person's fields (it is kept on the job's row). */
export type ListImportJobInput = {
  processId: string;
  delegationId: string;
  title: string;
  fileName: string;
  format: "csv" | "xlsx";
  kind: CaseKind;
  sharing: ListSharing;
  mapping: ColumnMapping;
  dayMonth: DayMonthOrder;
  dryRun: boolean;
  /** The sealed upload's name in the uploads directory. */
  file: string;
  /** The file's size as sent (the progress's total). */
  bytes: number;
  /** Who sent it: the account, or a system actor's name. */
  accountId: string | null;
  systemName: string | null;
};

/** Where uploaded lists wait for their job, sealed: `DATA_DIR/humanitarian-imports/<uuid>.sealed`. */
export const listUploads = uploadArea({
  folder: "humanitarian-imports",
  jobKind: listImportJobKind,
  extension: "sealed",
  staging: humImportRows,
});

let warnLog: WarnLog | undefined;

/** Set once by the module's start-up: where a job records why a file was refused (the server's log). */
export function useListImportLog(warn: WarnLog): void {
  warnLog = warn;
}

export const listImportJob = defineJob<ListImportJobInput, ListImportReport | null>({
  kind: listImportJobKind,
  run: async (input, ctx) => {
    const file = listUploads.path(input.file);
    try {
      const actor = input.accountId
        ? await loadActor(ctx.db, input.accountId)
        : systemActor(input.systemName ?? "import");
      const report = await importListFile(ctx.db, actor, {
        processId: input.processId,
        delegationId: input.delegationId,
        title: input.title,
        fileName: input.fileName,
        format: input.format,
        kind: input.kind,
        sharing: input.sharing,
        mapping: input.mapping,
        dayMonth: input.dayMonth,
        dryRun: input.dryRun,
        source: openSealedFile(file, input.file),
        totalBytes: input.bytes,
        stagingId: ctx.jobId,
        warn: (details, message) => warnLog?.({ ...details, jobId: ctx.jobId }, message),
        shouldStop: ctx.shouldStop,
        onProgress: (p) =>
          ctx.progress(input.bytes > 0 ? p.bytesRead / input.bytes : 0, {
            rowsRead: p.rowsRead,
            bytesRead: p.bytesRead,
            totalBytes: input.bytes,
          }),
      });
      // The job's row is no place for a person's fields: the preview stays with the request's answer.
      return { ...report, preview: [] };
    } catch (error) {
      // Stopped: the runner records the job as cancelled or interrupted; nothing was imported.
      if (error instanceof ImportStopped) return null;
      throw error;
    } finally {
      await rm(file, { force: true });
    }
  },
});

/** Removes what interrupted list imports left: sealed uploads and staged rows of no running job. */
export function cleanInterruptedListImports(
  db: Db,
  dataDir: string,
): Promise<{ files: number; rows: number }> {
  return listUploads.cleanInterrupted(db, dataDir);
}
