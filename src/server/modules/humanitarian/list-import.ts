// Importing a side's list file, whatever its size and whoever calls (the request, the background job,
// the CLI): read streaming, every row checked, fingerprinted and sealed once, the valid rows staged by
// COPY in short transactions (hum_import_rows: sealed, never in clear), then one audited operation
// (humanitarian.list.import) moves them into the list and its cases. A stop or a failure at any point
// imports nothing, and the staged rows are removed whatever the outcome.
import { and, eq, isNull, sql } from "drizzle-orm";
import type {
  CaseKind,
  ColumnMapping,
  ListImportReport,
  ListSharing,
  PersonFields,
  RowFinding,
} from "../../../contracts/humanitarian.ts";
import { emptyListReport } from "../../../contracts/humanitarian.ts";
import type { Actor } from "../../platform/authz.ts";
import { arrayParameter } from "../../platform/bulk.ts";
import type { Db } from "../../platform/db.ts";
import { BadRequest } from "../../platform/errors.ts";
import { runOperation } from "../../platform/operation.ts";
import { discardStaged, ImportStopped } from "../../platform/staging.ts";
import type { DayMonthOrder } from "./dates.ts";
import { type FileFormat, readListFile, type WarnLog } from "./list-file.ts";
import { finding, type ResolvedMapping, readRow, resolveMapping } from "./list-rows.ts";
import { stagedLine, stageLines } from "./list-staging.ts";
import { importList } from "./operations/import-list.ts";
import { loadProcess, loadSide, newId, newOrderedId } from "./operations/shared.ts";
import { type FoldCache, personFingerprint, sealPerson } from "./person.ts";
import { canSubmitFor } from "./policies.ts";
import { humCases, humImportRows } from "./schema.ts";

/** Rows staged per transaction (one COPY). */
const batchSize = 10_000;
/** Rows listed in the report (the counts cover the whole file). */
const listedRows = 1000;
const previewRows = 20;

/** How far the reading is: rows read, and bytes read of the file's total when known. */
export type ListImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number | null };

export type ListImportOptions = {
  processId: string;
  delegationId: string;
  title: string;
  fileName: string;
  format: FileFormat;
  kind?: CaseKind;
  sharing?: ListSharing;
  mapping?: ColumnMapping;
  dayMonth?: DayMonthOrder;
  dryRun: boolean;
  source: AsyncIterable<Uint8Array>;
  /** A file larger than this is refused (413) as soon as its bytes pass it. */
  maxBytes?: number;
  totalBytes?: number;
  /** The staging key (a job's id); a fresh one when not given. */
  stagingId?: string;
  onProgress?: (progress: ListImportProgress) => void;
  /** Checked between rows: true stops the import, which then changes nothing. */
  shouldStop?: () => boolean;
  requestId?: string | null;
  /** Where the cause of a refused file is recorded (the server's log at warn). */
  warn?: WarnLog;
};

/**
 * Imports a side's list file for an actor: a member of that side only (checked before a byte is
 * staged, and again, audited, by the operation that merges). A dry run (the preview) reads every row
 * and writes nothing but its audit entry; otherwise the valid rows are staged sealed, then merged by
 * humanitarian.list.import in one transaction. A row repeating an earlier row of the file is rejected
 * (`duplicate_row`); a row naming a person the side already registered is linked to that case.
 */
export async function importListFile(
  db: Db,
  actor: Actor,
  options: ListImportOptions,
): Promise<ListImportReport> {
  const { processId } = await loadProcess(db, options.processId);
  const side = { processId, ...(await loadSide(db, processId, options.delegationId)) };
  const stagingId = options.stagingId ?? newId();
  const deps = { db, requestId: options.requestId ?? null };
  const merge = (read: ListImportReport) =>
    runOperation(deps, importList, actor, {
      processId,
      delegationId: side.delegationId,
      title: options.title,
      fileName: options.fileName,
      sharing: options.sharing ?? "side",
      stagingId,
      read,
    });
  // A refusal goes through the operation, so that it is audited like any other.
  if (!canSubmitFor(actor, processId, side.delegationId))
    return merge(emptyListReport(options.dryRun, options.format));
  try {
    return await merge(await readAndStage(db, side, stagingId, options));
  } finally {
    if (!options.dryRun) await discardStaged(db, humImportRows, stagingId);
  }
}

