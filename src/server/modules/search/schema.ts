import { boolean, customType, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../platform/module.ts";

/** PostgreSQL's full-text vector (written by the index writer from each language's text). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The search index: one row per searchable record, derived from the modules' own tables (never a
 * record itself, rebuilt from them at will). Matched through `vector` (English, Russian and Arabic
 * configurations plus exact words, GIN) and `names` (folded titles and keywords, trigrams for partial
 * words and misspelt names); filtered by each kind's own tier rule in the query (for the public, the flag that rule set).
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    /** `kind:subjectId`. */
    id: text("id").primaryKey(),
    module: text("module").notNull(),
    kind: text("kind").notNull(),
    subjectId: text("subject_id").notNull(),
    processId: text("process_id"),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    passages: jsonb("passages").$type<{ field: string; text: LocalizedText }[]>().notNull(),
    path: text("path").notNull(),
    sortKey: text("sort_key").notNull().default(""),
    names: text("names").notNull(),
    vector: tsvector("vector").notNull(),
    /**
     * Whether the public may see the record, by its kind's own tier rule as of the last refresh (every
     * commit is followed by one): the public's searches filter on it alone; everyone else's add their
     * own rule in the query. Tiers only widen, so a stale flag can hide a record for a moment, never show one.
     */
    isPublic: boolean("is_public").notNull().default(false),
    /** A digest of the document as built, so a refresh rewrites only what changed. */
    digest: text("digest").notNull(),
    indexedAt: timestamp("indexed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("search_documents_vector_idx").using("gin", table.vector),
    index("search_documents_names_idx").using("gin", table.names.op("gin_trgm_ops")),
    index("search_documents_kind_idx").on(table.kind, table.subjectId),
  ],
);
