// Texts of the record in several languages, for every module: where their versions are kept
// (`text_versions`), which language the reader asked for, and the one helper presenters call.
//
// How a read uses it: the platform runs each read inside the reader's language (from the request's
// `Accept-Language`, see `readerLanguageOf`); the read's `load` calls `preloadTexts` for the subjects
// its tier-filtered query returned; its presenters call `localText(...)`, which answers synchronously
// from what was preloaded. A subject whose versions were not preloaded is still shown, in the language
// of its own column, marked as such: never silently in a wrong language.

import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import {
  type LocalizedText,
  localize,
  negotiateLanguage,
  type TextInput,
  type TextLanguage,
  type TextVersions,
  textLanguages,
  versionsOfInput,
} from "../../contracts/languages.ts";
import type { Db } from "./db.ts";
import { textVersions } from "./schema.ts";

type Stored = { versions: TextVersions; original?: TextLanguage };
type ReaderContext = { lang: TextLanguage; texts: Map<string, Stored> };

const reader = new AsyncLocalStorage<ReaderContext>();

const keyOf = (subjectType: string, subjectId: string, field: string) =>
  `${subjectType}\u0000${subjectId}\u0000${field}`;

/**
 * The reader's language of a request: its `Accept-Language`, negotiated against en, ru, ar (English
 * when it names none). The answer cache keys on the same value, so one language's answer is never
 * served to a reader of another.
 */
export function readerLanguageOf(request: FastifyRequest): TextLanguage {
  return negotiateLanguage(request.headers["accept-language"]);
}

/** Runs `work` (a read's load and presentation) for a reader of `lang`. */
export function withReaderLanguage<T>(lang: TextLanguage, work: () => T): T {
  return reader.run({ lang, texts: new Map() }, work);
}

/** The language of the reader being answered; English outside a read (the CLI's text output, jobs). */
export function readerLanguage(): TextLanguage {
  return reader.getStore()?.lang ?? "en";
}

/**
 * Loads, in one query, the stored versions of these subjects' texts for the read being answered.
 * Call it only with ids a tier-filtered query returned: the versions are as confidential as the text.
 */
export async function preloadTexts(db: Db, subjectType: string, subjectIds: string[]): Promise<void> {
  const context = reader.getStore();
  if (!context || subjectIds.length === 0) return;
  const ids = [...new Set(subjectIds)];
  const rows = await db
    .select()
    .from(textVersions)
    .where(and(eq(textVersions.subjectType, subjectType), inArray(textVersions.subjectId, ids)));
  for (const row of rows) {
    const key = keyOf(row.subjectType, row.subjectId, row.field);
    const stored = context.texts.get(key) ?? { versions: {} };
    stored.versions[row.lang] = row.text;
    if (row.original) stored.original = row.lang;
    context.texts.set(key, stored);
  }
}

/**
 * A text of a record for the reader being answered: `own` is the record's own column (the original,
 * English unless a stored version says otherwise), completed by the versions `preloadTexts` found.
 */
export function localText(subjectType: string, subjectId: string, field: string, own: string): LocalizedText;
export function localText(
  subjectType: string,
  subjectId: string,
  field: string,
  own: string | null,
): LocalizedText | null;
export function localText(
  subjectType: string,
  subjectId: string,
  field: string,
  own: string | null,
): LocalizedText | null {
  if (own === null) return null;
  const stored = reader.getStore()?.texts.get(keyOf(subjectType, subjectId, field));
  const original = stored?.original ?? "en";
  return localize({ ...stored?.versions, [original]: own }, original, readerLanguage());
}

/** Whether the read being answered preloaded any stored version of this text (e.g. a city written in several languages). */
export function hasTextVersions(subjectType: string, subjectId: string, field: string): boolean {
  return reader.getStore()?.texts.has(keyOf(subjectType, subjectId, field)) ?? false;
}

