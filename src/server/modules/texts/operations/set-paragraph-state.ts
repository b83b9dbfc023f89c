import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { SetParagraphStateInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textParagraphs } from "../schema.ts";
import { openBracketsIn } from "./brackets.ts";
import { bumpVersion, byPenHolder, emitChange, logEvent, paragraphToChange } from "./shared.ts";

/**
 * texts.paragraph.set-state: the pen-holder records a paragraph as agreed ad referendum (pending
 * capitals), agreed, or back in drafting. A paragraph with an open bracket is not agreed in any sense.
 */
export const setParagraphState = defineOperation({
  name: "texts.paragraph.set-state",
  input: SetParagraphStateInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    const paragraph = await paragraphToChange(ctx.tx, document, input);
    const open = await openBracketsIn(ctx.tx, paragraph.id);
    if (open.length > 0)
      throw new Conflict(
        `This paragraph still has ${open.length} open bracket(s): it cannot be ${input.state === "draft" ? "set back to draft" : "agreed"} until they are resolved.`,
        { paragraphId: paragraph.id, openBrackets: open.length },
        "paragraph_bracketed",
      );
    const version = await bumpVersion(ctx.tx, document);
    await ctx.tx
      .update(textParagraphs)
      .set({ state: input.state, revisedInVersion: version, updatedAt: new Date() })
      .where(eq(textParagraphs.id, paragraph.id));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version,
      type: `paragraph.${input.state}`,
      paragraphId: paragraph.id,
    });
    ctx.audit({ data: { paragraphId: paragraph.id, state: input.state, version } });
    emitChange(ctx, document, "texts.paragraph.set-state", { paragraphId: paragraph.id });
    return { id: paragraph.id, version };
  },
});
