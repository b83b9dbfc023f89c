import { RecordRef } from "../../../../contracts/common.ts";
import { CreateCommitmentInput } from "../../../../contracts/followup.ts";
import { BadRequest, Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { loadClean } from "../../texts/index.ts";
import { requireDay } from "../dates.ts";
import { canManageAgreements } from "../policies.ts";
import { followupCommitments, followupCommitmentUpdates } from "../schema.ts";
import { emitChange, loadProcess, newId } from "./shared.ts";

/**
 * followup.commitment.create: the secretariat or a guarantor records a commitment — from an operative
 * paragraph of an adopted (or published) text of the process, whose words it takes unless told, or
 * by hand — with who answers for it, by when or how often, its category and indicators. It starts
 * "not started".
 */
export const createCommitment = defineOperation({
  name: "followup.commitment.create",
  input: CreateCommitmentInput.extend({ processId: RecordRef }),
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canManageAgreements(actor, target.processId),
  scope: (input, target) => ({
    subjectType: "followup.commitment",
    processId: target?.processId,
    tier: input.tier,
  }),
  run: async (ctx, input, { processId }) => {
    let what = input.what;
    let roundId: string | null = null;
    if (input.documentId) {
      // The text as the actor may read it (a hidden draft is a 404); only adopted words bind anyone.
      const text = await loadClean(ctx.tx, ctx.actor, input.documentId);
      if (text.document.processId !== processId)
        throw new BadRequest(
          "The text belongs to another process.",
          { field: "documentId" },
          "wrong_process",
        );
      if (text.document.status !== "adopted" && text.document.status !== "published")
        throw new Conflict(
          "Commitments come from an adopted text: adopt it first.",
          { status: text.document.status },
          "not_adopted",
        );
      roundId = text.document.roundId;
      if (input.paragraphId) {
        const paragraph = text.paragraphs.find((p) => p.id === input.paragraphId);
        if (paragraph?.kind !== "operative")
          throw new BadRequest(
            "paragraphId: not an operative paragraph of this text.",
            { field: "paragraphId" },
            "not_operative",
          );
        what ??= paragraph.body;
      }
    } else if (input.paragraphId) {
      throw new BadRequest(
        "paragraphId needs the documentId of its text.",
        { field: "paragraphId" },
        "invalid_input",
      );
    }
    if (!what)
      throw new BadRequest(
        "what: say what was committed (or name an operative paragraph).",
        { field: "what" },
        "invalid_input",
      );
    const dueDate = input.dueDate ? requireDay(input.dueDate, "dueDate") : null;
    const id = newId();
    await ctx.tx.insert(followupCommitments).values({
      id,
      processId,
      tier: input.tier,
      externalId: input.externalId ?? null,
      what,
      documentId: input.documentId ?? null,
      paragraphId: input.paragraphId ?? null,
      roundId,
      responsibleParticipantIds: input.responsibleParticipantIds,
      dueDate,
      recurrence: input.recurrence ?? null,
      category: input.category,
      indicators: input.indicators,
      zoneIds: input.zoneIds,
    });
    await ctx.tx.insert(followupCommitmentUpdates).values({
      id: newId(),
      commitmentId: id,
      fromStatus: null,
      status: "not_started",
      on: new Date().toISOString().slice(0, 10),
      byLabel: ctx.actor.kind === "account" ? ctx.actor.email : "system",
      byAccountId: ctx.actor.kind === "account" ? ctx.actor.accountId : null,
    });
    ctx.audit({ subjectId: id, data: { category: input.category, documentId: input.documentId ?? null } });
    emitChange(ctx, "followup.commitment.create", "followup.commitment", { id, processId, tier: input.tier });
    return { id };
  },
});
