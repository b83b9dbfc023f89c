import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Tier } from "../../platform/schema.ts";

/**
 * What a fact, citation or conflict is about: a record of any module, named by type and id, so the
 * record can cite sources for anything without the other modules depending on it.
 */
export const subjectTypes = [
  "process",
  "process_decision",
  "round",
  "round_announcement",
  "round_participation",
  "role_change",
  "delegation_member",
  "meeting",
  "participant",
  "milestone",
  "fact",
  "conflict",
  "conflict_value",
] as const;
export type SubjectType = (typeof subjectTypes)[number];

export const conflictKinds = [
  "disagreement",
  "plan_changed",
  "naming_variant",
  "single_source",
  "ambiguity",
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
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
    isDemo: boolean("is_demo").notNull().default(false),
    ...timestamps,
  },
  (table) => [uniqueIndex("sources_url_key").on(table.url)],
);

/** One source cited for one field of one subject (`field` null: for the subject as a whole). */
export const citations = pgTable(
  "citations",
  {
    id: text("id").primaryKey(),
    subjectType: text("subject_type").$type<SubjectType>().notNull(),
    subjectId: text("subject_id").notNull(),
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
    subjectType: text("subject_type").$type<SubjectType>().notNull(),
    subjectId: text("subject_id").notNull(),
    kind: text("kind").$type<"outcome" | "fact">().notNull(),
    position: integer("position").notNull().default(0),
    text: text("text").notNull(),
    uncertain: boolean("uncertain").notNull().default(false),
    tier: text("tier").$type<Tier>().notNull().default("public"),
    isDemo: boolean("is_demo").notNull().default(false),
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
    subjectType: text("subject_type").$type<SubjectType>().notNull(),
    subjectId: text("subject_id").notNull(),
    kind: text("kind").$type<ConflictKind>().notNull(),
    field: text("field"),
    text: text("text").notNull(),
    note: text("note"),
    uncertain: boolean("uncertain").notNull().default(true),
    position: integer("position").notNull().default(0),
    tier: text("tier").$type<Tier>().notNull().default("public"),
    isDemo: boolean("is_demo").notNull().default(false),
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
    isDemo: boolean("is_demo").notNull().default(false),
    ...timestamps,
  },
  (table) => [uniqueIndex("milestones_process_slug_key").on(table.processId, table.slug)],
);
