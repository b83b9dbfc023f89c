import { Input, SegmentedControl, Stack, Tabs, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MultilingualText } from "../../contracts/languages.ts";
import { type Locale, languages } from "./i18n.ts";

/** A text being written in several languages: each version, and the language it was written in first. */
export type MultilingualValue = { original: Locale } & Record<Locale, string>;

/** An empty text, written first in `original` (the writer's interface language, by default). */
export function emptyMultilingual(original: Locale = "en"): MultilingualValue {
  return { original, en: "", ru: "", ar: "" };
}

/** The value of a text already written (its versions and original, as an answer gives them), to edit it. */
export function multilingualOf(
  versions: { original: Locale } & Partial<Record<Locale, string>>,
): MultilingualValue {
  return { original: versions.original, en: versions.en ?? "", ru: versions.ru ?? "", ar: versions.ar ?? "" };
}

/** Whether nothing was written in any language (an optional text left empty). */
export function isEmptyMultilingual(value: MultilingualValue): boolean {
  return languages.every(({ code }) => value[code].trim() === "");
}

/**
 * What the API takes for a text written in several languages: one English string when English is
 * all there is (as before), else the versions given with their original (`MultilingualText`).
 */
export function multilingualBody(value: MultilingualValue): string | MultilingualText {
  const versions = Object.fromEntries(
    languages.map(({ code }) => [code, value[code].trim()]).filter(([, text]) => text !== ""),
  ) as Partial<Record<Locale, string>>;
  const given = Object.keys(versions);
  if (value.original === "en" && given.length === 1 && versions.en) return versions.en;
  return { original: value.original, ...versions };
}

/** The original's version is required; the others are optional. */
export function missingOriginal(value: MultilingualValue): boolean {
  return value[value.original].trim() === "";
}

/**
 * A text of the record written in several languages: a tab per language (named in its own
 * language; each textarea in that language and direction) and the choice of the original, the one
 * the others translate. Readers see their language's version, or the original marked as such.
 */
export function MultilingualField({
  label,
  description,
  required,
  value,
  onChange,
  error,
  minRows = 4,
  autoFocus,
}: {
  label: string;
  description?: string;
  required?: boolean;
  value: MultilingualValue;
  onChange: (value: MultilingualValue) => void;
  error?: string | null;
  minRows?: number;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation("shell");
  return (
    <Input.Wrapper label={label} description={description} required={required}>
      <Stack gap={6} mt={4}>
        <Tabs defaultValue={value.original} keepMounted={false}>
          <Tabs.List>
            {languages.map((language) => (
              <Tabs.Tab key={language.code} value={language.code} lang={language.code}>
                {language.name}
                {language.code === value.original ? " *" : value[language.code].trim() ? " ✓" : ""}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {languages.map((language) => (
            <Tabs.Panel key={language.code} value={language.code} pt={6}>
              <Textarea
                aria-label={`${label} (${language.name})`}
                lang={language.code}
                dir={language.dir}
                autosize
                minRows={minRows}
                data-autofocus={autoFocus && language.code === value.original ? true : undefined}
                value={value[language.code]}
                required={required && language.code === value.original}
                error={language.code === value.original ? error : undefined}
                onChange={(event) => onChange({ ...value, [language.code]: event.currentTarget.value })}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        <Input.Wrapper label={t("localText.original")} size="xs">
          <SegmentedControl
            size="xs"
            value={value.original}
            onChange={(original) => onChange({ ...value, original: original as Locale })}
            data={languages.map((language) => ({ value: language.code, label: language.name }))}
          />
        </Input.Wrapper>
      </Stack>
    </Input.Wrapper>
  );
}
