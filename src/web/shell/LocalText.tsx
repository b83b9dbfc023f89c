import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type LocalizedText, localize, type TextVersions } from "../../contracts/localize.ts";
import type { Locale } from "./i18n.ts";

export type { LocalizedText };

/**
 * A text of the record as the server answered it for the reader: written in its own language (the
 * `lang` attribute, so a screen reader switches voice, and `dir="auto"` so an English name in an Arabic
 * page keeps its direction). A text that has no version in the reader's language is marked with a
 * small tag naming the language it is in ("in English"), never shown as if it were translated.
 */
export function LocalText({
  value,
  fallback,
}: {
  value: LocalizedText | null | undefined;
  fallback?: string;
}) {
  const { t } = useTranslation("shell");
  if (!value) return fallback ? <span>{fallback}</span> : null;
  return (
    <>
      <span lang={value.lang} dir="auto" data-fallback={value.fallback ? "true" : undefined}>
        {value.text}
      </span>
      {value.fallback ? (
        <>
          {" "}
          <Badge
            component="span"
            size="xs"
            variant="outline"
            color="gray.8"
            className="local-text-tag"
            title={t(`localText.onlyIn.${value.lang}`)}
          >
            {t(`localText.in.${value.lang}`)}
          </Badge>
        </>
      ) : null}
    </>
  );
}

/**
 * A text of the record that exists only in English (a source's wording, a note, a label): shown as it
 * is, marked "in English" to a reader of another language, never passed off as translated.
 */
export function InEnglish({ text }: { text: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!text) return null;
  return <LocalText value={{ text, lang: "en", fallback: !i18n.language.startsWith("en") }} />;
}

/**
 * A record's names carried whole (`{ en, ru?, ar? }`, English the original) shown for the reader in
 * the same way, with the same shared rule the server applies (`localize`).
 */
export function useLocalize() {
  const { i18n } = useTranslation();
  const reader = (["en", "ru", "ar"].includes(i18n.language) ? i18n.language : "en") as Locale;
  return (names: TextVersions | undefined, fallback = ""): LocalizedText =>
    names ? localize(names, "en", reader) : { text: fallback, lang: "en", fallback: reader !== "en" };
}
