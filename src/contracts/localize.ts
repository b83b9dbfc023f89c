// The rule every side applies to texts in several languages, without zod (the web app imports it):
// which version a reader sees, and which language a request asks for.

/** The languages the record's texts may be written in (the interface's languages). */
export const textLanguages = ["en", "ru", "ar"] as const;
export type TextLanguage = (typeof textLanguages)[number];

/** The versions of one text the record holds, by language; at least the original's. */
export type TextVersions = Partial<Record<TextLanguage, string>>;

/** A text of the record as shown to one reader (the `LocalizedText` contract). */
export type LocalizedText = { text: string; lang: TextLanguage; original?: TextLanguage; fallback: boolean };

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
