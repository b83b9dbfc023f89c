// What the record makes searchable (its manifest's `search`): facts and outcomes, conflicts with each
// value, milestones and sources, each hidden by the record's own rules in SQL (a fact or conflict by
// its tier and its subject's visibility, a source by what visible cites it).
import { and, asc, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Actor, visibleTo } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { LocalizedText, SearchDocument, SearchKindDefinition } from "../../platform/module.ts";
import { textVersionsOfType } from "../../platform/text-versions.ts";
import { conflicts, conflictValues, facts, milestones, sources } from "./schema.ts";
import { sourcesVisibleTo, subjectVisibleTo } from "./subjects.ts";

const english = (text: string | null | undefined): LocalizedText => ({ en: text ?? null });

/** A title short enough for a list; the whole text is then a passage. */
function titled(text: string): { title: LocalizedText; passages: { field: string; text: LocalizedText }[] } {
  if (text.length <= 160) return { title: english(text), passages: [] };
  return { title: english(`${text.slice(0, 159)}…`), passages: [{ field: "text", text: english(text) }] };
}

/** The page that shows what a fact or conflict is about. */
function pageOf(subjectType: string, subjectId: string, processId: string | null): string {
  if (subjectType === "round") return `/rounds/${subjectId}`;
  if (subjectType === "meeting") return `/meetings/${subjectId}`;
  if (subjectType === "participant") return `/participants/${subjectId}`;
  if (subjectType === "process") return `/processes/${subjectId}`;
  return processId ? `/processes/${processId}` : "/processes";
}

/** The Russian and Arabic versions the record keeps of one field of a subject type, by subject id. */
async function translationsOf(db: Db, subjectType: string, field: string) {
  const versions = await textVersionsOfType(db, subjectType);
  return (subjectId: string) => {
    const kept = versions.get(subjectId)?.get(field);
    return kept?.ru || kept?.ar
      ? [{ field: "translation", text: { ru: kept.ru ?? null, ar: kept.ar ?? null } }]
      : [];
  };
}

async function factDocuments(db: Db): Promise<SearchDocument[]> {
  const translated = await translationsOf(db, "fact", "text");
  return (await db.select().from(facts)).map((row) => ({
    subjectId: row.id,
    processId: row.processId,
    ...titled(row.text),
    passages: [...titled(row.text).passages, ...translated(row.id)],
    keywords: [row.kind],
    path: pageOf(row.subjectType, row.subjectId, row.processId),
  }));
}

async function conflictDocuments(db: Db): Promise<SearchDocument[]> {
  const values = new Map<string, string[]>();
  for (const row of await db.select().from(conflictValues).orderBy(asc(conflictValues.position))) {
    values.set(row.conflictId, [...(values.get(row.conflictId) ?? []), row.value]);
  }
  return (await db.select().from(conflicts)).map((row) => {
    const { title, passages } = titled(row.text);
    return {
      subjectId: row.id,
      processId: row.processId,
      title,
      passages: [
        ...passages,
        ...(values.get(row.id) ?? []).map((value) => ({ field: "value", text: english(value) })),
        ...(row.note ? [{ field: "note", text: english(row.note) }] : []),
      ],
      path: row.processId ? `/processes/${row.processId}/conflicts` : "/processes",
    };
  });
}

async function milestoneDocuments(db: Db): Promise<SearchDocument[]> {
  const versions = await textVersionsOfType(db, "milestone");
  return (await db.select().from(milestones)).map((row) => ({
    subjectId: row.id,
    processId: row.processId,
    title: {
      en: row.title,
      ru: versions.get(row.id)?.get("title")?.ru ?? null,
      ar: versions.get(row.id)?.get("title")?.ar ?? null,
    },
    path: `/processes/${row.processId}`,
    order: row.occurredOn ?? "",
  }));
}

/** A source's title in the language the source is written in, when it is one of ours. */
function inSourceLanguage(text: string, language: string | null): LocalizedText {
  const code = language?.toLowerCase().slice(0, 2);
  return code === "ru" || code === "ar" ? { [code]: text } : { en: text };
}

async function sourceDocuments(db: Db): Promise<SearchDocument[]> {
  return (await db.select().from(sources)).map((row) => {
    let host = "";
    try {
      host = new URL(row.url).hostname;
    } catch {
      // an address that does not parse is still searchable by its publisher
    }
    return {
      subjectId: row.id,
      processId: null,
      title: inSourceLanguage(row.title ?? row.publisher, row.language),
      passages: [{ field: "publisher", text: english(row.publisher) }],
      keywords: [host, row.publishedAsShown ?? ""].filter(Boolean),
      // The source itself, when it is a web address; its own page otherwise does not exist.
      path: /^https?:\/\//i.test(row.url) ? row.url : "/processes",
      order: row.published ?? "",
    };
  });
}

/** Visible when the row's own tier and the visibility of what it is about both allow it. */
function visibleRecord(
  table: typeof facts | typeof conflicts,
): (db: Db, actor: Actor, subjectId: AnyPgColumn) => SQL {
  return (db, actor, subjectId) =>
    sql`${subjectId} in ${db
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          visibleTo(actor, { tier: table.tier, processId: table.processId }),
          subjectVisibleTo(db, actor, table),
        ),
      )}`;
}

/** The record's searchable kinds, for its manifest. */
export const recordSearch: Record<string, SearchKindDefinition> = {
  fact: { documents: factDocuments, visible: visibleRecord(facts) },
  conflict: { documents: conflictDocuments, visible: visibleRecord(conflicts) },
  milestone: {
    names: true,
    documents: milestoneDocuments,
    visible: (db, actor, subjectId) =>
      sql`${subjectId} in ${db
        .select({ id: milestones.id })
        .from(milestones)
        .where(visibleTo(actor, { tier: milestones.tier, processId: milestones.processId }))}`,
  },
  source: {
    documents: sourceDocuments,
    visible: (db, actor, subjectId) => sourcesVisibleTo(db, actor, subjectId),
  },
};
