// The negotiated texts' tables: documents, their paragraphs (stable eId, order key), proposals, brackets
// and their options, positions, approvals, frozen versions and the domain event log.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type * as enums from "../../../contracts/texts.ts";
import { timestamps } from "../../platform/columns.ts";
import type { Tier } from "../../platform/schema.ts";

const documentColumn = () =>
  text("document_id")
    .notNull()
    .references(() => textDocuments.id, { onDelete: "cascade" });

/**
 * A negotiated document of a round (a joint statement, a memorandum…). `tier` is the draft's tier (the
 * secretariat and the facilitators named here see it too); a published document is public. `ruleParticipantIds`
 * is the consensus rule resolved when the document was created: the participants who must approve.
 * `textVersion` rises by one with every change of the text: every change names the version it was based on.
 */
export const textDocuments = pgTable(
  "text_documents",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    roundId: text("round_id").notNull(),
    kind: text("kind").$type<enums.DocumentKind>().notNull(),
    title: text("title").notNull(),
    language: text("language").notNull().default("en"),
    status: text("status").$type<enums.DocumentStatus>().notNull().default("draft"),
    tier: text("tier").$type<Tier>().notNull(),
    ruleRoles: jsonb("rule_roles").$type<enums.RuleRole[]>().notNull(),
    ruleParticipantIds: jsonb("rule_participant_ids").$type<string[]>().notNull(),
    facilitatorParticipantIds: jsonb("facilitator_participant_ids")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Standing delegations outside the tier that read the draft (the secretariat's, the facilitators'): live events go to them. */
    readerDelegationIds: jsonb("reader_delegation_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    textVersion: integer("text_version").notNull().default(1),
    adoptedVersion: integer("adopted_version"),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }),
    adoptedBy: jsonb("adopted_by").$type<string[]>(),
    publishedOn: date("published_on"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index("text_documents_round_idx").on(table.roundId),
    index("text_documents_process_idx").on(table.processId),
  ],
);

/**
 * A paragraph. `eId` is its stable key (survives renumbering and moves, as Akoma Ntoso's); `orderKey`
 * places it; numbers are computed by the presenter. A removed paragraph stays (with `removedInVersion`)
 * so history and proposals made against it keep their meaning.
 */
export const textParagraphs = pgTable(
  "text_paragraphs",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    eId: text("e_id").notNull(),
    kind: text("kind").$type<enums.ParagraphKind>().notNull(),
    orderKey: doublePrecision("order_key").notNull(),
    body: text("body").notNull(),
    state: text("state").$type<enums.ParagraphState>().notNull().default("draft"),
    createdInVersion: integer("created_in_version").notNull(),
    revisedInVersion: integer("revised_in_version").notNull(),
    removedInVersion: integer("removed_in_version"),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("text_paragraphs_eid_key").on(table.documentId, table.eId),
    index("text_paragraphs_document_idx").on(table.documentId, table.orderKey),
  ],
);

/**
 * A delegation's proposal against the version it was made on: insert a paragraph after another, delete
 * one, replace a span of characters [start, end) of a paragraph (word-aligned by the client), add an
 * alternative to a bracket, or amend another proposal. It always ends in a recorded state.
 */
export const textProposals = pgTable(
  "text_proposals",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    kind: text("kind").$type<enums.ProposalKind>().notNull(),
    paragraphId: text("paragraph_id").references(() => textParagraphs.id),
    afterParagraphId: text("after_paragraph_id").references(() => textParagraphs.id),
    paragraphKind: text("paragraph_kind").$type<enums.ParagraphKind>(),
    spanStart: integer("span_start"),
    spanEnd: integer("span_end"),
    spanText: text("span_text"),
    text: text("text"),
    bracketId: text("bracket_id"),
    amendsProposalId: text("amends_proposal_id"),
    authorParticipantId: text("author_participant_id").notNull(),
    authorDelegationId: text("author_delegation_id"),
    rationale: text("rationale"),
    baseVersion: integer("base_version").notNull(),
    state: text("state").$type<enums.ProposalState>().notNull().default("open"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    ...timestamps,
  },
  (table) => [index("text_proposals_document_idx").on(table.documentId, table.createdAt)],
);

/** A bracket: a span [start, end) of a paragraph's body with two or more options; resolved when one is chosen. */
export const textBrackets = pgTable(
  "text_brackets",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    paragraphId: text("paragraph_id")
      .notNull()
      .references(() => textParagraphs.id),
    spanStart: integer("span_start").notNull(),
    spanEnd: integer("span_end").notNull(),
    state: text("state").$type<"open" | "resolved">().notNull().default("open"),
    resolvedOptionId: text("resolved_option_id"),
    createdInVersion: integer("created_in_version").notNull(),
    resolvedInVersion: integer("resolved_in_version"),
    ...timestamps,
  },
  (table) => [
    index("text_brackets_paragraph_idx").on(table.paragraphId),
    check(
      "text_brackets_span_ordered",
      sql`${table.spanEnd} >= ${table.spanStart} and ${table.spanStart} >= 0`,
    ),
  ],
);

