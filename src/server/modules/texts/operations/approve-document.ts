import { RecordRef } from "../../../../contracts/common.ts";
import { ApproveInput } from "../../../../contracts/texts.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { actingParticipant, ruleParticipantsOf } from "../policies.ts";
import { textApprovals } from "../schema.ts";
import {
  checkBaseVersion,
  documentScope,
  emitChange,
  invalidField,
  loadDocument,
  logEvent,
  newId,
  requireDraft,
} from "./shared.ts";

/**
 * texts.document.approve: a delegation named by the consensus rule approves the text as it stands at
 * the version it read. An approval counts for that version only: any later change of the text needs
 * it again, so nobody is bound to words they did not see.
 */
export const approveDocument = defineOperation({
  name: "texts.document.approve",
  input: ApproveInput.extend({ documentId: RecordRef }),
  load: (tx, input, actor) => loadDocument(tx, input.documentId, actor),
  authorize: (actor, _input, document) =>
    actor.kind === "system" || ruleParticipantsOf(actor, document).length > 0,
  scope: documentScope,
  run: async (ctx, input, document) => {
    requireDraft(document);
    await checkBaseVersion(ctx.tx, document, input.baseVersion);
    const participant = actingParticipant(
      ctx.actor,
      document.ruleParticipantIds,
      ruleParticipantsOf(ctx.actor, document),
      input.asParticipantId,
    );
    if (!participant)
      throw invalidField(
        "asParticipantId",
        "Only a delegation named by the text's consensus rule approves it.",
      );
    await ctx.tx
      .insert(textApprovals)
      .values({
        id: newId(),
        documentId: document.id,
        participantId: participant,
        version: document.textVersion,
      })
      .onConflictDoUpdate({
        target: [textApprovals.documentId, textApprovals.participantId],
        set: { version: document.textVersion, updatedAt: new Date() },
      });
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "document.approve",
      participantId: participant,
    });
    ctx.audit({ data: { participant, version: document.textVersion } });
    emitChange(ctx, document, "texts.document.approve", { participantId: participant });
    return { id: document.id, version: document.textVersion };
  },
});
