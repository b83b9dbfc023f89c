import { SearchQuery, SearchResults } from "../../../../contracts/search.ts";
import { defineRead } from "../../../platform/read.ts";
import { ensureSearchIndexFresh } from "../freshness.ts";
import { searchRecord } from "../query.ts";

/**
 * `search.record.find`: the record searched in English, Russian and Arabic, grouped by kind. Every
 * kind is filtered by its own module's tier rule in the query, so the answer depends on who asks;
 * the index is brought up to date with every commit made before the request first.
 */
export const searchRead = defineRead({
  name: "search.record.find",
  path: "/search",
  summary: "Search the record",
  description:
    "Rounds, meetings, decisions, facts, conflicts, participants, people and sources (and what later modules add), " +
    "matched in English, Russian (with stemming) and Arabic (whatever the diacritics, hamza, alef forms and ta " +
    "marbuta), by part of a name too; grouped by kind, each group with its total and its best `limit` results, " +
    "passages as plain text with the matched ranges. Only what the caller may see.",
  tags: ["search"],
  query: SearchQuery,
  response: SearchResults,
  cache: "per-actor",
  load: async (db, actor, { query }) => {
    await ensureSearchIndexFresh(db);
    return searchRecord(db, actor, query);
  },
});
