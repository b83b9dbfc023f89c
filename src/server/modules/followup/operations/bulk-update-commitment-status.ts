import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import type { CommitmentStatusImportReport } from "../../../../contracts/followup-files.ts";
import { insertMany } from "../../../platform/bulk.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { readStatusFile } from "../commitment-csv.ts";
import { canUpdateCommitment, readableRows } from "../policies.ts";
import { followupCommitments, followupCommitmentUpdates } from "../schema.ts";
import { emitChange, loadProcess, newId } from "./shared.ts";

export const BulkUpdateCommitmentStatusInput = z.object({
  processId: RecordRef,
  /** The CSV file's text (columns external_id, status; optionally on, evidence, source_url). */
  csv: z.string().max(5 * 1024 * 1024, "At most 5 MiB."),
  /** False (a dry run): report what would change and write nothing but the audit entry. */
  apply: z.boolean(),
});

/**
 * followup.commitment.bulk-update-status: the secretariat, a guarantor or a monitor updates many
 * commitments' statuses from a CSV matched on the commitments' external identifiers. The dry run
 * reports every line (matched, unknown identifier, invalid status, unchanged, other faults) and changes
 * nothing; applied, the matched lines are recorded as status updates (with their evidence and source)
 * in this one transaction, the faulty lines left out. A commitment the actor may not read is an unknown
 * identifier, as if it did not exist.
 */
export const bulkUpdateCommitmentStatus = defineOperation({
  name: "followup.commitment.bulk-update-status",
  input: BulkUpdateCommitmentStatusInput,
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canUpdateCommitment(actor, target.processId),
  scope: (_input, target) => ({
    subjectType: "followup.commitment",
    processId: target?.processId,
    tier: "process",
  }),
  run: async (ctx, input, { processId }) => {
    const lines = readStatusFile(input.csv);
    const report: CommitmentStatusImportReport = {
      dryRun: !input.apply,
      rows: lines.length,
      matched: [],
      unchanged: [],
      unknownId: [],
      invalidStatus: [],
      invalid: [],
      applied: 0,
    };
    const ids = [...new Set(lines.flatMap((line) => (line.externalId ? [line.externalId] : [])))];
    const commitments =
      ids.length === 0
        ? []
        : await ctx.tx
            .select()
            .from(followupCommitments)
            .where(
              and(
                eq(followupCommitments.processId, processId),
                inArray(followupCommitments.externalId, ids),
                readableRows(ctx.actor, followupCommitments),
              ),
            );
    const byExternalId = new Map(commitments.map((row) => [row.externalId, row]));
    const firstLine = new Map<string, number>();
    const today = new Date().toISOString().slice(0, 10);
    const writes: { line: (typeof lines)[number]; commitment: (typeof commitments)[number] }[] = [];
    for (const line of lines) {
      const externalId = line.externalId ?? "";
      const seen = firstLine.get(externalId);
      if (line.externalId && seen !== undefined) line.faults.push(`external_id: repeats line ${seen}`);
      if (line.externalId && seen === undefined) firstLine.set(externalId, line.line);
      if (line.faults.length > 0) {
        report.invalid.push({ line: line.line, externalId: line.externalId, reasons: line.faults });
        continue;
      }
      const commitment = byExternalId.get(externalId);
      if (!commitment) {
        report.unknownId.push({ line: line.line, externalId });
        continue;
      }
      if (!line.status) {
        report.invalidStatus.push({ line: line.line, externalId, status: line.statusText });
        continue;
      }
      const entry = {
        line: line.line,
        externalId,
        commitmentId: commitment.id,
        from: commitment.status,
        to: line.status,
      };
      if (commitment.status === line.status) report.unchanged.push(entry);
      else {
        report.matched.push(entry);
        writes.push({ line, commitment });
      }
    }
    if (input.apply && writes.length > 0) {
      const byLabel = ctx.actor.kind === "account" ? ctx.actor.email : "system";
      await insertMany(
        ctx.tx,
        followupCommitmentUpdates,
        writes.map(({ line, commitment }) => ({
          id: newId(),
          commitmentId: commitment.id,
          fromStatus: commitment.status,
          status: line.status ?? commitment.status,
          on: line.on ?? today,
          evidence: line.evidence,
          sources: line.sourceUrl ? [{ url: line.sourceUrl }] : [],
          byLabel,
          byAccountId: ctx.actor.kind === "account" ? ctx.actor.accountId : null,
        })),
      );
      for (const { line, commitment } of writes) {
        await ctx.tx
          .update(followupCommitments)
          .set({ status: line.status ?? commitment.status, updatedAt: new Date() })
          .where(eq(followupCommitments.id, commitment.id));
        emitChange(ctx, "followup.commitment.bulk-update-status", "followup.commitment", commitment);
      }
      report.applied = writes.length;
    }
    ctx.audit({
      data: {
        dryRun: report.dryRun,
        rows: report.rows,
        matched: report.matched.length,
        unchanged: report.unchanged.length,
        unknownId: report.unknownId.length,
        invalidStatus: report.invalidStatus.length,
        invalid: report.invalid.length,
        applied: report.applied,
        commitmentIds: writes.map(({ commitment }) => commitment.id),
      },
    });
    return report;
  },
});
