import { RecordRef } from "../../../../contracts/common.ts";
import { ApproveInput } from "../../../../contracts/texts.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textApprovals } from "../schema.ts";
import {
  byRuleParticipant,
  checkBaseVersion,
  emitChange,
  logEvent,
  newId,
  requireDraft,
  ruleParticipantActing,
} from "./shared.ts";

/**
 * texts.document.approve: a delegation named by the consensus rule approves the text as it stands at
 * the version it read. An approval counts for that version only: any later change of the text needs
 * it again, so nobody is bound to words they did not see.
 */
export const approveDocument = defineOperation({
  name: "texts.document.approve",
  input: ApproveInput.extend({ documentId: RecordRef }),
  ...byRuleParticipant,
  run: async (ctx, input, document) => {
    requireDraft(document);
    await checkBaseVersion(ctx.tx, document, input.baseVersion);
    const participant = ruleParticipantActing(ctx.actor, document, input.asParticipantId, "approves it");
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
