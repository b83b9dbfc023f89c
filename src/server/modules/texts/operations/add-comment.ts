import { RecordRef } from "../../../../contracts/common.ts";
import { AddCommentInput } from "../../../../contracts/texts-views.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { actingParticipant, canSeeDraft, participantsOf } from "../policies.ts";
import { textComments } from "../schema.ts";
import {
  documentScope,
  emitChange,
  invalidField,
  loadDocument,
  loadParagraph,
  newId,
  requireDraft,
} from "./shared.ts";

/**
 * texts.comment.add: any delegation that reads the draft (a guarantor, the secretariat, a facilitator)
 * comments on a paragraph — the fourth column. A comment does not change the text, so comments made at
 * once are all recorded and none needs the current version; one on a removed paragraph is a 409.
 */
export const addComment = defineOperation({
  name: "texts.comment.add",
  input: AddCommentInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  load: (tx, input, actor) => loadDocument(tx, input.documentId, actor),
  authorize: (actor, _input, document) =>
    actor.kind === "system" ||
    (canSeeDraft(actor, document) && participantsOf(actor, document.processId).length > 0),
  scope: documentScope,
  run: async (ctx, input, document) => {
    requireDraft(document);
    const mine = participantsOf(ctx.actor, document.processId);
    const allowed = ctx.actor.kind === "system" && input.asParticipantId ? [input.asParticipantId] : mine;
    const participant = actingParticipant(ctx.actor, allowed, mine, input.asParticipantId);
    if (!participant) throw invalidField("asParticipantId", "Comment as one of your own delegations.");
    const paragraph = await loadParagraph(ctx.tx, document, input.paragraphId);
    const id = newId();
    await ctx.tx.insert(textComments).values({
      id,
      documentId: document.id,
      paragraphId: paragraph.id,
      authorParticipantId: participant,
      authorAccountId: ctx.actor.kind === "account" ? ctx.actor.accountId : null,
      authorName: ctx.actor.kind === "account" ? ctx.actor.name : "operator",
      body: input.body,
      onVersion: document.textVersion,
    });
    ctx.audit({ data: { paragraphId: paragraph.id, commentId: id, participant } });
    emitChange(ctx, document, "texts.comment.add", { paragraphId: paragraph.id });
    return { id, version: document.textVersion };
  },
});