/** One option of a bracket: a wording (or deleting the span), attributed to who proposed it. */
export const textBracketOptions = pgTable(
  "text_bracket_options",
  {
    id: text("id").primaryKey(),
    bracketId: text("bracket_id")
      .notNull()
      .references(() => textBrackets.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    isDelete: boolean("is_delete").notNull().default(false),
    text: text("text").notNull(),
    /** Who proposed it; empty for the wording that stood in the draft. */
    proposedBy: jsonb("proposed_by").$type<string[]>().notNull(),
    proposalId: text("proposal_id"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("text_bracket_options_bracket_idx").on(table.bracketId)],
);

/** A delegation's position on one option of a bracket. */
export const textPositions = pgTable(
  "text_positions",
  {
    id: text("id").primaryKey(),
    optionId: text("option_id")
      .notNull()
      .references(() => textBracketOptions.id, { onDelete: "cascade" }),
    participantId: text("participant_id").notNull(),
    stance: text("stance").$type<enums.Stance>().notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex("text_positions_key").on(table.optionId, table.participantId)],
);

/** A participant named by the rule approving the text as it stood at `version`; it counts for that version only. */
export const textApprovals = pgTable(
  "text_approvals",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    participantId: text("participant_id").notNull(),
    version: integer("version").notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex("text_approvals_key").on(table.documentId, table.participantId)],
);

/**
 * A snapshot of the whole text at a version: the adopted one is frozen (`kind = adopted`) and carries
 * the participants that adopted it. Later slices compare versions (redline) and export them.
 */
export const textVersions = pgTable(
  "text_document_versions",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    number: integer("number").notNull(),
    kind: text("kind").$type<"adopted" | "snapshot">().notNull(),
    snapshot: jsonb("snapshot").$type<enums.TextSnapshot>().notNull(),
    adoptedBy: jsonb("adopted_by").$type<string[]>(),
    ...timestamps,
  },
  (table) => [uniqueIndex("text_document_versions_key").on(table.documentId, table.number, table.kind)],
);

/**
 * The domain history: every change as an event with its time and the version it produced; a change to a
 * paragraph carries the paragraph as it stood after it (body, kind, order, state, brackets), so the text
 * as it stood at any moment is rebuilt from the events up to that moment. (The audit log says who did
 * what; this says what the text was.)
 */
export const textEvents = pgTable(
  "text_events",
  {
    id: serial("id").primaryKey(),
    documentId: documentColumn(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull(),
    type: text("type").notNull(),
    paragraphId: text("paragraph_id"),
    proposalId: text("proposal_id"),
    participantId: text("participant_id"),
    paragraph: jsonb("paragraph").$type<enums.ParagraphSnapshot>(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [index("text_events_document_idx").on(table.documentId, table.at)],
);

/**
 * A delegation's comment on a paragraph (the fourth column of the trilogue layout): any delegation that
 * reads the draft may comment; comments never change the text, so they carry no version of their own.
 */
export const textComments = pgTable(
  "text_comments",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    paragraphId: text("paragraph_id")
      .notNull()
      .references(() => textParagraphs.id),
    authorParticipantId: text("author_participant_id").notNull(),
    authorAccountId: text("author_account_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    /** The text's version when the comment was made: what it was about. */
    onVersion: integer("on_version").notNull(),
    ...timestamps,
  },
  (table) => [index("text_comments_paragraph_idx").on(table.paragraphId, table.createdAt)],
);

/**
 * The pen-holder's compromise wording for a paragraph (the third column): a suggestion written between
 * the proposals, not yet the text; the newest one stands, earlier ones stay as the record of the talks.
 */
export const textCompromises = pgTable(
  "text_compromises",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    paragraphId: text("paragraph_id")
      .notNull()
      .references(() => textParagraphs.id),
    body: text("body").notNull(),
    note: text("note"),
    authorParticipantId: text("author_participant_id"),
    onVersion: integer("on_version").notNull(),
    ...timestamps,
  },
  (table) => [index("text_compromises_paragraph_idx").on(table.paragraphId, table.createdAt)],
);

/**
 * A paragraph's translation into a language other than the document's authoritative one, aligned by the
 * paragraph (its stable eId). `sourceBody` is the authoritative wording it was made from: when the
 * paragraph's body differs from it now, the translation is stale.
 *
 * Why not the platform's `text-versions` (the record's multilingual fields): those hold one public
 * record's texts per language with no tier and no version of their own, while a draft's translation
 * lives at the draft's tier, belongs to one paragraph of one negotiated version, and must say which
 * wording of the source it follows; so the module keeps its own table.
 */
export const textTranslations = pgTable(
  "text_translations",
  {
    id: text("id").primaryKey(),
    documentId: documentColumn(),
    paragraphId: text("paragraph_id")
      .notNull()
      .references(() => textParagraphs.id),
    language: text("language").notNull(),
    body: text("body").notNull(),
    sourceBody: text("source_body").notNull(),
    sourceVersion: integer("source_version").notNull(),
    translatedBy: text("translated_by"),
    ...timestamps,
  },
  (table) => [uniqueIndex("text_translations_key").on(table.paragraphId, table.language)],
);
