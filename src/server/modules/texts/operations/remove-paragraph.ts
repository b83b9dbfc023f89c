import { and, eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { VersionOnlyInput } from "../../../../contracts/texts.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textBrackets, textParagraphs, textProposals } from "../schema.ts";
import { bumpVersion, byPenHolder, emitChange, logEvent, paragraphToChange } from "./shared.ts";

/**
 * texts.paragraph.remove: the pen-holder takes a paragraph out of the text. It is kept (flagged removed)
 * so its history and the proposals made on it keep their meaning; its open brackets close, and the open
 * proposals on it are rejected, each with a note saying why.
 */
export const removeParagraph = defineOperation({
  name: "texts.paragraph.remove",
  input: VersionOnlyInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    const paragraph = await paragraphToChange(ctx.tx, document, input);
    const version = await bumpVersion(ctx.tx, document);
    const now = new Date();
    await ctx.tx
      .update(textParagraphs)
      .set({ removedInVersion: version, revisedInVersion: version, updatedAt: now })
      .where(eq(textParagraphs.id, paragraph.id));
    await ctx.tx
      .update(textBrackets)
      .set({ state: "resolved", resolvedInVersion: version, updatedAt: now })
      .where(and(eq(textBrackets.paragraphId, paragraph.id), eq(textBrackets.state, "open")));
    await ctx.tx
      .update(textProposals)
      .set({ state: "rejected", decidedAt: now, decisionNote: "The paragraph was removed.", updatedAt: now })
      .where(and(eq(textProposals.paragraphId, paragraph.id), eq(textProposals.state, "open")));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version,
      type: "paragraph.remove",
      paragraphId: paragraph.id,
    });
    ctx.audit({ data: { paragraphId: paragraph.id, version } });
    emitChange(ctx, document, "texts.paragraph.remove", { paragraphId: paragraph.id });
    return { id: paragraph.id, version };
  },
});
