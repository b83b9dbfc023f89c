// The search itself: the reader's words matched in SQL against the index (full text in English,
// Russian with stemming and Arabic normalized, exact words, and trigrams of names for part of a word or
// a misspelt name), each kind filtered by its own module's tier rule in the same query.
import { type SQL, sql } from "drizzle-orm";
import type { SearchGroup, SearchQuery, SearchResults } from "../../../contracts/search.ts";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import { BadRequest } from "../../platform/errors.ts";
import type { LocalizedText } from "../../platform/module.ts";
import { installedSearchKinds } from "../../platform/registry.ts";
import { foldForSearch, withoutArabicArticle, wordsOf } from "../../platform/search-text.ts";
import { findProcess } from "../core/index.ts";
import { type MatchTerms, matchTerms, passageOf } from "./highlight.ts";
import { searchDocuments } from "./schema.ts";
import { visibleInIndex } from "./visibility.ts";

type FoundRow = {
  kind: string;
  subject_id: string;
  process_id: string | null;
  title: LocalizedText;
  passages: { field: string; text: LocalizedText }[];
  path: string;
  score: number;
  total: number;
  /** The stems the database's configurations derive from the query, so a stemmed match is marked too. */
  stems: string[];
};

/** The query with each Arabic word also bare of its article, for the exact-word index. */
function withoutArticles(folded: string): string {
  let out = "";
  let at = 0;
  for (const { word, start, end } of wordsOf(folded)) {
    out += folded.slice(at, start) + withoutArabicArticle(word);
    at = end;
  }
  return out + folded.slice(at);
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Finds what the actor may see that matches the query, grouped by kind with each group's total and
 * its best `limit` results, every passage highlighted as ranges of plain text. An unknown kind is a
 * 400 naming the known ones; an unknown process a 404.
 */
export async function searchRecord(db: Db, actor: Actor, query: SearchQuery): Promise<SearchResults> {
  const allKinds = installedSearchKinds();
  const known = allKinds.map((entry) => entry.kind);
  if (query.kind && !known.includes(query.kind)) {
    throw new BadRequest(
      `Unknown kind "${query.kind}"; known kinds: ${known.join(", ")}.`,
      { kind: query.kind, known },
      "unknown_search_kind",
    );
  }
  const kinds = query.kind ? allKinds.filter((entry) => entry.kind === query.kind) : allKinds;
  const processId = query.process ? (await findProcess(db, query.process)).id : null;
  const folded = foldForSearch(query.q).trim();
  if (wordsOf(folded).length === 0) {
    throw new BadRequest("Type a word or a name to search for: the query has no letters or digits.", {
      q: query.q,
    });
  }
  const bare = withoutArticles(folded);
  const tsquery = sql`(websearch_to_tsquery('english', ${folded}) || websearch_to_tsquery('russian', ${folded})
    || websearch_to_tsquery('arabic', ${folded}) || websearch_to_tsquery('simple', ${bare}))`;
  const stems = sql`tsvector_to_array(to_tsvector('english', ${folded}) || to_tsvector('russian', ${folded})
    || to_tsvector('arabic', ${folded}))`;
  const where = sql`${visibleInIndex(db, actor, kinds)}
    ${query.kind ? sql`and search_documents.kind = ${query.kind}` : sql``}
    ${processId ? sql`and search_documents.process_id = ${processId}` : sql``}`;
  let rows = await findRows(
    db,
    sql`(search_documents.vector @@ q.query or ${partOfName(folded, "substring")})`,
    tsquery,
    stems,
    where,
    query.limit,
  );
  // Nothing by word or part of a name: try names spelt nearly alike (trigram similarity).
  if (rows.length === 0 && folded.length >= 4) {
    rows = await findRows(db, partOfName(folded, "similar"), tsquery, stems, where, query.limit);
  }
  const terms = matchTerms(query.q, rows[0]?.stems ?? []);
  return present(query, rows, terms, known);
}

/** Matches on the folded titles and keywords: containing the query (3 letters or more), or a similar word. */
function partOfName(folded: string, how: "substring" | "similar"): SQL {
  if (folded.length < 3) return sql`false`;
  return how === "substring"
    ? sql`search_documents.names ilike ${`%${likeLiteral(folded)}%`}`
    : sql`${folded} <% search_documents.names`;
}

/**
 * The best `limit` matches of each kind, with each kind's total: matched and ranked on the index's
 * narrow columns first, the shown columns read for the chosen rows only.
 */
async function findRows(
  db: Db,
  match: SQL,
  tsquery: SQL,
  stems: SQL,
  where: SQL,
  limit: number,
): Promise<FoundRow[]> {
  const result = await db.execute(sql`
    with q as (select ${tsquery} as query, ${stems} as stems),
    found as (
      select search_documents.id, search_documents.kind, search_documents.sort_key,
        case when search_documents.vector @@ q.query then 1 + ts_rank(search_documents.vector, q.query) else 0.5 end
          as score
      from ${searchDocuments}, q
      where ${match} and ${where}
    ),
    ranked as (
      select found.*, row_number() over (partition by kind order by score desc, sort_key, id) as rank,
        count(*) over (partition by kind) as total
      from found
    )
    select d.kind, d.subject_id, d.process_id, d.title, d.passages, d.path, ranked.score, ranked.total, q.stems
    from ranked join ${searchDocuments} d on d.id = ranked.id, q
    where ranked.rank <= ${limit} order by ranked.kind, ranked.rank`);
  return (result as unknown as { rows: FoundRow[] }).rows;
}

function present(query: SearchQuery, rows: FoundRow[], terms: MatchTerms, kinds: string[]): SearchResults {
  const groups = new Map<string, SearchGroup>();
  for (const row of rows) {
    const title = passageOf("title", row.title, query.lang, terms, { preferReader: true });
    if (!title) continue;
    const passages = row.passages
      .map((passage) => passageOf(passage.field, passage.text, query.lang, terms))
      .filter((passage) => passage?.matched)
      .slice(0, 3)
      .map((passage) => {
        const { matched: _, ...shown } = passage as NonNullable<typeof passage>;
        return shown;
      });
    const group = groups.get(row.kind) ?? { kind: row.kind, total: Number(row.total), hits: [] };
    const { matched: _, ...shownTitle } = title;
    group.hits.push({
      kind: row.kind,
      subjectId: row.subject_id,
      processId: row.process_id,
      title: shownTitle,
      passages,
      path: row.path,
      score: Math.round(Number(row.score) * 1000) / 1000,
    });
    groups.set(row.kind, group);
  }
  // Kinds in the order of their best result, so the group most likely wanted comes first.
  const ordered = [...groups.values()].sort((a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0));
  return {
    q: query.q,
    lang: query.lang,
    total: ordered.reduce((sum, group) => sum + group.total, 0),
    groups: ordered,
    kinds,
  };
}
