import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { ChangeCaseStatusInput } from "../../../../contracts/humanitarian.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { sealPersonal } from "../../../platform/personal-data.ts";
import { canUpdateCase } from "../policies.ts";
import { humCaseStatus, humCases } from "../schema.ts";
import {
  byOf,
  type CaseRow,
  emitPersonChange,
  loadReadableCase,
  newId,
  personScope,
  requireActive,
  requireTransition,
} from "./shared.ts";

/**
 * humanitarian.case.change-status: the side or the intermediary records a case's next status (located,
 * confirmed alive, released, deceased, …) on stated evidence, kept sealed (it may name people). The
 * history keeps who, when and the evidence; a step the history does not allow is refused (409).
 */
export const changeCaseStatus = defineOperation({
  name: "humanitarian.case.change-status",
  input: ChangeCaseStatusInput.extend({ caseId: RecordRef }),
  load: (tx, input, actor) => loadReadableCase(tx, actor, input.caseId),
  authorize: (actor, _input, row: CaseRow) => canUpdateCase(actor, row),
  scope: (_input, row) => personScope("humanitarian.case", row),
  run: async (ctx, input, row) => {
    requireActive(row);
    requireTransition(row.id, row.status, input.status);
    await ctx.tx
      .update(humCases)
      .set({ status: input.status, version: row.version + 1, updatedAt: new Date() })
      .where(eq(humCases.id, row.id));
    const stepId = newId();
    await ctx.tx.insert(humCaseStatus).values({
      id: stepId,
      caseId: row.id,
      fromStatus: row.status,
      status: input.status,
      evidence: sealPersonal(input.evidence, stepId),
      ...byOf(ctx.actor),
    });
    ctx.audit({ data: { from: row.status, to: input.status } });
    emitPersonChange(ctx, "humanitarian.case.change-status", "humanitarian.case", row);
    return { id: row.id };
  },
});
