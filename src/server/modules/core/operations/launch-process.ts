import { eq } from "drizzle-orm";
import { ProcessDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat } from "../policies.ts";
import { processDecisions, processes } from "../schema.ts";
import { checkVersion, loadProcess, newId } from "./support.ts";

/**
 * core.process.launch: records the decision that launched the process (once), makes it active and
 * sets its launch date. A second launch is a 409: later restarts are resumptions.
 */
export const launchProcess = defineOperation({
  name: "core.process.launch",
  input: ProcessDecisionInput.extend({ processId: RecordRef }),
  load: (tx, values) => loadProcess(tx, values.processId),
  authorize: (actor, _values, process) => isSecretariat(actor, process.id),
  scope: (_values, process) => ({
    subjectType: "process",
    subjectId: process?.id,
    processId: process?.id,
    tier: "public",
  }),
  run: async (ctx, values, process) => {
    checkVersion("The process", values.version, process, {
      id: process.id,
      status: process.status,
      version: process.version,
    });
    const [launched] = await ctx.tx
      .select({ id: processDecisions.id })
      .from(processDecisions)
      .where(eq(processDecisions.processId, process.id))
      .limit(1);
    if (launched) {
      throw new Conflict(
        `The process is ${process.status} and its history already has decisions; a restart is a resumption.`,
        { field: "status", currentStatus: process.status },
        "invalid_transition",
      );
    }
    await ctx.tx.insert(processDecisions).values({
      id: newId(),
      processId: process.id,
      kind: "launch",
      fromStatus: null,
      toStatus: "active",
      decidedOn: values.decidedOn,
      decidedBy: values.decidedBy,
      text: values.text,
    });
    await ctx.tx
      .update(processes)
      .set({
        status: "active",
        launchedOn: values.decidedOn,
        version: process.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(processes.id, process.id));
    ctx.audit({ data: { decidedOn: values.decidedOn, decidedBy: values.decidedBy } });
    ctx.emit({
      type: "core.process.launch",
      tier: "public",
      processId: process.id,
      subjectType: "process",
      subjectId: process.id,
    });
    return { id: process.id };
  },
});
