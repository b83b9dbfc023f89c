import { z } from "zod";
import { RecordRef, SearchText } from "./common.ts";

/** The languages a reader searches and reads in. */
export const SearchLanguage = z.enum(["en", "ru", "ar"]);
export type SearchLanguage = z.infer<typeof SearchLanguage>;

/** A kind of record, as the modules name them (`round`, `fact`, `source`, …). */
export const SearchKindName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "A kind is a lower-case name such as round, fact or source.");

/** `GET /api/search`: the words, the reader's language, optionally one kind and one process. */
export const SearchQuery = z.strictObject({
  q: SearchText(200).pipe(z.string().min(1, "Type a word or a name to search for.")),
  lang: SearchLanguage.default("en"),
  kind: SearchKindName.optional(),
  process: RecordRef.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A passage of a result: its text (plain, never markup) and the ranges of it that matched, `[start, end)` in UTF-16 units. */
export const SearchPassage = z.object({
  field: z.string(),
  /** The language the text is in: the reader's when the record has it, otherwise the one it has. */
  lang: SearchLanguage,
  text: z.string(),
  highlights: z.array(z.tuple([z.int().min(0), z.int().min(0)])),
});
export type SearchPassage = z.infer<typeof SearchPassage>;

export const SearchHit = z.object({
  kind: z.string(),
  subjectId: z.string(),
  processId: z.string().nullable(),
  title: SearchPassage,
  passages: z.array(SearchPassage),
  /** The page of the web app that shows the record. */
  path: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  kind: z.string(),
  /** How many records of this kind match (the group shows the best of them). */
  total: z.int(),
  hits: z.array(SearchHit),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResults = z.object({
  q: z.string(),
  lang: SearchLanguage,
  total: z.int(),
  groups: z.array(SearchGroup),
  /** Every kind that can be searched, for a filter. */
  kinds: z.array(z.string()),
});
export type SearchResults = z.infer<typeof SearchResults>;
