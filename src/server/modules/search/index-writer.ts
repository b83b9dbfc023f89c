// Writes the search index from the documents every module's manifest gives (`search`). The index is
// derived data, like a cache: rebuilt from the records at will, never a record itself, so it is
// written here rather than by an audited operation (scripts/check-writes.ts allows this one file).
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { anonymous } from "../../platform/authz.ts";
import { arrayParameter } from "../../platform/bulk.ts";
import type { Db } from "../../platform/db.ts";
import type { LocalizedText, SearchDocument } from "../../platform/module.ts";
import { installedSearchKinds } from "../../platform/registry.ts";
import { exactWordsForIndex, foldForSearch } from "../../platform/search-text.ts";
import { searchDocuments } from "./schema.ts";
import { visibleKinds } from "./visibility.ts";

type Row = {
  id: string;
  module: string;
  kind: string;
  document: SearchDocument;
  /** Whether its titles are names (matched by part and by a similar spelling), not sentences. */
  names: boolean;
  digest: string;
};

const languages = ["en", "ru", "ar"] as const;

function textsIn(text: LocalizedText | undefined, language: (typeof languages)[number]): string {
  return text?.[language] ?? "";
}

/** The text of a document in one language: its title's and its passages' (title weighted above passages). */
function documentTexts(document: SearchDocument, titlesAreNames: boolean) {
  const body = (language: (typeof languages)[number]) =>
    (document.passages ?? []).map((passage) => textsIn(passage.text, language)).join("\n");
  const everything = [
    ...languages.map((language) => textsIn(document.title, language)),
    ...(document.keywords ?? []),
  ].join("\n");
  return {
    titleEn: foldForSearch(`${textsIn(document.title, "en")}\n${(document.keywords ?? []).join(" ")}`),
    titleRu: foldForSearch(textsIn(document.title, "ru")),
    titleAr: foldForSearch(textsIn(document.title, "ar")),
    bodyEn: foldForSearch(body("en")),
    bodyRu: foldForSearch(body("ru")),
    bodyAr: foldForSearch(body("ar")),
    exactTitle: exactWordsForIndex(everything),
    exactBody: exactWordsForIndex(languages.map(body).join("\n")),
    names: foldForSearch(titlesAreNames ? everything : (document.keywords ?? []).join("\n"))
      .replace(/\s+/g, " ")
      .trim(),
  };
}

/** Every document of the given modules (all when none are named), with its digest. */
async function buildDocuments(db: Db, modules: ReadonlySet<string> | "all"): Promise<Row[]> {
  const rows = new Map<string, Row>();
  for (const { kind, module, definition } of installedSearchKinds()) {
    if (modules !== "all" && !modules.has(module)) continue;
    for (const document of await definition.documents(db)) {
      rows.set(`${kind}:${document.subjectId}`, {
        id: `${kind}:${document.subjectId}`,
        module,
        kind,
        document,
        names: definition.names === true,
        digest: createHash("sha256").update(JSON.stringify(document)).digest("base64url"),
      });
    }
  }
  return [...rows.values()];
}

const rowsPerStatement = 2_000;

