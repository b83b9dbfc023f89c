import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { ListImportReport, listSharings } from "../../../../contracts/humanitarian.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { sealJob } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canSubmitFor } from "../policies.ts";
import { humCaseStatus, humCases, humImportRows, humListEntries, humLists } from "../schema.ts";
import { byOf, emitPersonChange, loadProcess, loadSide, newId } from "./shared.ts";

/** Staged rows merged per statement: bounds one statement's memory on a file of a million rows. */
const rowsPerMerge = 50_000;

export const ImportListInput = z.object({
  processId: RecordRef,
  delegationId: RecordRef,
  title: z.string().trim().min(1).max(300),
  fileName: z.string().trim().min(1).max(300),
  sharing: z.enum(listSharings).default("side"),
  /** Where the file's valid rows were staged, sealed (list-import.ts). */
  stagingId: z.string().min(1).max(100),
  /** The reading's report: its counts, findings and content hash. */
  read: ListImportReport,
});

/**
 * humanitarian.list.import: a side imports its list (CSV or XLSX). The file was read streaming and its
 * valid rows checked, sealed and staged (list-import.ts, which every caller goes through: the request,
 * the background job, the CLI); this one transaction and one audit entry writes the list, its rows and
 * a case per new person — or nothing: a file already imported in the process (the same bytes) is
 * refused with 409, staged rows gone missing (a start-up removed them) refuse the whole import, and a
 * failure anywhere rolls all of it back. A row naming a person this side already registered is linked
 * to that case (flagged `already_a_case`) rather than duplicating it. A dry run writes nothing but its
 * audit entry. The audit and the event carry counts, never a name.
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
    const report: ListImportReport = { ...input.read, listId: null, casesCreated: 0 };
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
    const listId = newId();
    if (!report.dryRun) {
      // A cancel asked before this point refuses the merge (nothing imported); after it, it is refused.
      await sealJob(ctx.tx, input.stagingId);
      const [staged] = await ctx.tx
        .select({ rows: count() })
        .from(humImportRows)
        .where(eq(humImportRows.stagingId, input.stagingId));
      if ((staged?.rows ?? 0) !== report.valid)
        throw new Conflict(
          "The rows read from the file are no longer staged (the server restarted?): upload the file again.",
          { staged: staged?.rows ?? 0, valid: report.valid },
          "import_interrupted",
        );
      const by = byOf(ctx.actor);
      await ctx.tx.insert(humLists).values({
        id: listId,
        processId: side.processId,
        delegationId: side.delegationId,
        participantId: side.participantId,
        sharing: input.sharing,
        title: input.title,
        fileName: input.fileName,
        format: report.format,
        encoding: report.encoding,
        contentHash: report.contentHash,
        rows: report.rows,
        imported: report.valid,
        rejected: report.rejected,
        submittedBy: by.byAccountId,
        submittedByLabel: by.byLabel,
      });
      // Fresh statistics, or the planner takes a staged file of 100,000 rows for an empty table.
      if (report.valid > 10_000) await ctx.tx.execute(sql`analyze ${humImportRows}`);
      await linkKnownCases(ctx.tx, { ...side, stagingId: input.stagingId });
      for (let from = 1; from <= report.valid; from += rowsPerMerge)
        report.casesCreated += await mergeStaged(ctx.tx, {
          ...side,
          listId,
          sharing: input.sharing,
          stagingId: input.stagingId,
          from,
          to: from + rowsPerMerge - 1,
          ...by,
        });
      if (report.valid > 10_000) {
        await ctx.tx.execute(sql`analyze ${humListEntries}`);
        await ctx.tx.execute(sql`analyze ${humCases}`);
      }
      report.listId = listId;
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
      subjectId: report.dryRun ? undefined : listId,
      data: { ...counts, contentHash: undefined },
    });
    if (!report.dryRun)
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
 * Links the staged rows naming a person the side already registered to that case (the earliest, if
 * several), once, before anything is written: one set-based statement over the staged rows, so the
 * merge below never looks a row up among the cases it is itself creating.
 */
async function linkKnownCases(
  tx: Db,
  m: { processId: string; delegationId: string; stagingId: string },
): Promise<void> {
  await tx.execute(sql`
    update ${humImportRows} s set case_id = known.id
    from (
      select distinct on (c.fingerprint) c.fingerprint, c.id from ${humCases} c
      where c.process_id = ${m.processId} and c.delegation_id = ${m.delegationId} and c.withdrawn_at is null
        and c.fingerprint in (select fingerprint from ${humImportRows} where staging_id = ${m.stagingId})
      order by c.fingerprint, c.created_at, c.id
    ) known
    where s.staging_id = ${m.stagingId} and s.fingerprint = known.fingerprint`);
}

/**
 * Moves staged rows `from`…`to` into the list: each row's entry (linked to its existing case, flagged
 * `already_a_case`, or to its new case), the new cases, and their first status. Two set-based
 * statements, each reading the staged rows once (the statuses are written from the cases as they are
 * inserted); the row's one ciphertext is copied as it is, never opened: a new case takes its row's id,
 * to which the ciphertext is bound, and its first status takes the case's id too (time-ordered, so the
 * indexes are appended to, not scattered over). Answers the cases created.
 */
async function mergeStaged(
  tx: Db,
  m: {
    processId: string;
    delegationId: string;
    participantId: string;
    listId: string;
    sharing: string;
    stagingId: string;
    from: number;
    to: number;
    byAccountId: string | null;
    byLabel: string;
  },
): Promise<number> {
  const staged = sql`s.staging_id = ${m.stagingId} and s.seq between ${m.from} and ${m.to}`;
  await tx.execute(sql`
    insert into ${humListEntries} (id, list_id, process_id, delegation_id, row_number, kind, personal,
      fingerprint, flags, case_id)
    select s.entry_id, ${m.listId}, ${m.processId}, ${m.delegationId}, s.row_number, s.kind, s.entry_personal,
      s.fingerprint,
      case when s.case_id is not null
        then coalesce(s.flags, '[]'::jsonb) || '[{"field":"row","code":"already_a_case"}]'::jsonb
        else coalesce(s.flags, '[]'::jsonb) end,
      coalesce(s.case_id, s.entry_id)
    from ${humImportRows} s where ${staged}`);
  const created = await tx.execute(sql`
    with created as (insert into ${humCases} (id, process_id, delegation_id, participant_id, tier, sharing,
      kind, personal, fingerprint, list_entry_id)
    select s.entry_id, ${m.processId}, ${m.delegationId}, ${m.participantId}, 'intermediary', ${m.sharing},
      s.kind, s.entry_personal, s.fingerprint, s.entry_id
    from ${humImportRows} s where ${staged} and s.case_id is null
    returning id),
    statuses as (insert into ${humCaseStatus} (id, case_id, status, by_account_id, by_label)
      select id, id, 'listed', ${m.byAccountId}, ${m.byLabel} from created)
    select count(*)::int as n from created`);
  const [row] = (created as unknown as { rows: { n: number }[] }).rows;
  return Number(row?.n ?? 0);
}
