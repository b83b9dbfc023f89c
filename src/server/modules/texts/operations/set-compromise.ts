import { RecordRef } from "../../../../contracts/common.ts";
import { SetCompromiseInput } from "../../../../contracts/texts-views.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { participantsOf } from "../policies.ts";
import { textCompromises } from "../schema.ts";
import { byPenHolder, emitChange, logEvent, newId, paragraphToChange } from "./shared.ts";

/**
 * texts.compromise.set: the pen-holder writes a compromise wording for a paragraph — the third column of
 * the trilogue layout, between the proposals and the text. It is a suggestion, not the text: the text's
 * version does not change, but it must be written on the current version (else 409 with the current
 * text), so a compromise never answers proposals its author had not seen. The newest one stands.
 */
export const setCompromise = defineOperation({
  name: "texts.compromise.set",
  input: SetCompromiseInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    const paragraph = await paragraphToChange(ctx.tx, document, input);
    const id = newId();
    const author =
      participantsOf(ctx.actor, document.processId).find((participant) =>
        document.facilitatorParticipantIds.includes(participant),
      ) ??
      participantsOf(ctx.actor, document.processId)[0] ??
      null;
    await ctx.tx.insert(textCompromises).values({
      id,
      documentId: document.id,
      paragraphId: paragraph.id,
      body: input.body,
      note: input.note ?? null,
      authorParticipantId: author,
      onVersion: document.textVersion,
    });
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "compromise.set",
      paragraphId: paragraph.id,
      participantId: author,
      data: { compromiseId: id },
    });
    ctx.audit({ data: { paragraphId: paragraph.id, compromiseId: id, version: document.textVersion } });
    emitChange(ctx, document, "texts.compromise.set", { paragraphId: paragraph.id });
    return { id, version: document.textVersion };
  },
});