type Side = { processId: string; delegationId: string; participantId: string };
type Pending = {
  row: number;
  kind: CaseKind;
  person: PersonFields;
  fingerprint: string;
  flags: RowFinding[];
};

async function readAndStage(
  db: Db,
  side: Side,
  stagingId: string,
  options: ListImportOptions,
): Promise<ListImportReport> {
  const report = emptyListReport(options.dryRun, options.format);
  const file = readListFile(options.format, options.source, options.maxBytes, options.warn);
  const progress = () =>
    options.onProgress?.({
      rowsRead: report.rows,
      bytesRead: file.bytesRead(),
      totalBytes: options.totalBytes ?? null,
    });
  let mapping: (ResolvedMapping & { unmapped: string[] }) | null = null;
  const firstRowOf = new Map<string, number>();
  const folded: FoldCache = new Map();
  let batch: Pending[] = [];
  let staged = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    staged = await stageBatch(db, side, stagingId, rows, staged, report);
  };
  for await (const cells of file.rows) {
    if (!mapping) {
      report.header = cells.map((cell) => cell.trim().slice(0, 200));
      mapping = resolveMapping(report.header, options.mapping ?? {});
      report.mapping = mapping.used;
      report.unmappedColumns = mapping.unmapped;
      continue;
    }
    report.rows += 1;
    if (report.rows % 1000 === 0) {
      if (options.shouldStop?.()) throw new ImportStopped();
      progress();
    }
    const row = report.rows + 1;
    const read = readRow(cells, mapping, options.kind ?? "detained", options.dayMonth ?? "refuse");
    if (report.preview.length < previewRows)
      report.preview.push({ row, kind: read.kind, person: read.person, valid: read.ok });
    if (!read.ok) {
      report.rejected += 1;
      if (report.rejectedRows.length < listedRows) report.rejectedRows.push({ row, findings: read.findings });
      continue;
    }
    const fingerprint = personFingerprint(side.processId, read.person, folded);
    const earlier = firstRowOf.get(fingerprint);
    if (earlier !== undefined) {
      report.rejected += 1;
      report.duplicates += 1;
      if (report.rejectedRows.length < listedRows)
        report.rejectedRows.push({ row, findings: [finding("row", "duplicate_row", earlier)] });
      continue;
    }
    firstRowOf.set(fingerprint, row);
    report.valid += 1;
    batch.push({ row, kind: read.kind, person: read.person, fingerprint, flags: read.flags });
    if (batch.length >= batchSize) await flush();
  }
  if (!mapping)
    throw new BadRequest("The file is empty: a list starts with its header row.", {}, "empty_file");
  if (options.shouldStop?.()) throw new ImportStopped();
  await flush();
  report.encoding = options.format === "csv" ? file.encoding() : "utf-8";
  report.contentHash = file.contentHash();
  progress();
  return report;
}

/**
 * Checks a batch of valid rows against the side's existing cases (by fingerprint, for the report's
 * flags) and, unless a dry run, stages them sealed in a transaction of their own. Answers the rows staged.
 */
async function stageBatch(
  db: Db,
  side: Side,
  stagingId: string,
  batch: Pending[],
  staged: number,
  report: ListImportReport,
): Promise<number> {
  if (batch.length === 0) return staged;
  const existing = await db
    .select({ id: humCases.id, fingerprint: humCases.fingerprint })
    .from(humCases)
    .where(
      and(
        eq(humCases.processId, side.processId),
        eq(humCases.delegationId, side.delegationId),
        isNull(humCases.withdrawnAt),
        sql`${humCases.fingerprint} = any(${arrayParameter(batch.map((row) => row.fingerprint))}::text[])`,
      ),
    );
  const caseOf = new Map(existing.map((row) => [row.fingerprint, row.id]));
  let lines = "";
  let seq = staged;
  for (const pending of batch) {
    const known = caseOf.get(pending.fingerprint);
    const flags = known ? [...pending.flags, finding("row", "already_a_case", known)] : pending.flags;
    if (flags.length > 0) {
      report.flagged += 1;
      if (report.flaggedRows.length < listedRows)
        report.flaggedRows.push({ row: pending.row, findings: flags });
    }
    if (report.dryRun) continue;
    seq += 1;
    // Sealed once, for the list row; the case the row creates takes the row's id and the same ciphertext.
    const entryId = newOrderedId();
    lines += stagedLine(stagingId, seq, { ...pending, entryId, sealed: sealPerson(pending.person, entryId) });
  }
  await stageLines(db, lines);
  return seq;
}
