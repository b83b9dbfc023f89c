import { eq } from "drizzle-orm";
import { ProcessDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { processDecisions } from "../schema.ts";
import { checkProcessVersion, processEvent, processWrite, recordProcessDecision } from "./shared/process.ts";

/**
 * core.process.launch: records the decision that launched the process (once), makes it active and
 * sets its launch date. A second launch is a 409: later restarts are resumptions.
 */
export const launchProcess = defineOperation({
  name: "core.process.launch",
  input: ProcessDecisionInput.extend({ processId: RecordRef }),
  ...processWrite,
  run: async (ctx, values, process) => {
    checkProcessVersion(process, values.version);
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
    await recordProcessDecision(ctx.tx, process, {
      kind: "launch",
      from: null,
      to: "active",
      input: values,
      changes: { launchedOn: values.decidedOn },
    });
    ctx.audit({ data: { decidedOn: values.decidedOn, decidedBy: values.decidedBy } });
    ctx.emit(processEvent("core.process.launch", process));
    return { id: process.id };
  },
});
