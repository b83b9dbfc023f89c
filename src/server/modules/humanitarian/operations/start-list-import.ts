import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { ColumnMapping, caseKinds, listSharings } from "../../../../contracts/humanitarian.ts";
import { queueJob } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { listImportJob, listUploads } from "../jobs/list-import-job.ts";
import { canSubmitFor } from "../policies.ts";
import { loadProcess, loadSide } from "./shared.ts";

/**
 * humanitarian.list.start-import: a side starts the import of an uploaded list file as a background
 * job. The job runs as the sender, so the import itself is authorized and audited again when it runs
 * (humanitarian.list.import). The job is followed by the side's own delegation only (its progress
 * carries counts, never a name).
 */
export const startListImport = defineOperation({
  name: "humanitarian.list.start-import",
  input: z.object({
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
    file: z.string().regex(listUploads.namePattern, "An upload's name."),
    bytes: z.int().nonnegative(),
  }),
  load: async (tx, input) => {
    const { processId } = await loadProcess(tx, input.processId);
    return { processId, ...(await loadSide(tx, processId, input.delegationId)) };
  },
  authorize: (actor, _input, side) => canSubmitFor(actor, side.processId, side.delegationId),
  scope: (_input, side) =>
    side
      ? {
          subjectType: "humanitarian.list-import",
          processId: side.processId,
          delegationId: side.delegationId,
          tier: "intermediary",
        }
      : {},
  run: async (ctx, input, side) => {
    const jobId = await queueJob(
      ctx,
      listImportJob,
      {
        ...input,
        processId: side.processId,
        delegationId: side.delegationId,
        accountId: ctx.actor.kind === "account" ? ctx.actor.accountId : null,
        systemName: ctx.actor.kind === "system" ? ctx.actor.name : null,
      },
      {
        tier: "delegation",
        processId: side.processId,
        delegationId: side.delegationId,
        subjectType: "humanitarian.list-import",
        subjectId: side.delegationId,
      },
    );
    ctx.audit({ subjectId: jobId, data: { jobId, dryRun: input.dryRun, bytes: input.bytes } });
    return { jobId };
  },
});
