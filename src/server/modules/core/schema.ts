import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type * as enums from "../../../contracts/enums.ts";
import { user } from "../../platform/auth-schema.ts";
import { datesOrdered, demoFlag, timestamps, versioned } from "../../platform/columns.ts";

/** Names of a record in the platform's languages; `en` is required, the others may be missing. */
export type LocalizedNames = { en: string; ru?: string; ar?: string };

// The columns that tie a row to its process, round or participant. A row belongs to its process or
// round and goes with it; a participant stays while any row names it.
const processColumn = () =>
  text("process_id")
    .notNull()
    .references(() => processes.id, { onDelete: "cascade" });
const roundColumn = () =>
  text("round_id")
    .notNull()
    .references(() => rounds.id, { onDelete: "cascade" });
const participantColumn = () =>
  text("participant_id")
    .notNull()
    .references(() => participants.id);
const roleColumn = () => text("role").$type<enums.ProcessRole>().notNull();

/** A state, a party to the conflict or an international organization. */
export const participants = pgTable(
  "participants",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: text("kind").$type<enums.ParticipantKind>().notNull(),
    names: jsonb("names").$type<LocalizedNames>().notNull(),
    shortName: text("short_name"),
    existsFrom: date("exists_from"),
    aliases: jsonb("aliases").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    ...demoFlag,
    ...versioned,
  },
  (table) => [uniqueIndex("participants_slug_key").on(table.slug)],
);

/** A negotiation process convened by a host, e.g. the International Meetings on Syria in the Astana format. */
export const processes = pgTable(
  "processes",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    names: jsonb("names").$type<LocalizedNames>().notNull(),
    hostParticipantId: text("host_participant_id")
      .notNull()
      .references(() => participants.id),
    status: text("status").$type<enums.ProcessStatus>().notNull().default("active"),
    defaultCity: text("default_city"),
    defaultVenue: text("default_venue"),
    timezone: text("timezone").notNull().default("UTC"),
    launchedOn: date("launched_on"),
    ...demoFlag,
    ...versioned,
  },
  (table) => [uniqueIndex("processes_slug_key").on(table.slug)],
);

/**
 * A participant's role in a process over time: observer status granted, withdrawn, boycotted.
 * The open row (no `to_date`) is the current role.
 */
export const processRoleAssignments = pgTable(
  "process_role_assignments",
  {
    id: text("id").primaryKey(),
    processId: processColumn(),
    participantId: participantColumn(),
    role: roleColumn(),
    fromDate: date("from_date"),
    toDate: date("to_date"),
    note: text("note"),
    ...timestamps,
  },
  (table) => [index("process_role_assignments_process_idx").on(table.processId, table.participantId)],
);

/** The standing delegation of a participant in a process; accounts are its members. */
export const delegations = pgTable(
  "delegations",
  {
    id: text("id").primaryKey(),
    processId: processColumn(),
    participantId: participantColumn(),
    ...timestamps,
  },
  (table) => [uniqueIndex("delegations_process_participant_key").on(table.processId, table.participantId)],
);

/** An account's membership of a delegation: what gives a person a role in a process. */
export const delegationMemberships = pgTable(
  "delegation_memberships",
  {
    id: text("id").primaryKey(),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    position: text("position").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("delegation_memberships_key").on(table.delegationId, table.accountId),
    index("delegation_memberships_account_idx").on(table.accountId),
  ],
);

/**
 * A transition of a process's lifecycle (launched, suspended, concluded, resumed) as a recorded
 * decision: when, by whom or at whose request, and its text.
 */
export const processDecisions = pgTable(
  "process_decisions",
  {
    id: text("id").primaryKey(),
    processId: processColumn(),
    kind: text("kind").$type<enums.ProcessDecisionKind>().notNull(),
    fromStatus: text("from_status").$type<enums.ProcessStatus>(),
    toStatus: text("to_status").$type<enums.ProcessStatus>().notNull(),
    decidedOn: date("decided_on").notNull(),
    decidedBy: text("decided_by").notNull(),
    text: text("text").notNull(),
    ...timestamps,
  },
  (table) => [index("process_decisions_process_idx").on(table.processId, table.decidedOn)],
);

/**
 * A numbered round of a process ("Astana 22"). The next-round decision is kept as the round decided
 * it: the original wording, a city and a date window, so announced can be set against held.
 */
