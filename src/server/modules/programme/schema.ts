// The programme's tables: a round's plan (days, slot length, weights), its venue's rooms, its agenda,
// its sessions, the consultation requests between delegations, and each delegation's stay.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type * as enums from "../../../contracts/programme.ts";
import { demoFlag, timestamps } from "../../platform/columns.ts";

export type PlanDay = { date: string; from: string; to: string; breaks: { from: string; to: string }[] };

/**
 * A round's programme settings and state: the days with their hours and breaks (clock times at the
 * venue, `utcOffset` from UTC), the slot length the scheduler counts in, the objective's weights, and
 * whether the programme is still provisional or published.
 */
export const programmePlans = pgTable("programme_plans", {
  roundId: text("round_id").primaryKey(),
  processId: text("process_id").notNull(),
  utcOffset: text("utc_offset").notNull().default("+05:00"),
  slotMinutes: integer("slot_minutes").notNull().default(30),
  minGapMinutes: integer("min_gap_minutes").notNull().default(0),
  days: jsonb("days").$type<PlanDay[]>().notNull(),
  weights: jsonb("weights").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  status: text("status").$type<enums.ProgrammeStatus>().notNull().default("draft"),
  agendaAdopted: boolean("agenda_adopted").notNull().default(false),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  ...demoFlag,
  ...timestamps,
});

/** A room of the round's venue, with the people it seats and its equipment (interpretation booths…). */
export const programmeRooms = pgTable(
  "programme_rooms",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    processId: text("process_id").notNull(),
    name: text("name").notNull(),
    capacity: integer("capacity").notNull(),
    equipment: jsonb("equipment").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [
    uniqueIndex("programme_rooms_name_key").on(table.roundId, table.name),
    check("programme_rooms_capacity_positive", sql`${table.capacity} > 0`),
  ],
);

/**
 * An item of a round's agenda as the sources name it, proposed by the secretariat, ordered, adopted;
 * linked to the negotiated texts under it (the sessions name the items they take up). `key` is a short
 * stable name of the subject (`detainees`) that follows it from round to round whatever its wording; an
 * item without one is followed by its title.
 */
export const programmeAgendaItems = pgTable(
  "programme_agenda_items",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    processId: text("process_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    key: text("key"),
    status: text("status").$type<"proposed" | "adopted">().notNull().default("proposed"),
    documentIds: jsonb("document_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [index("programme_agenda_items_round_idx").on(table.roundId, table.position)],
);

/**
 * A session of the round. A consultation placed from a request carries its `requestId`; the others
 * (plenary, press conference, reception, break…) are the secretariat's. `tier`: closed (its own
 * participants and the secretariat), process or public; nobody but the secretariat sees a session
 * until it is published. `teams` names the team each delegation sends.
 */
export const programmeSessions = pgTable(
  "programme_sessions",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    processId: text("process_id").notNull(),
    kind: text("kind").$type<enums.SessionKind>().notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    roomId: text("room_id").references(() => programmeRooms.id),
    participantIds: jsonb("participant_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    tier: text("tier").$type<enums.SessionTier>().notNull(),
    languages: jsonb("languages").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    agendaItemIds: jsonb("agenda_item_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    locked: boolean("locked").notNull().default(false),
    state: text("state").$type<"provisional" | "published">().notNull().default("provisional"),
    requestId: text("request_id"),
    teams: jsonb("teams").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [
    index("programme_sessions_round_idx").on(table.roundId, table.startsAt),
    uniqueIndex("programme_sessions_request_key").on(table.requestId),
    check("programme_sessions_ordered", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

/**
 * A consultation request: a delegation asks to meet others for a while, with its preference and a
 * preferred day or time; each invitee answers in `answers` (participant → answer and own preference).
 */
export const programmeRequests = pgTable(
  "programme_requests",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    processId: text("process_id").notNull(),
    requesterId: text("requester_id").notNull(),
    inviteeIds: jsonb("invitee_ids").$type<string[]>().notNull(),
    answers: jsonb("answers")
      .$type<Record<string, { answer: enums.Answer; preference: enums.Preference | null }>>()
      .notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    preference: text("preference").$type<enums.Preference>().notNull(),
    preferredDay: text("preferred_day"),
    preferredFrom: text("preferred_from"),
    preferredTo: text("preferred_to"),
    note: text("note"),
    state: text("state").$type<enums.RequestState>().notNull().default("pending"),
    ...timestamps,
  },
  (table) => [index("programme_requests_round_idx").on(table.roundId)],
);

/** When a delegation arrives and leaves, and how many teams of how many people it fields at once. */
export const programmeStays = pgTable(
  "programme_stays",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    processId: text("process_id").notNull(),
    participantId: text("participant_id").notNull(),
    arrivesAt: timestamp("arrives_at", { withTimezone: true }),
    departsAt: timestamp("departs_at", { withTimezone: true }),
    teams: integer("teams").notNull().default(1),
    teamSize: integer("team_size").notNull().default(3),
    ...timestamps,
  },
  (table) => [uniqueIndex("programme_stays_key").on(table.roundId, table.participantId)],
);
