import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { EditParagraphInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textParagraphs } from "../schema.ts";
import { openBracketsIn } from "./brackets.ts";
import { bumpVersion, byPenHolder, emitChange, logEvent, paragraphToChange } from "./shared.ts";

/**
 * texts.paragraph.edit: the pen-holder rewrites a paragraph (or changes its kind) from the version it
 * read. A paragraph with an open bracket keeps its wording until the bracket is resolved, so the
 * options stay attached to the words they are about.
 */
export const editParagraph = defineOperation({
  name: "texts.paragraph.edit",
  input: EditParagraphInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    const paragraph = await paragraphToChange(ctx.tx, document, input);
    if (
      input.body !== undefined &&
      input.body !== paragraph.body &&
      (await openBracketsIn(ctx.tx, paragraph.id)).length > 0
    )
      throw new Conflict(
        "This paragraph has open brackets: resolve them before rewriting it.",
        { paragraphId: paragraph.id },
        "paragraph_bracketed",
      );
    const version = await bumpVersion(ctx.tx, document);
    await ctx.tx
      .update(textParagraphs)
      .set({
        ...(input.body !== undefined && { body: input.body }),
        ...(input.kind !== undefined && { kind: input.kind }),
        revisedInVersion: version,
        updatedAt: new Date(),
      })
      .where(eq(textParagraphs.id, paragraph.id));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version,
      type: "paragraph.edit",
      paragraphId: paragraph.id,
    });
    ctx.audit({ data: { paragraphId: paragraph.id, version } });
    emitChange(ctx, document, "texts.paragraph.edit", { paragraphId: paragraph.id });
    return { id: paragraph.id, version };
  },
});
