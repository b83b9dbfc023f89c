import { RecordRef } from "../../../../contracts/common.ts";
import { SetTranslationInput } from "../../../../contracts/texts-views.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { participantsOf } from "../policies.ts";
import { textTranslations } from "../schema.ts";
import { byPenHolder, emitChange, invalidField, loadParagraph, newId } from "./shared.ts";

/**
 * texts.translation.set: the pen-holder or the secretariat sets a paragraph's translation into another
 * language than the document's authoritative one, recording the authoritative wording (and its version)
 * it was made from; when that paragraph changes later the translation shows as stale. A translation made
 * from a wording that has changed since is refused (409) with the current wording. Adopted and published
 * texts may still be translated: the text does not change.
 */
export const setTranslation = defineOperation({
  name: "texts.translation.set",
  input: SetTranslationInput.extend({ documentId: RecordRef, paragraphId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    if (input.language === document.language)
      throw invalidField(
        "language",
        `The text is authoritative in ${document.language}: a translation is into another language.`,
      );
    const paragraph = await loadParagraph(ctx.tx, document, input.paragraphId);
    if (input.sourceVersion !== paragraph.revisedInVersion)
      throw new Conflict(
        `The paragraph changed (version ${paragraph.revisedInVersion}) after the wording you translated (version ${input.sourceVersion}); translate the current wording.`,
        { current: { body: paragraph.body, revisedInVersion: paragraph.revisedInVersion } },
        "stale_version",
      );
    const translatedBy = participantsOf(ctx.actor, document.processId)[0] ?? null;
    const now = new Date();
    const values = {
      body: input.body,
      sourceBody: paragraph.body,
      sourceVersion: paragraph.revisedInVersion,
      translatedBy,
      updatedAt: now,
    };
    const [row] = await ctx.tx
      .insert(textTranslations)
      .values({
        id: newId(),
        documentId: document.id,
        paragraphId: paragraph.id,
        language: input.language,
        ...values,
      })
      .onConflictDoUpdate({ target: [textTranslations.paragraphId, textTranslations.language], set: values })
      .returning({ id: textTranslations.id });
    const id = row?.id ?? "";
    ctx.audit({
      data: {
        paragraphId: paragraph.id,
        language: input.language,
        sourceVersion: paragraph.revisedInVersion,
      },
    });
    emitChange(ctx, document, "texts.translation.set", {
      paragraphId: paragraph.id,
      language: input.language,
    });
    return { id, version: document.textVersion };
  },
});
