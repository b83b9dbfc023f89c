// What the secretariat's writes to a process share: loading the process, who may act, how the audit
// entry and the event are addressed, and recording a lifecycle decision.
import { eq } from "drizzle-orm";
import type { ProcessDecisionKind, ProcessStatus } from "../../../../../contracts/enums.ts";
import type { TextInput } from "../../../../../contracts/languages.ts";
import type { Actor } from "../../../../platform/authz.ts";
import type { Db } from "../../../../platform/db.ts";
import type { EventInput } from "../../../../platform/events.ts";
import type { AuditDetail } from "../../../../platform/operation.ts";
import { saveTextVersions } from "../../../../platform/text-versions.ts";
import { isSecretariat } from "../../policies.ts";
import { processDecisions, processes } from "../../schema.ts";
import { checkVersion, loadProcess, newId, type ProcessRow } from "../support.ts";

/**
 * The process named by `processId` (id or slug), loaded and locked; only its host secretariat may
 * change it or what hangs on it. Spread into `defineOperation`.
 */
export const bySecretariatOfProcess = {
  load: (tx: Db, input: { processId: string }) => loadProcess(tx, input.processId),
  authorize: (actor: Actor, _input: unknown, process: ProcessRow) => isSecretariat(actor, process.id),
};

/** The audit scope of a change to the process itself: processes are public, and so is their history. */
function processScope(_input: unknown, process: ProcessRow | undefined): AuditDetail {
  return { subjectType: "process", subjectId: process?.id, processId: process?.id, tier: "public" };
}

/** A change to the process itself by its secretariat: loaded, authorized and audited as public. */
export const processWrite = { ...bySecretariatOfProcess, scope: processScope };

/** The event of a change to the process itself, public like the process. */
export function processEvent(
  type: string,
  process: ProcessRow,
  payload?: Record<string, unknown>,
): EventInput {
  return {
    type,
    tier: "public",
    processId: process.id,
    subjectType: "process",
    subjectId: process.id,
    ...(payload && { payload }),
  };
}

/** Refuses a lifecycle decision based on an older version of the process than the stored one. */
export function checkProcessVersion(process: ProcessRow, expected: number | undefined): void {
  checkVersion("The process", expected, process, {
    id: process.id,
    status: process.status,
    version: process.version,
  });
}

/**
 * A lifecycle transition is a recorded decision: writes the decision (when, by whom, its text) and
 * moves the process to its new status in the same transaction, raising its version.
 */
export async function recordProcessDecision(
  tx: Db,
  process: ProcessRow,
  decision: {
    kind: ProcessDecisionKind;
    from: ProcessStatus | null;
    to: ProcessStatus;
    input: { decidedOn: string; decidedBy: string; text: TextInput };
    changes?: Partial<ProcessRow>;
  },
): Promise<void> {
  const id = newId();
  // The record keeps the original; its other versions go where every module's versions go.
  const { text } = await saveTextVersions(
    tx,
    { subjectType: "process_decision", subjectId: id, field: "text" },
    decision.input.text,
  );
  await tx.insert(processDecisions).values({
    id,
    processId: process.id,
    kind: decision.kind,
    fromStatus: decision.from,
    toStatus: decision.to,
    decidedOn: decision.input.decidedOn,
    decidedBy: decision.input.decidedBy,
    text,
  });
  await tx
    .update(processes)
    .set({ ...decision.changes, status: decision.to, version: process.version + 1, updatedAt: new Date() })
    .where(eq(processes.id, process.id));
}
