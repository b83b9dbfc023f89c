import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { Tier } from "../../contracts/enums.ts";
import { user } from "./auth-schema.ts";

export { type Tier, tiers } from "../../contracts/enums.ts";

/**
 * The append-only audit log. Each entry's hash covers its content and the previous entry's hash,
 * so an edited or deleted row breaks the chain from that point on (`astana audit verify`).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    processId: text("process_id"),
    delegationId: text("delegation_id"),
    tier: text("tier").$type<Tier>().notNull(),
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_log_action_idx").on(table.action),
    index("audit_log_actor_idx").on(table.actorId),
    index("audit_log_subject_idx").on(table.subjectType, table.subjectId),
    index("audit_log_at_idx").on(table.at),
  ],
);

/**
 * Events written in the same transaction as the change they describe, published after commit by
 * NOTIFY and pushed to browsers over Server-Sent Events, each filtered by its tier.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    type: text("type").notNull(),
    processId: text("process_id"),
    delegationId: text("delegation_id"),
    tier: text("tier").$type<Tier>().notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [index("outbox_at_idx").on(table.at)],
);

/**
 * Personal API tokens: a script acts as its owner, narrowed to the token's scope. Only a SHA-256
 * hash of the token is kept (the token itself is 256 random bits, shown once), so a copy of the
 * database does not hand out working tokens.
 */
export const apiToken = pgTable(
  "api_token",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /**
     * `read`: GET only; `write`: whatever the owner (or the scoped delegation) may do; `feed`: only the
     * routes that declare themselves feeds, and only as `?token=` (feed readers cannot send headers).
     */
    access: text("access").$type<"read" | "write" | "feed">().notNull(),
    /** When set, the token acts only as a member of this one delegation, never as an administrator. */
    delegationId: text("delegation_id"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    /** When a request last came with it (kept to the minute, so a polling feed reader costs no write per poll). */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("api_token_account_idx").on(table.accountId)],
);

/**
 * The versions of a record's texts in other languages than the one stored on the record itself
 * (`platform/text-versions.ts`): one row per subject, field and language. The record's own column
 * keeps the original; a row marked `original` says which language that is when it is not English.
 * Every module's texts live here, so search indexes one table; rows are read only for subjects a
 * tier-filtered query already returned.
 */
export const textVersions = pgTable(
  "text_versions",
  {
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    field: text("field").notNull(),
    lang: text("lang").$type<"en" | "ru" | "ar">().notNull(),
    text: text("text").notNull(),
    original: boolean("original").notNull().default(false),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.subjectType, table.subjectId, table.field, table.lang] }),
    index("text_versions_lang_idx").on(table.lang),
  ],
);

/**
 * Background jobs (`platform/jobs.ts`): work started by an operation and run off the request (a
 * solver, an import, a matching), with its progress, its result or error, and who may follow it
 * (`tier`, `processId`, `delegationId`, by the tier rule like any record).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    state: text("state").$type<"queued" | "running" | "succeeded" | "failed" | "cancelled">().notNull(),
    input: jsonb("input").notNull().default(sql`'{}'::jsonb`),
    progress: doublePrecision("progress").notNull().default(0),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
    result: jsonb("result"),
    error: jsonb("error"),
    tier: text("tier").$type<Tier>().notNull(),
    processId: text("process_id"),
    delegationId: text("delegation_id"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    startedBy: text("started_by").notNull(),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    /** Set by the job in the transaction that makes its work permanent: from then on it cannot be cancelled. */
    sealedAt: timestamp("sealed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("jobs_subject_idx").on(table.subjectType, table.subjectId, table.createdAt)],
);
