// The humanitarian tables (issue 18): cases and their status history, the sides' uploaded lists and their
// rows, matching runs and their candidates, exchanges and the people released in them.
//
// Every personal field (names in both scripts, mother's name, sex, birth, origin, the date and place of
// detention or disappearance, status evidence) is kept only inside `personal`/`evidence`: one AES-256-GCM
// ciphertext (platform/personal-data.ts) whose key lives outside the database. What stays in clear is what the
// working group counts and filters by: process, side, kind, status, dates of changes, tiers — and a
// `fingerprint`, a keyed HMAC of the normalised personal fields, so an exact duplicate is found without
// decrypting, and the fingerprint tells nothing to whoever lacks the key.
import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type * as enums from "../../../contracts/humanitarian-enums.ts";
import { demoFlag, timestamps } from "../../platform/columns.ts";
import type { Tier } from "../../platform/schema.ts";

type SourceRef = { url: string; title?: string | null };
type Conflict = { text: string; field?: string | null; values?: { value: string; sources: number[] }[] };
/** A validation finding on a row, without the row's values: `{ field, code }` (e.g. mixed_scripts). */
type RowFlag = { field: string; code: string };

/** Withdrawal in place of deletion: nothing personal is ever physically deleted. */
const withdrawal = {
  withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  withdrawnBy: text("withdrawn_by"),
  withdrawnReason: text("withdrawn_reason"),
};

/**
 * A side's uploaded list. Read by its side (`delegationId`), the neutral intermediary (tier
 * `intermediary`) and, when `sharing` is `working_group`, the guarantors and the UN; never by the
 * other side. The same file (its SHA-256) is refused a second time in a process.
 */
export const humLists = pgTable(
  "hum_lists",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    delegationId: text("delegation_id").notNull(),
    participantId: text("participant_id").notNull(),
    tier: text("tier").$type<Tier>().notNull().default("intermediary"),
    sharing: text("sharing").$type<enums.ListSharing>().notNull().default("side"),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    format: text("format").$type<"csv" | "xlsx">().notNull(),
    encoding: text("encoding").notNull(),
    contentHash: text("content_hash").notNull(),
    rows: integer("rows").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    submittedBy: text("submitted_by"),
    submittedByLabel: text("submitted_by_label").notNull(),
    ...withdrawal,
    ...demoFlag,
    ...timestamps,
  },
  (table) => [
    index("hum_lists_process_idx").on(table.processId, table.delegationId),
    uniqueIndex("hum_lists_content_idx").on(table.processId, table.contentHash),
  ],
);

/** A row of a list: its personal fields encrypted, its row number, flags, and the case it became. */
export const humListEntries = pgTable(
  "hum_list_entries",
  {
    id: text("id").primaryKey(),
    listId: text("list_id")
      .notNull()
      .references(() => humLists.id),
    processId: text("process_id").notNull(),
    delegationId: text("delegation_id").notNull(),
    rowNumber: integer("row_number").notNull(),
    kind: text("kind").$type<enums.CaseKind>().notNull(),
    personal: text("personal").notNull(),
    fingerprint: text("fingerprint").notNull(),
    flags: jsonb("flags").$type<RowFlag[]>().notNull().default([]),
    caseId: text("case_id"),
    ...withdrawal,
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("hum_list_entries_list_idx").on(table.listId, table.rowNumber),
    index("hum_list_entries_case_idx").on(table.caseId),
  ],
);

/**
 * The scratch rows of a list being imported (platform/staging.ts): the valid rows of a file as it is
 * read, staged by COPY in short transactions, merged by humanitarian.list.import and removed when the
 * import ends. A row's personal fields arrive sealed once (`entryPersonal`, bound to `entryId`), so
 * nothing personal is ever in clear here; the merge moves that ciphertext as it is into the list row
 * and into the case the row creates, which takes the row's id (an imported case's id is its list row's
 * id), so the one ciphertext opens in both tables and nowhere else. A row naming a case the side already
 * registered keeps its own ciphertext beside that case's: the case may since have been corrected, and
 * the row must still say what the file said.
 */
export const humImportRows = pgTable(
  "hum_import_rows",
  {
    stagingId: text("staging_id").notNull(),
    seq: integer("seq").notNull(),
    rowNumber: integer("row_number").notNull(),
    kind: text("kind").$type<enums.CaseKind>().notNull(),
    fingerprint: text("fingerprint").notNull(),
    entryId: text("entry_id").notNull(),
    entryPersonal: text("entry_personal").notNull(),
    /** Set by the merge when the side already registered this person (that case); null: the row creates its case. */
    caseId: text("case_id"),
    /** The row's flags; null when it has none (most rows: no JSON to parse while staging). */
    flags: jsonb("flags").$type<RowFlag[]>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.stagingId, table.seq] })],
);

/**
 * A person detained, abducted, missing or deceased, submitted by a side. Read as its list would be
 * (tier `intermediary` with the side's delegation, `sharing` for the working group). `status` is the
 * latest of its history, kept here to count and filter. A case a list import creates takes its row's id
 * (`listEntryId` = `id`; earlier imports gave it one of its own) and, until corrected, the row's
 * ciphertext, bound to that id.
 */