/** Every version of one text (the preloaded ones and the record's own column, the original), for a form that edits it. */
export function allTextVersions(
  subjectType: string,
  subjectId: string,
  field: string,
  own: string,
): TextVersions & { original: TextLanguage } {
  const stored = reader.getStore()?.texts.get(keyOf(subjectType, subjectId, field));
  const original = stored?.original ?? "en";
  return { ...stored?.versions, [original]: own, original };
}

/**
 * A record's names kept on the record itself (`{ en, ru?, ar? }`, English the original), for the
 * reader being answered.
 */
export function localName(names: TextVersions & { en: string }): LocalizedText {
  return localize(names, "en", readerLanguage());
}

/**
 * Saves the versions of one text of a subject, replacing what was kept for that field: every version
 * given, the original marked. Called by operations in their transaction (the subject's own column
 * keeps the original text); a plain-string input (English only) leaves no row but clears old ones.
 */
export async function saveTextVersions(
  tx: Db,
  subject: { subjectType: string; subjectId: string; field: string; isDemo?: boolean },
  input: TextInput,
): Promise<{ text: string; original: TextLanguage }> {
  const { text, original, versions } = versionsOfInput(input);
  await tx
    .delete(textVersions)
    .where(
      and(
        eq(textVersions.subjectType, subject.subjectType),
        eq(textVersions.subjectId, subject.subjectId),
        eq(textVersions.field, subject.field),
      ),
    );
  const rows = textLanguages
    .filter((lang) => versions[lang] !== undefined && !(lang === "en" && original === "en"))
    .map((lang) => ({
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      field: subject.field,
      lang,
      text: versions[lang] as string,
      original: lang === original,
      isDemo: subject.isDemo ?? false,
    }));
  if (rows.length > 0) await tx.insert(textVersions).values(rows);
  return { text, original };
}

/**
 * Saves a text that may be left empty: its versions as `saveTextVersions` does, or, for `null`, none
 * (the versions of a text that was cleared must not outlive it).
 */
export async function saveOptionalTextVersions(
  tx: Db,
  subject: { subjectType: string; subjectId: string; field: string; isDemo?: boolean },
  input: TextInput | null | undefined,
): Promise<{ text: string; original: TextLanguage } | null> {
  if (input !== null && input !== undefined) return saveTextVersions(tx, subject, input);
  await tx
    .delete(textVersions)
    .where(
      and(
        eq(textVersions.subjectType, subject.subjectType),
        eq(textVersions.subjectId, subject.subjectId),
        eq(textVersions.field, subject.field),
      ),
    );
  return null;
}

/** Inserts many prepared versions at once (the demonstration record's translations). */
export async function insertTextVersions(
  tx: Db,
  rows: (typeof textVersions.$inferInsert)[],
): Promise<number> {
  for (let start = 0; start < rows.length; start += 1000)
    await tx.insert(textVersions).values(rows.slice(start, start + 1000));
  return rows.length;
}

/** Deletes the demonstration record's translations (`astana demo reset`). */
export async function deleteDemoTextVersions(tx: Db): Promise<void> {
  await tx.delete(textVersions).where(eq(textVersions.isDemo, true));
}

/** Whether any demonstration translation is stored. */
export async function anyDemoTextVersions(tx: Db): Promise<boolean> {
  const [row] = await tx
    .select({ found: sql<number>`1` })
    .from(textVersions)
    .where(eq(textVersions.isDemo, true))
    .limit(1);
  return row !== undefined;
}

/**
 * Every stored version of one subject type's texts, by subject id and field: what search indexes in
 * each language (a read for the whole record, outside any reader's language).
 */
export async function textVersionsOfType(
  db: Db,
  subjectType: string,
): Promise<Map<string, Map<string, TextVersions>>> {
  const bySubject = new Map<string, Map<string, TextVersions>>();
  for (const row of await db.select().from(textVersions).where(eq(textVersions.subjectType, subjectType))) {
    const fields = bySubject.get(row.subjectId) ?? new Map<string, TextVersions>();
    fields.set(row.field, { ...fields.get(row.field), [row.lang]: row.text });
    bySubject.set(row.subjectId, fields);
  }
  return bySubject;
}
