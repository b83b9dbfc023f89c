// Texts of the record in several languages: the shape every module's answers and requests use.
import { z } from "zod";
import { PlainText } from "./common.ts";
import { type TextVersions, textLanguages } from "./localize.ts";

export {
  type LocalizedText as LocalizedTextValue,
  localize,
  negotiateLanguage,
  type TextVersions,
  textLanguages,
} from "./localize.ts";

export const TextLanguage = z.enum(textLanguages);
export type TextLanguage = z.infer<typeof TextLanguage>;

/**
 * A text of the record as shown to one reader: the text, the language it is written in, the
 * language of its original when the text shown is a translation, and whether it is *not* in the
 * reader's language (then the reader sees it marked "in English", never silently).
 */
export const LocalizedText = z
  .object({
    text: z.string(),
    lang: TextLanguage,
    original: TextLanguage.optional().describe("the original's language, when `text` is a translation"),
    fallback: z.boolean().describe("true when the record has no version in the reader's language"),
  })
  .meta({ id: "LocalizedText" });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A text the secretariat writes in one or more languages: the language it was written in first
 * (`original`) and a version per language; the original's version is required, the others optional.
 */
export const MultilingualText = (max: number) =>
  z
    .strictObject({
      original: TextLanguage,
      en: PlainText(max).optional(),
      ru: PlainText(max).optional(),
      ar: PlainText(max).optional(),
    })
    .refine((value) => typeof value[value.original] === "string", {
      message: "The text in its original language is required.",
      path: ["original"],
    });
export type MultilingualText = z.infer<ReturnType<typeof MultilingualText>>;

/**
 * Every version of one text with its original, as the secretariat wrote it: what a form that edits the
 * text starts from, so that saving it again keeps the versions it did not touch.
 */
export const TextVersionsView = z.object({
  original: TextLanguage,
  en: z.string().optional(),
  ru: z.string().optional(),
  ar: z.string().optional(),
});

/** A text given either as one plain string (English) or in several languages. */
export const TextInput = (max: number) => z.union([PlainText(max), MultilingualText(max)]);
export type TextInput = string | MultilingualText;

/** The original text, its language and every version of a text input (a plain string is English). */
export function versionsOfInput(input: TextInput): {
  text: string;
  original: TextLanguage;
  versions: TextVersions;
} {
  if (typeof input === "string") return { text: input, original: "en", versions: { en: input } };
  const versions: TextVersions = {};
  for (const lang of textLanguages) {
    const value = input[lang];
    if (value) versions[lang] = value;
  }
  return { text: versions[input.original] as string, original: input.original, versions };
}

/**
 * The `localized` part of an answer: each named text of the record for the reader (`nullable` names
 * the texts a record may lack: a gap stays a gap, `null`, never an empty text).
 */
export function localizedTexts<Key extends string, Nullable extends string = never>(
  keys: readonly Key[],
  nullable: readonly Nullable[] = [],
) {
  const shape: Record<string, z.ZodType> = {};
  for (const key of keys) shape[key] = LocalizedText;
  for (const key of nullable) shape[key] = LocalizedText.nullable();
  return z
    .object(
      shape as { [K in Key]: typeof LocalizedText } & {
        [K in Nullable]: z.ZodNullable<typeof LocalizedText>;
      },
    )
    .describe(
      "the record's texts in the reader's language (Accept-Language), each marked with its own language",
    );
}
