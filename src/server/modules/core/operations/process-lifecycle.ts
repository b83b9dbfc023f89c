// The process lifecycle as decisions: each transition writes a process_decisions row in the same transaction.
import { eq } from "drizzle-orm";
import { ProcessDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat, processTransitions } from "../policies.ts";
import { processDecisions, processes } from "../schema.ts";
import { checkVersion, loadProcess, newId } from "./support.ts";

const input = ProcessDecisionInput.extend({ processId: RecordRef });

/**
 * Builds the operation for one lifecycle transition (suspend, conclude, resume). A transition the
 * rules do not allow from the current status is a 409 naming that status and what it may become.
 */
export function processTransition(kind: keyof typeof processTransitions) {
  const rule = processTransitions[kind];
  return defineOperation({
    name: `core.process.${kind}`,
    input,
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
      if (!rule.from.includes(process.status)) {
        throw new Conflict(
          `The process is ${process.status}; it cannot be ${kind === "resume" ? "resumed" : `${kind}ed`} from there.`,
          { field: "status", currentStatus: process.status, allowedFrom: rule.from },
          "invalid_transition",
        );
      }
      await ctx.tx.insert(processDecisions).values({
        id: newId(),
        processId: process.id,
        kind,
        fromStatus: process.status,
        toStatus: rule.to,
        decidedOn: values.decidedOn,
        decidedBy: values.decidedBy,
        text: values.text,
      });
      await ctx.tx
        .update(processes)
        .set({ status: rule.to, version: process.version + 1, updatedAt: new Date() })
        .where(eq(processes.id, process.id));
      ctx.audit({
        data: { from: process.status, to: rule.to, decidedOn: values.decidedOn, decidedBy: values.decidedBy },
      });
      ctx.emit({
        type: `core.process.${kind}`,
        tier: "public",
        processId: process.id,
        subjectType: "process",
        subjectId: process.id,
        payload: { from: process.status, to: rule.to },
      });
      return { id: process.id };
    },
  });
}
