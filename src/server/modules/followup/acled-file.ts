// Reading an ACLED file for import: streamed (never whole in memory), strictly UTF-8, every row checked
// and attributed to its zones; the valid rows are staged by COPY in large batches (the server keeps
// answering, progress is seen), then one audited operation (followup.incident.import-acled) merges them.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import type { ImportReport, RowFault } from "../../../contracts/followup.ts";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import { BadRequest, DomainError } from "../../platform/errors.ts";
import { runOperation } from "../../platform/operation.ts";
import { discardStaged, ImportStopped } from "../../platform/staging.ts";
import { missingColumns, readAcledRow } from "./acled.ts";
import { importAcled } from "./operations/import-acled.ts";
import { loadProcess, zonesAt, zonesForAttribution } from "./operations/shared.ts";
import { canMonitor } from "./policies.ts";
import { followupImportRows } from "./schema.ts";
import { stagedLine, stageLines } from "./staging.ts";

/** Rows staged per COPY: few statements, a few megabytes of text each. */
const batchSize = 25_000;
/** Rejected rows listed in the report (the count covers the whole file). */
const listedRejections = 1000;

/** How far the reading is: rows read, and bytes read of the file's total when known. */
export type ImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number | null };

export type AcledFileOptions = {
  processId: string;
  dryRun: boolean;
  source: AsyncIterable<Uint8Array>;
  /** A file larger than this is refused (413) as soon as its bytes pass it. */
  maxBytes?: number;
  totalBytes?: number;
  /** The staging key (a job's id); a fresh one when not given. */
  stagingId?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between rows: true stops the import, which then changes nothing. */
  shouldStop?: () => boolean;
  /** Awaited after each progress report, between chunks (a test server's hold on the job; otherwise at once). */
  pause?: () => Promise<void>;
  requestId?: string | null;
};

/** The bytes of the file, read as UTF-8 strictly: a file in another encoding is refused, never garbled. */
async function* utf8Text(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number | undefined,
  counted: { bytes: number },
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for await (const chunk of source) {
    counted.bytes += chunk.byteLength;
    if (maxBytes !== undefined && counted.bytes > maxBytes) throw fileTooLarge(maxBytes);
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      const near = counted.bytes - chunk.byteLength;
      throw new BadRequest(
        `The file is not UTF-8 (an invalid byte near byte ${near + 1}): it may be Windows-1256 or Latin-1. Save it as UTF-8 and import it again.`,
        { near },
        "invalid_encoding",
      );
    }
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new BadRequest("The file is not UTF-8 (it ends inside a character).", {}, "invalid_encoding");
  }
}

