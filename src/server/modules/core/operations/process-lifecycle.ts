// The process lifecycle as decisions: each transition writes a process_decisions row in the same transaction.
import { ProcessDecisionInput, RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { processTransitions } from "../policies.ts";
import { checkProcessVersion, processEvent, processWrite, recordProcessDecision } from "./shared/process.ts";

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
    ...processWrite,
    run: async (ctx, values, process) => {
      checkProcessVersion(process, values.version);
      if (!rule.from.includes(process.status)) {
        throw new Conflict(
          `The process is ${process.status}; it cannot be ${kind === "resume" ? "resumed" : `${kind}ed`} from there.`,
          { field: "status", currentStatus: process.status, allowedFrom: rule.from },
          "invalid_transition",
        );
      }
      await recordProcessDecision(ctx.tx, process, {
        kind,
        from: process.status,
        to: rule.to,
        input: values,
      });
      ctx.audit({
        data: { from: process.status, to: rule.to, decidedOn: values.decidedOn, decidedBy: values.decidedBy },
      });
      ctx.emit(processEvent(`core.process.${kind}`, process, { from: process.status, to: rule.to }));
      return { id: process.id };
    },
  });
}
