import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { queueJob } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { importJob, uploadName } from "../jobs/import-job.ts";
import { canMonitor } from "../policies.ts";
import { loadProcess } from "./shared.ts";

/**
 * followup.import.start: the monitoring team starts the import of an uploaded ACLED file as a
 * background job. The job runs as the sender, so the import itself is authorized and audited again
 * when it runs (followup.incident.import-acled). The job is followed by the sender's delegation (a
 * monitor delegation) and read with its report by the process's monitors.
 */
export const startImport = defineOperation({
  name: "followup.import.start",
  input: z.object({
    processId: RecordRef,
    dryRun: z.boolean(),
    file: z.string().regex(uploadName, "An upload's name."),
    bytes: z.int().nonnegative(),
    /** A test server's hold on the job (the route passes one only when the server holds imports). */
    testHold: z.object({ startMs: z.int().nonnegative(), chunkMs: z.int().nonnegative() }).nullish(),
  }),
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canMonitor(actor, target.processId),
  scope: (_input, target) => ({
    subjectType: "followup.import",
    processId: target?.processId,
    tier: "process",
  }),
  run: async (ctx, input, { processId }) => {
    const account = ctx.actor.kind === "account" ? ctx.actor : null;
    const monitorDelegation = account?.memberships.find(
      (m) => m.processId === processId && m.roles.includes("monitor"),
    )?.delegationId;
    const jobId = await queueJob(
      ctx,
      importJob,
      {
        processId,
        dryRun: input.dryRun,
        file: input.file,
        bytes: input.bytes,
        accountId: account?.accountId ?? null,
        systemName: ctx.actor.kind === "system" ? ctx.actor.name : null,
      },
      {
        tier: monitorDelegation ? "delegation" : "process",
        processId,
        delegationId: monitorDelegation ?? null,
        subjectType: "followup.import",
        subjectId: processId,
      },
      { testHold: input.testHold },
    );
    ctx.audit({ subjectId: jobId, data: { jobId, dryRun: input.dryRun, bytes: input.bytes } });
    return { jobId };
  },
});
