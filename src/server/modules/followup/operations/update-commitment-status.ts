import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { UpdateCommitmentStatusInput } from "../../../../contracts/followup.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { requireDay } from "../dates.ts";
import { canUpdateCommitment } from "../policies.ts";
import { followupCommitments, followupCommitmentUpdates } from "../schema.ts";
import { emitChange, loadVisible, newId, scopeOf } from "./shared.ts";

/**
 * followup.commitment.update-status: the secretariat, a guarantor or a monitor records a commitment's
 * new status (in progress, met, breached, lapsed…) with its evidence and sources, as of a day; every
 * update is kept, so the tracker shows its trend and the round report what changed.
 */
export const updateCommitmentStatus = defineOperation({
  name: "followup.commitment.update-status",
  input: UpdateCommitmentStatusInput.extend({ commitmentId: RecordRef }),
  load: async (tx, input, actor) =>
    loadVisible(
      await tx.select().from(followupCommitments).where(eq(followupCommitments.id, input.commitmentId)),
      actor,
      "Commitment",
      input.commitmentId,
    ),
  authorize: (actor, _input, commitment) => canUpdateCommitment(actor, commitment.processId),
  scope: (_input, commitment) => scopeOf("followup.commitment", commitment),
  run: async (ctx, input, commitment) => {
    const on = input.on ? requireDay(input.on, "on") : new Date().toISOString().slice(0, 10);
    await ctx.tx.insert(followupCommitmentUpdates).values({
      id: newId(),
      commitmentId: commitment.id,
      fromStatus: commitment.status,
      status: input.status,
      on,
      evidence: input.evidence ?? null,
      sources: input.sources,
      byLabel: ctx.actor.kind === "account" ? ctx.actor.email : "system",
      byAccountId: ctx.actor.kind === "account" ? ctx.actor.accountId : null,
    });
    await ctx.tx
      .update(followupCommitments)
      .set({ status: input.status, updatedAt: new Date() })
      .where(eq(followupCommitments.id, commitment.id));
    ctx.audit({ data: { from: commitment.status, to: input.status, on } });
    emitChange(ctx, "followup.commitment.update-status", "followup.commitment", commitment);
    return { id: commitment.id };
  },
});