/** Writes documents (new or changed) with their vectors, as a few `INSERT … SELECT FROM unnest(…)` upserts. */
async function writeDocuments(db: Db, rows: Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const texts = chunk.map((row) => documentTexts(row.document, row.names));
    const column = (values: (string | null)[]) => sql`${arrayParameter(values)}::text[]`;
    await db.execute(sql`
      insert into ${searchDocuments}
        (id, module, kind, subject_id, process_id, title, passages, path, sort_key, names, vector, digest, indexed_at)
      select u.id, u.module, u.kind, u.subject_id, u.process_id, u.title::jsonb, u.passages::jsonb, u.path,
        u.sort_key, u.names,
        setweight(to_tsvector('english', u.title_en), 'A') || setweight(to_tsvector('english', u.body_en), 'B')
          || setweight(to_tsvector('russian', u.title_ru), 'A') || setweight(to_tsvector('russian', u.body_ru), 'B')
          || setweight(to_tsvector('arabic', u.title_ar), 'A') || setweight(to_tsvector('arabic', u.body_ar), 'B')
          || setweight(to_tsvector('simple', u.exact_title), 'A') || setweight(to_tsvector('simple', u.exact_body), 'B'),
        u.digest, now()
      from unnest(
        ${column(chunk.map((row) => row.id))}, ${column(chunk.map((row) => row.module))},
        ${column(chunk.map((row) => row.kind))}, ${column(chunk.map((row) => row.document.subjectId))},
        ${column(chunk.map((row) => row.document.processId))},
        ${column(chunk.map((row) => JSON.stringify(row.document.title)))},
        ${column(chunk.map((row) => JSON.stringify(row.document.passages ?? [])))},
        ${column(chunk.map((row) => row.document.path))}, ${column(chunk.map((row) => row.document.order ?? ""))},
        ${column(texts.map((text) => text.names))},
        ${column(texts.map((text) => text.titleEn))}, ${column(texts.map((text) => text.bodyEn))},
        ${column(texts.map((text) => text.titleRu))}, ${column(texts.map((text) => text.bodyRu))},
        ${column(texts.map((text) => text.titleAr))}, ${column(texts.map((text) => text.bodyAr))},
        ${column(texts.map((text) => text.exactTitle))}, ${column(texts.map((text) => text.exactBody))},
        ${column(chunk.map((row) => row.digest))}
      ) as u(id, module, kind, subject_id, process_id, title, passages, path, sort_key, names,
        title_en, body_en, title_ru, body_ru, title_ar, body_ar, exact_title, exact_body, digest)
      on conflict (id) do update set
        module = excluded.module, kind = excluded.kind, subject_id = excluded.subject_id,
        process_id = excluded.process_id, title = excluded.title, passages = excluded.passages,
        path = excluded.path, sort_key = excluded.sort_key, names = excluded.names, vector = excluded.vector,
        digest = excluded.digest, indexed_at = excluded.indexed_at`);
  }
}

/** What a refresh did. */
export type RefreshCounts = { documents: number; written: number; removed: number };

/**
 * Brings the index in line with the records: builds the documents of the given modules (those whose
 * operations committed; every module by default), writes those that are new or changed (by digest)
 * and removes those whose record is gone; then sets every row's public flag again. The cost is reading
 * the changed modules' records, not rewriting the index.
 */
export async function refreshSearchIndex(
  db: Db,
  modules: ReadonlySet<string> | "all" = "all",
): Promise<RefreshCounts> {
  const rows = await buildDocuments(db, modules);
  const stored = new Map(
    (
      await db
        .select({ id: searchDocuments.id, digest: searchDocuments.digest })
        .from(searchDocuments)
        .where(modules === "all" ? undefined : inArray(searchDocuments.module, [...modules, ""]))
    ).map((row) => [row.id, row.digest]),
  );
  const changed = rows
    .filter((row) => stored.get(row.id) !== row.digest)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const current = new Set(rows.map((row) => row.id));
  const gone = [...stored.keys()].filter((id) => !current.has(id)).sort();
  await writeDocuments(db, changed);
  for (let start = 0; start < gone.length; start += rowsPerStatement) {
    await db
      .delete(searchDocuments)
      .where(inArray(searchDocuments.id, gone.slice(start, start + rowsPerStatement)));
  }
  // Who may see a record can change without its text changing (a round announced): the public flag is
  // set again from every kind's own rule, for the public, at every refresh.
  const publicNow = visibleKinds(db, anonymous, installedSearchKinds());
  await db.execute(
    sql`update ${searchDocuments} set is_public = coalesce(${publicNow}, false)
      where is_public is distinct from coalesce(${publicNow}, false)`,
  );
  return { documents: rows.length, written: changed.length, removed: gone.length };
}
