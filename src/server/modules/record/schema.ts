import { boolean, date, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { ConflictKind, Tier } from "../../../contracts/enums.ts";
import { demoFlag, timestamps } from "../../platform/columns.ts";

export type { ConflictKind } from "../../../contracts/enums.ts";

/** A subject type, as the modules' manifests give them (checked against the registry, not the schema). */
export type SubjectType = string;

/** What a citation, fact or conflict is about: a record of any module, by type and id (no foreign key). */
const subject = {
  subjectType: text("subject_type").$type<SubjectType>().notNull(),
  subjectId: text("subject_id").notNull(),
};

/** A published source: a report, a statement, a press release. Its publisher is part of the citation. */
export const sources = pgTable(
  "sources",
  {
    id: text("id").primaryKey(),
    url: text("url").notNull(),
    title: text("title"),
    publisher: text("publisher").notNull(),
    publishedAsShown: text("published_as_shown"),
    published: date("published"),
    language: text("language"),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [uniqueIndex("sources_url_key").on(table.url)],
);

/** One source cited for one field of one subject (`field` null: for the subject as a whole). */
export const citations = pgTable(
  "citations",
  {
    id: text("id").primaryKey(),
    ...subject,
    field: text("field").notNull().default(""),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (table) => [
    uniqueIndex("citations_key").on(table.subjectType, table.subjectId, table.field, table.sourceId),
    index("citations_source_idx").on(table.sourceId),
  ],
);

/**
 * A statement of the record about a subject: an outcome of a round, a fact about a meeting or a
 * milestone. Each cites its sources; `uncertain` marks what is contested or rests on one source.
 */
export const facts = pgTable(
  "facts",
  {
    id: text("id").primaryKey(),
    processId: text("process_id"),
    ...subject,
    kind: text("kind").$type<"outcome" | "fact">().notNull(),
    position: integer("position").notNull().default(0),
    text: text("text").notNull(),
    uncertain: boolean("uncertain").notNull().default(false),
    tier: text("tier").$type<Tier>().notNull().default("public"),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [index("facts_subject_idx").on(table.subjectType, table.subjectId)],
);

/**
 * Where sources disagree (or one source leaves a fact open), the record keeps each value with the
 * sources that give it, typed by kind; an announced date that later changed is `plan_changed`.
 */
export const conflicts = pgTable(
  "conflicts",
  {
    id: text("id").primaryKey(),
    processId: text("process_id"),
    ...subject,
    kind: text("kind").$type<ConflictKind>().notNull(),
    field: text("field"),
    text: text("text").notNull(),
    note: text("note"),
    uncertain: boolean("uncertain").notNull().default(true),
    position: integer("position").notNull().default(0),
    tier: text("tier").$type<Tier>().notNull().default("public"),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [index("conflicts_subject_idx").on(table.subjectType, table.subjectId)],
);

/** One of the values a conflict sets side by side; its sources are citations of subject `conflict_value`. */
export const conflictValues = pgTable(
  "conflict_values",
  {
    id: text("id").primaryKey(),
    conflictId: text("conflict_id")
      .notNull()
      .references(() => conflicts.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    value: text("value").notNull(),
  },
  (table) => [index("conflict_values_conflict_idx").on(table.conflictId)],
);

/** A dated event of a process's history that is not a meeting: its origin, conclusion, resumption. */
export const milestones = pgTable(
  "milestones",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    slug: text("slug").notNull(),
    occurredOn: date("occurred_on"),
    occurredPrecision: text("occurred_precision").notNull().default("day"),
    title: text("title").notNull(),
    tier: text("tier").$type<Tier>().notNull().default("public"),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [uniqueIndex("milestones_process_slug_key").on(table.processId, table.slug)],
);