/** The refusal of a file over the HTTP limit, pointing to the CLI, which streams any size. */
export function fileTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    "file_too_large",
    413,
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB: import it with the CLI (astana followup import-acled), which streams any size.`,
    { maxBytes },
  );
}

export { ImportStopped };

/**
 * Imports an ACLED file for an actor: the monitoring team only (checked before a byte is staged, and
 * again, audited, by the operation that merges). A dry run checks every row and writes nothing but its
 * audit entry; otherwise the valid rows are staged, then upserted on `event_id_cnty` by one audited
 * operation (a re-import updates, never duplicates). A failure or a stop at any point leaves the
 * incidents as they were, and the staged rows are removed.
 */
export async function importAcledFile(
  db: Db,
  actor: Actor,
  options: AcledFileOptions,
): Promise<ImportReport> {
  const { processId } = await loadProcess(db, options.processId);
  const stagingId = options.stagingId ?? crypto.randomUUID();
  const empty: ImportReport = {
    dryRun: options.dryRun,
    rows: 0,
    valid: 0,
    rejected: 0,
    inserted: 0,
    updated: 0,
    attributed: 0,
    rejectedRows: [],
  };
  const deps = { db, requestId: options.requestId ?? null };
  // A refusal goes through the operation, so that it is audited like any other.
  if (!canMonitor(actor, processId))
    return runOperation(deps, importAcled, actor, { processId, stagingId, read: empty });
  try {
    const read = await readAndStage(db, processId, stagingId, options);
    return await runOperation(deps, importAcled, actor, { processId, stagingId, read });
  } finally {
    if (!options.dryRun) await discardStaged(db, followupImportRows, stagingId);
  }
}

async function readAndStage(
  db: Db,
  processId: string,
  stagingId: string,
  options: AcledFileOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: options.dryRun,
    rows: 0,
    valid: 0,
    rejected: 0,
    inserted: 0,
    updated: 0,
    attributed: 0,
    rejectedRows: [],
  };
  const zones = await zonesForAttribution(db, processId);
  let missing: string[] = [];
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      missing = missingColumns(header);
      if (missing.length > 0) throw new Error("missing columns");
      return header.map((name) => name.trim().toLowerCase());
    },
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: 1_000_000,
  });
  const counted = { bytes: 0 };
  const feeding = pipeline(Readable.from(utf8Text(options.source, options.maxBytes, counted)), parser);
  // Its failure also ends the parser, which the loop below reports; awaited after the loop.
  feeding.catch(() => undefined);
  const firstLine = new Map<string, number>();
  let batch: string[] = [];
  // One COPY runs while the next batch is read: on a server the two overlap.
  let copying: Promise<void> = Promise.resolve();
  let copyFailure: { error: unknown } | null = null;
  const reject = (line: number, eventId: string | null, reasons: string[], faults: RowFault[]) => {
    report.rejected += 1;
    if (report.rejectedRows.length < listedRejections)
      report.rejectedRows.push({ line, eventId, reasons, faults });
  };
  const progress = () =>
    options.onProgress?.({
      rowsRead: report.rows,
      bytesRead: counted.bytes,
      totalBytes: options.totalBytes ?? null,
    });
  const stage = async () => {
    const lines = batch.join("");
    batch = [];
    await copying;
    if (copyFailure) throw copyFailure.error;
    copying = stageLines(db, lines).catch((error: unknown) => {
      copyFailure = { error };
    });
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      report.rows += 1;
      if (report.rows % 1000 === 0) {
        if (options.shouldStop?.()) throw new ImportStopped();
        progress();
        await options.pause?.();
      }
      const read = readAcledRow(record);
      const eventId = record.event_id_cnty?.trim() || null;
      if ("reasons" in read) {
        reject(info.lines, eventId, read.reasons, read.faults);
        continue;
      }
      const seen = firstLine.get(read.incident.externalId);
      if (seen !== undefined) {
        reject(
          info.lines,
          eventId,
          [`event_id_cnty: repeats line ${seen} of this file`],
          [{ field: "event_id_cnty", code: "repeated", params: { line: seen } }],
        );
        continue;
      }
      firstLine.set(read.incident.externalId, info.lines);
      report.valid += 1;
      const found = zonesAt(zones, read.incident.occurredOn, read.incident.longitude, read.incident.latitude);
      report.attributed += found.length;
      if (options.dryRun) continue;
      batch.push(stagedLine(stagingId, report.valid, read.incident, found));
      if (batch.length >= batchSize) await stage();
    }
    await feeding;
  } catch (error) {
    // Nothing is left running when the import fails: the caller removes what was staged.
    await copying;
    if (copyFailure) throw (copyFailure as { error: unknown }).error;
    if (error instanceof DomainError) throw error;
    if (missing.length > 0)
      throw new BadRequest(
        `The file lacks ACLED's columns: ${missing.join(", ")}.`,
        { missing },
        "missing_columns",
      );
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof DomainError) throw cause;
    throw new BadRequest(`The file is not a readable CSV: ${(error as Error).message}`, {}, "invalid_csv");
  }
  if (report.rows === 0 && missing.length === 0) {
    // A file with no header at all never reached the column check.
    throw new BadRequest("The file is empty: an ACLED export starts with its header row.", {}, "empty_file");
  }
  if (options.shouldStop?.()) {
    await copying;
    throw new ImportStopped();
  }
  await stage();
  await copying;
  if (copyFailure) throw (copyFailure as { error: unknown }).error;
  progress();
  return report;
}
