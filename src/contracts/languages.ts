// Texts of the record in several languages: the shape every module's answers and requests use.
import { z } from "zod";
import { PlainText } from "./common.ts";

/** The languages the record's texts may be written in (the interface's languages). */
export const textLanguages = ["en", "ru", "ar"] as const;
export const TextLanguage = z.enum(textLanguages);
export type TextLanguage = z.infer<typeof TextLanguage>;

/** The versions of one text the record holds, by language; at least the original's. */
export type TextVersions = Partial<Record<TextLanguage, string>>;

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
 * The version a reader sees: theirs if the record has it, else the original, else English, else any.
 * A text is never shown as if it were in a language it is not in.
 */
export function localize(
  versions: TextVersions,
  original: TextLanguage,
  reader: TextLanguage,
): LocalizedText {
  const order: TextLanguage[] = [reader, original, "en", "ru", "ar"];
  const lang = order.find(
    (candidate) => typeof versions[candidate] === "string" && versions[candidate] !== "",
  );
  if (!lang) return { text: "", lang: original, fallback: reader !== original };
  return {
    text: versions[lang] as string,
    lang,
    ...(lang !== original ? { original } : {}),
    fallback: lang !== reader,
  };
}

/**
 * The reader's language from an `Accept-Language` header (weights honoured, regional tags reduced to
 * their language: `ru-RU` is Russian); English when the header names none of ours.
 */
export function negotiateLanguage(header: string | string[] | undefined): TextLanguage {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  let best: { lang: TextLanguage; q: number } | null = null;
  for (const part of text.split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const base = tag.split("-")[0] as TextLanguage;
    if (!textLanguages.includes(base)) continue;
    const weight = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const q = weight ? Number(weight.slice(2)) : 1;
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { lang: base, q };
  }
  return best?.lang ?? "en";
}

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
    })
    .meta({ id: "MultilingualText" });
export type MultilingualText = z.infer<ReturnType<typeof MultilingualText>>;

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
