import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { MoveParagraphInput } from "../../../../contracts/texts.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textParagraphs } from "../schema.ts";
import {
  bumpVersion,
  byPenHolder,
  emitChange,
  invalidField,
  logEvent,
  orderKeyAfter,
  paragraphToChange,
} from "./shared.ts";

/** texts.paragraph.move: the pen-holder moves a paragraph after another (or first); its eId stays, numbers follow. */
export const moveParagraph = defineOperation({
  name: "texts.paragraph.move",
  input: MoveParagraphInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    const paragraph = await paragraphToChange(ctx.tx, document, input);
    if (input.afterParagraphId === paragraph.id)
      throw invalidField("afterParagraphId", "A paragraph cannot be moved after itself.");
    const orderKey = await orderKeyAfter(ctx.tx, document, input.afterParagraphId);
    const version = await bumpVersion(ctx.tx, document);
    await ctx.tx
      .update(textParagraphs)
      .set({ orderKey, revisedInVersion: version, updatedAt: new Date() })
      .where(eq(textParagraphs.id, paragraph.id));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version,
      type: "paragraph.move",
      paragraphId: paragraph.id,
    });
    ctx.audit({ data: { paragraphId: paragraph.id, version } });
    emitChange(ctx, document, "texts.paragraph.move", { paragraphId: paragraph.id });
    return { id: paragraph.id, version };
  },
});
