// Parallel languages: the authoritative text beside its translation into one language, aligned by
// paragraph, each translation saying which wording of its source it follows and whether that changed.
import { and, eq } from "drizzle-orm";
import { textLanguages } from "../../../../contracts/languages.ts";
import type { TranslationsView } from "../../../../contracts/texts-views.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { numberParagraphs } from "../model.ts";
import { canSeeDraft, isPenHolder } from "../policies.ts";
import { textTranslations } from "../schema.ts";
import { findDocument, liveParagraphs, namesFor } from "./load.ts";

/**
 * The side-by-side view of a text and its translation into `language` (the first other language when
 * none is named). Drafts for their readers; a published text's translations for everyone. A paragraph
 * whose authoritative wording changed after it was translated is marked stale.
 */
export async function loadTranslations(
  db: Db,
  actor: Actor,
  id: string,
  requested: string | undefined,
): Promise<TranslationsView> {
  const document = await findDocument(db, actor, id);
  const languages = textLanguages.filter((language) => language !== document.language);
  const language = requested && requested !== document.language ? requested : (languages[0] ?? "en");
  const paragraphs = await liveParagraphs(db, document.id);
  const rows = await db
    .select()
    .from(textTranslations)
    .where(and(eq(textTranslations.documentId, document.id), eq(textTranslations.language, language)));
  const byParagraph = new Map(rows.map((row) => [row.paragraphId, row]));
  const names = await namesFor(
    db,
    rows.flatMap((row) => (row.translatedBy ? [row.translatedBy] : [])),
  );
  const numbers = numberParagraphs(paragraphs);
  // The wording a translation was made from may be an earlier draft: only the draft's readers see it.
  const insider = canSeeDraft(actor, document);
  const aligned = paragraphs.map((paragraph) => {
    const translation = byParagraph.get(paragraph.id);
    return {
      paragraph: {
        id: paragraph.id,
        eId: paragraph.eId,
        kind: paragraph.kind,
        number: numbers.get(paragraph.id) ?? null,
        body: paragraph.body,
        revisedInVersion: paragraph.revisedInVersion,
      },
      translation: translation
        ? {
            body: translation.body,
            sourceVersion: translation.sourceVersion,
            stale: insider && translation.sourceBody !== paragraph.body,
            sourceBody: insider ? translation.sourceBody : "",
            translatedBy: translation.translatedBy ? names(translation.translatedBy) : null,
            updatedAt: translation.updatedAt.toISOString(),
          }
        : null,
    };
  });
  return {
    documentId: document.id,
    authoritative: document.language,
    language,
    languages,
    rows: aligned,
    stale: aligned.filter((row) => row.translation?.stale).length,
    missing: aligned.filter((row) => row.translation === null).length,
    can: { translate: actor.kind === "account" && isPenHolder(actor, document) },
  };
}