export const humCases = pgTable(
  "hum_cases",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    delegationId: text("delegation_id").notNull(),
    participantId: text("participant_id").notNull(),
    tier: text("tier").$type<Tier>().notNull().default("intermediary"),
    sharing: text("sharing").$type<enums.ListSharing>().notNull().default("side"),
    kind: text("kind").$type<enums.CaseKind>().notNull(),
    status: text("status").$type<enums.CaseStatus>().notNull().default("listed"),
    personal: text("personal").notNull(),
    fingerprint: text("fingerprint").notNull(),
    listEntryId: text("list_entry_id"),
    version: integer("version").notNull().default(1),
    ...withdrawal,
    ...demoFlag,
    ...timestamps,
  },
  (table) => [
    index("hum_cases_process_idx").on(table.processId, table.delegationId, table.status),
    index("hum_cases_fingerprint_idx").on(table.processId, table.fingerprint),
    uniqueIndex("hum_cases_entry_idx").on(table.listEntryId).where(sql`${table.listEntryId} is not null`),
  ],
);

/** A step of a case's status history: from what to what, who, when, and the evidence (encrypted). */
export const humCaseStatus = pgTable(
  "hum_case_status",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => humCases.id),
    fromStatus: text("from_status").$type<enums.CaseStatus>(),
    status: text("status").$type<enums.CaseStatus>().notNull(),
    evidence: text("evidence"),
    exchangeId: text("exchange_id"),
    byAccountId: text("by_account_id"),
    byLabel: text("by_label").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("hum_case_status_case_idx").on(table.caseId, table.at)],
);

/**
 * A matching run: a list against another list, or against the existing cases (`rightListId` null),
 * or a list against itself (`duplicates`), run as a platform job (`jobId`). Read by the intermediary.
 */
export const humMatchRuns = pgTable(
  "hum_match_runs",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    tier: text("tier").$type<Tier>().notNull().default("intermediary"),
    mode: text("mode").$type<"lists" | "cases" | "duplicates">().notNull(),
    leftListId: text("left_list_id").notNull(),
    rightListId: text("right_list_id"),
    jobId: text("job_id"),
    state: text("state").$type<enums.MatchRunState>().notNull().default("queued"),
    threshold: doublePrecision("threshold"),
    candidates: integer("candidates").notNull().default(0),
    requestedBy: text("requested_by"),
    requestedByLabel: text("requested_by_label").notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("hum_match_runs_process_idx").on(table.processId, table.createdAt)],
);

/**
 * A candidate match: two list entries, or an entry and a case, with the score and the per-field verdicts
 * (verdicts only, never the names). Pending until a person confirms or rejects it, saying why.
 */
export const humMatchCandidates = pgTable(
  "hum_match_candidates",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => humMatchRuns.id),
    processId: text("process_id").notNull(),
    leftEntryId: text("left_entry_id"),
    leftCaseId: text("left_case_id"),
    rightEntryId: text("right_entry_id"),
    rightCaseId: text("right_case_id"),
    score: doublePrecision("score").notNull(),
    fields: jsonb("fields")
      .$type<{ field: string; verdict: string; similarity?: number }[]>()
      .notNull()
      .default([]),
    state: text("state").$type<enums.CandidateState>().notNull().default("pending"),
    decidedBy: text("decided_by"),
    decidedByLabel: text("decided_by_label"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("hum_match_candidates_run_idx").on(table.runId, table.state, table.score),
    index("hum_match_candidates_process_idx").on(table.processId, table.state),
  ],
);

/**
 * An exchange: planned here with the people each side releases (`operation`), or a past exchange known
 * by its date, place and counts from public sources (`aggregate`, no names). `ratio` is N for M: the
 * first side (`firstDelegationId`) releases N, the second M.
 */
export const humExchanges = pgTable(
  "hum_exchanges",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    tier: text("tier").$type<Tier>().notNull(),
    kind: text("kind").$type<enums.ExchangeKind>().notNull(),
    externalId: text("external_id"),
    sequence: integer("sequence"),
    title: text("title"),
    on: date("on"),
    dateNote: text("date_note"),
    place: text("place"),
    intermediaryParticipantId: text("intermediary_participant_id"),
    intermediaryName: text("intermediary_name"),
    guarantorParticipantIds: jsonb("guarantor_participant_ids").$type<string[]>().notNull().default([]),
    firstDelegationId: text("first_delegation_id"),
    secondDelegationId: text("second_delegation_id"),
    firstReleases: integer("first_releases"),
    secondReleases: integer("second_releases"),
    firstSideLabel: text("first_side_label"),
    secondSideLabel: text("second_side_label"),
    state: text("state").$type<enums.ExchangeState>().notNull().default("planned"),
    sources: jsonb("sources").$type<SourceRef[]>().notNull().default([]),
    conflicts: jsonb("conflicts").$type<Conflict[]>().notNull().default([]),
    note: text("note"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledReason: text("cancelled_reason"),
    createdBy: text("created_by_label"),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [
    index("hum_exchanges_process_idx").on(table.processId, table.on),
    uniqueIndex("hum_exchanges_external_idx").on(table.processId, table.externalId),
  ],
);

/** A person (a case) a side releases in an exchange; the intermediary confirms each release one by one. */
export const humExchangePeople = pgTable(
  "hum_exchange_people",
  {
    id: text("id").primaryKey(),
    exchangeId: text("exchange_id")
      .notNull()
      .references(() => humExchanges.id),
    caseId: text("case_id")
      .notNull()
      .references(() => humCases.id),
    releasingDelegationId: text("releasing_delegation_id").notNull(),
    addedBy: text("added_by_label").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: text("confirmed_by"),
    confirmedByLabel: text("confirmed_by_label"),
    ...withdrawal,
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("hum_exchange_people_idx").on(table.exchangeId, table.caseId),
    index("hum_exchange_people_case_idx").on(table.caseId),
  ],
);
