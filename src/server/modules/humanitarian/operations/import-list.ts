import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import {
  type CaseKind,
  ColumnMapping,
  caseKinds,
  type ListImportReport,
  listSharings,
  type PersonFields,
  type RowFinding,
} from "../../../../contracts/humanitarian.ts";
import { insertMany } from "../../../platform/bulk.ts";
import { BadRequest, Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { type FileFormat, readListFile } from "../list-file.ts";
import { finding, type ResolvedMapping, readRow, resolveMapping } from "../list-rows.ts";
import { personFingerprint, sealPerson } from "../person.ts";
import { canSubmitFor } from "../policies.ts";
import { humCaseStatus, humCases, humListEntries, humLists } from "../schema.ts";
import { byOf, emitPersonChange, loadProcess, loadSide, newId } from "./shared.ts";

/** Rows written per round trip (insertMany splits further). */
const batchSize = 5000;
/** Rows listed in the report (the counts cover the whole file). */
const listedRows = 1000;
const previewRows = 20;

export const ImportListInput = z.object({
  processId: RecordRef,
  delegationId: RecordRef,
  title: z.string().trim().min(1).max(300),
  fileName: z.string().trim().min(1).max(300),
  format: z.enum(["csv", "xlsx"]),
  kind: z.enum(caseKinds).default("detained"),
  sharing: z.enum(listSharings).default("side"),
  mapping: ColumnMapping.default({}),
  dayMonth: z.enum(["refuse", "day_first", "month_first"]).default("refuse"),
  dryRun: z.boolean(),
  source: z.custom<AsyncIterable<Uint8Array>>(
    (value) => typeof value === "object" && value !== null && Symbol.asyncIterator in value,
    "The list file to read.",
  ),
  maxBytes: z.int().positive().optional(),
});

type Pending = {
  row: number;
  kind: CaseKind;
  person: PersonFields;
  fingerprint: string;
  flags: RowFinding[];
};

/**
 * humanitarian.list.import: a side uploads its list (CSV or XLSX), streamed, with its columns mapped
 * onto ours. A dry run (the preview) reads every row and writes nothing: the first rows as mapped and
 * the validation report. Otherwise, in one transaction and one audit entry, the list, its rows (sealed)
 * and a case per new person are written — or nothing is: a file already imported in the process (the
 * same bytes) is refused with 409, a file that cannot be read with 400, and a failure anywhere rolls all
 * of it back. A row repeating an earlier row is rejected; a row naming a person this side already
 * registered is linked to that case rather than duplicating it. The report names fields, never values.
 */
export const importList = defineOperation({
  name: "humanitarian.list.import",
  input: ImportListInput,
  load: async (tx, input) => {
    const { processId } = await loadProcess(tx, input.processId);
    return { processId, ...(await loadSide(tx, processId, input.delegationId)) };
  },
  authorize: (actor, _input, side) => canSubmitFor(actor, side.processId, side.delegationId),
  scope: (_input, side) =>
    side
      ? {
          subjectType: "humanitarian.list",
          processId: side.processId,
          delegationId: side.delegationId,
          tier: "intermediary",
        }
      : {},
  run: async (ctx, input, side) => {
    const report: ListImportReport = {
      dryRun: input.dryRun,
      listId: null,
      format: input.format,
      encoding: "utf-8",
      contentHash: "",
      header: [],
      mapping: {},
      unmappedColumns: [],
      rows: 0,
      valid: 0,
      rejected: 0,
      flagged: 0,
      duplicates: 0,
      casesCreated: 0,
      rejectedRows: [],
      flaggedRows: [],
      preview: [],
    };
    const listId = newId();
    const by = byOf(ctx.actor);
    if (!input.dryRun)
      await ctx.tx.insert(humLists).values({
        id: listId,
        processId: side.processId,
        delegationId: side.delegationId,
        participantId: side.participantId,
        sharing: input.sharing,
        title: input.title,
        fileName: input.fileName,
        format: input.format,
        encoding: "utf-8",
        contentHash: `pending:${listId}`,
        submittedBy: by.byAccountId,
        submittedByLabel: by.byLabel,
      });
    const file = readListFile(input.format as FileFormat, input.source, input.maxBytes);
    let mapping: ResolvedMapping | null = null;
    const firstRowOf = new Map<string, number>();
    let batch: Pending[] = [];
    const flush = async () => {
      if (batch.length > 0) await writeBatch(ctx, side, listId, input, batch, report);
      batch = [];
    };
    for await (const cells of file.rows) {
      if (!mapping) {
        report.header = cells.map((cell) => cell.trim().slice(0, 200));
        const resolved = resolveMapping(report.header, input.mapping);
        mapping = resolved;
        report.mapping = resolved.used;
        report.unmappedColumns = resolved.unmapped;
        continue;
      }
      report.rows += 1;
      const row = report.rows + 1;
      const read = readRow(cells, mapping, input.kind, input.dayMonth);
      if (report.preview.length < previewRows)
        report.preview.push({ row, kind: read.kind, person: read.person, valid: read.ok });
      if (!read.ok) {
        report.rejected += 1;
        if (report.rejectedRows.length < listedRows)
          report.rejectedRows.push({ row, findings: read.findings });
        continue;
      }
      const fingerprint = personFingerprint(side.processId, read.person);
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
    await flush();
    report.encoding = input.format === "csv" ? file.encoding() : "utf-8";
    report.contentHash = file.contentHash();
    const [already] = await ctx.tx
      .select({ id: humLists.id })
      .from(humLists)
      .where(and(eq(humLists.processId, side.processId), eq(humLists.contentHash, report.contentHash)));
    if (already)
      throw new Conflict(
        "This file was already uploaded in this process (the same content): nothing was imported.",
        { listId: already.id, contentHash: report.contentHash },
        "list_already_imported",
      );
    if (!input.dryRun) {
      report.listId = listId;
      await ctx.tx
        .update(humLists)
        .set({
          contentHash: report.contentHash,
          encoding: report.encoding,
          rows: report.rows,
          imported: report.valid,
          rejected: report.rejected,
        })
        .where(eq(humLists.id, listId));
    }
    const {
      rejectedRows: _r,
      flaggedRows: _f,
      preview: _p,
      header: _h,
      mapping: _m,
      unmappedColumns: _u,
      ...counts
    } = report;
    ctx.audit({
      subjectId: input.dryRun ? undefined : listId,
      data: { ...counts, contentHash: undefined },
    });
    if (!input.dryRun)
      emitPersonChange(
        ctx,
        "humanitarian.list.import",
        "humanitarian.list",
        { id: listId, processId: side.processId, delegationId: side.delegationId, tier: "intermediary" },
        { rows: report.rows, imported: report.valid },
      );
    return report;
  },
});

/**
 * Checks a batch of valid rows against the side's existing cases (by fingerprint) and, unless a dry
 * run, writes their entries, the new cases and their first status with insertMany.
 */
async function writeBatch(
  ctx: Parameters<(typeof importList)["run"]>[0],
  side: { processId: string; delegationId: string; participantId: string },
  listId: string,
  input: z.infer<typeof ImportListInput>,
  batch: Pending[],
  report: ListImportReport,
): Promise<void> {
  const existing = await ctx.tx
    .select({ id: humCases.id, fingerprint: humCases.fingerprint })
    .from(humCases)
    .where(
      and(
        eq(humCases.processId, side.processId),
        eq(humCases.delegationId, side.delegationId),
        isNull(humCases.withdrawnAt),
        inArray(
          humCases.fingerprint,
          batch.map((row) => row.fingerprint),
        ),
      ),
    );
  const caseOf = new Map(existing.map((row) => [row.fingerprint, row.id]));
  const entries: (typeof humListEntries.$inferInsert)[] = [];
  const cases: (typeof humCases.$inferInsert)[] = [];
  const steps: (typeof humCaseStatus.$inferInsert)[] = [];
  const by = byOf(ctx.actor);
  for (const pending of batch) {
    const known = caseOf.get(pending.fingerprint);
    const flags = known ? [...pending.flags, finding("row", "already_a_case", known)] : pending.flags;
    if (flags.length > 0) {
      report.flagged += 1;
      if (report.flaggedRows.length < listedRows)
        report.flaggedRows.push({ row: pending.row, findings: flags });
    }
    if (input.dryRun) continue;
    const entryId = newId();
    const caseId = known ?? newId();
    entries.push({
      id: entryId,
      listId,
      processId: side.processId,
      delegationId: side.delegationId,
      rowNumber: pending.row,
      kind: pending.kind,
      personal: sealPerson(pending.person, entryId),
      fingerprint: pending.fingerprint,
      flags: flags.map((flag) => ({ field: flag.field, code: flag.code })),
      caseId,
    });
    if (known) continue;
    cases.push({
      id: caseId,
      processId: side.processId,
      delegationId: side.delegationId,
      participantId: side.participantId,
      tier: "intermediary",
      sharing: input.sharing,
      kind: pending.kind,
      personal: sealPerson(pending.person, caseId),
      fingerprint: pending.fingerprint,
      listEntryId: entryId,
    });
    steps.push({ id: newId(), caseId, status: "listed", byAccountId: by.byAccountId, byLabel: by.byLabel });
  }
  if (input.dryRun) return;
  await insertMany(ctx.tx, humListEntries, entries);
  await insertMany(ctx.tx, humCases, cases);
  await insertMany(ctx.tx, humCaseStatus, steps);
  report.casesCreated += cases.length;
}
