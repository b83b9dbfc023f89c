import { RecordRef } from "../../../../contracts/common.ts";
import { AddParagraphInput } from "../../../../contracts/texts.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textParagraphs } from "../schema.ts";
import {
  bumpVersion,
  byPenHolder,
  checkBaseVersion,
  emitChange,
  logEvent,
  newEId,
  newId,
  orderKeyAfter,
  requireDraft,
} from "./shared.ts";

/**
 * texts.paragraph.add: the pen-holder writes a paragraph into the text, after another (or first, or
 * last), from the version it read; the paragraph gets a stable eId that no renumbering changes.
 */
export const addParagraph = defineOperation({
  name: "texts.paragraph.add",
  input: AddParagraphInput.extend({ documentId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    requireDraft(document);
    await checkBaseVersion(ctx.tx, document, input.baseVersion);
    const orderKey = await orderKeyAfter(ctx.tx, document, input.afterParagraphId);
    const version = await bumpVersion(ctx.tx, document);
    const id = newId();
    await ctx.tx.insert(textParagraphs).values({
      id,
      documentId: document.id,
      eId: newEId(),
      kind: input.kind,
      orderKey,
      body: input.body,
      createdInVersion: version,
      revisedInVersion: version,
    });
    await logEvent(ctx.tx, { documentId: document.id, version, type: "paragraph.add", paragraphId: id });
    ctx.audit({ data: { paragraphId: id, version } });
    emitChange(ctx, document, "texts.paragraph.add", { paragraphId: id });
    return { id, version };
  },
});