export const rounds = pgTable(
  "rounds",
  {
    id: text("id").primaryKey(),
    processId: processColumn(),
    number: integer("number").notNull(),
    names: jsonb("names").$type<LocalizedNames>().notNull(),
    city: text("city"),
    venue: text("venue"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    status: text("status").$type<enums.RoundStatus>().notNull().default("planned"),
    statusReason: text("status_reason"),
    nextRoundWording: text("next_round_wording"),
    nextRoundCity: text("next_round_city"),
    nextRoundWindowStart: date("next_round_window_start"),
    nextRoundWindowEnd: date("next_round_window_end"),
    completeness: jsonb("completeness").$type<Record<string, unknown>>(),
    precedenceOrder: text("precedence_order")
      .$type<enums.PrecedenceOrder>()
      .notNull()
      .default("english_alphabetical"),
    precedenceCustom: jsonb("precedence_custom").$type<string[]>(),
    ...demoFlag,
    ...versioned,
  },
  (table) => [
    uniqueIndex("rounds_process_number_key").on(table.processId, table.number),
    datesOrdered("rounds_dates_ordered", table),
  ],
);

/** A published text announcing a round's dates and place, with the date it was published. */
export const roundAnnouncements = pgTable(
  "round_announcements",
  {
    id: text("id").primaryKey(),
    roundId: roundColumn(),
    publishedOn: date("published_on").notNull(),
    text: text("text").notNull(),
    announcedStart: date("announced_start"),
    announcedEnd: date("announced_end"),
    announcedCity: text("announced_city"),
    ...timestamps,
  },
  (table) => [index("round_announcements_round_idx").on(table.roundId)],
);

/** Who took part in a round and in which role, as reported (`cited_text` keeps the source's wording). */
export const roundParticipations = pgTable(
  "round_participations",
  {
    id: text("id").primaryKey(),
    roundId: roundColumn(),
    participantId: participantColumn(),
    role: roleColumn(),
    attendance: text("attendance").$type<enums.Attendance>().notNull().default("attended"),
    note: text("note"),
    citedText: text("cited_text"),
    ...timestamps,
  },
  (table) => [uniqueIndex("round_participations_key").on(table.roundId, table.participantId, table.role)],
);

/** A change of a participant's standing in a process: observer status granted, withdrawn, a boycott declared. */
export const roleChanges = pgTable(
  "role_changes",
  {
    id: text("id").primaryKey(),
    processId: processColumn(),
    participantId: participantColumn(),
    role: roleColumn(),
    change: text("change").$type<enums.RoleChangeKind>().notNull(),
    occurredOn: date("occurred_on"),
    occurredPrecision: text("occurred_precision").$type<enums.DatePrecision>().notNull().default("day"),
    roundNumber: integer("round_number"),
    statement: text("statement"),
    ...timestamps,
  },
  (table) => [index("role_changes_process_idx").on(table.processId, table.participantId)],
);

/** A participant's delegation to one round: invited by the secretariat, its list submitted, then accredited. */
export const roundDelegations = pgTable(
  "round_delegations",
  {
    id: text("id").primaryKey(),
    roundId: roundColumn(),
    participantId: participantColumn(),
    delegationId: text("delegation_id").references(() => delegations.id),
    role: roleColumn(),
    status: text("status").$type<enums.AccreditationState>().notNull().default("invited"),
    secretariatNote: text("secretariat_note"),
    ...versioned,
  },
  (table) => [uniqueIndex("round_delegations_key").on(table.roundId, table.participantId)],
);

/** A member of a round delegation, named in their own script and in Latin letters. */
export const delegationMembers = pgTable(
  "delegation_members",
  {
    id: text("id").primaryKey(),
    roundDelegationId: text("round_delegation_id")
      .notNull()
      .references(() => roundDelegations.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    nameNative: text("name_native"),
    nameLatin: text("name_latin").notNull(),
    title: text("title"),
    isHead: boolean("is_head").notNull().default(false),
    uncertain: boolean("uncertain").notNull().default(false),
    ...timestamps,
  },
  (table) => [index("delegation_members_delegation_idx").on(table.roundDelegationId)],
);

/** A meeting in the format outside the numbered rounds: ministerial meetings, summits, the Sochi congress. */
export const meetings = pgTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    processId: processColumn(),
    slug: text("slug").notNull(),
    kind: text("kind").$type<enums.MeetingKind>().notNull(),
    level: text("level"),
    names: jsonb("names").$type<LocalizedNames>().notNull(),
    city: text("city"),
    venue: text("venue"),
    host: text("host"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    datePrecision: text("date_precision").$type<enums.DatePrecision>().notNull().default("day"),
    dateNote: text("date_note"),
    ...demoFlag,
    ...versioned,
  },
  (table) => [
    uniqueIndex("meetings_process_slug_key").on(table.processId, table.slug),
    datesOrdered("meetings_dates_ordered", table),
  ],
);

/** Who took part in a meeting outside the rounds, and in which role. */
export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    participantId: participantColumn(),
    role: roleColumn(),
  },
  (table) => [uniqueIndex("meeting_participants_key").on(table.meetingId, table.participantId)],
);
