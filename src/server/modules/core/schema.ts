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
import { user } from "../../platform/auth-schema.ts";

/** Names of a record in the platform's languages; `en` is required, the others may be missing. */
export type LocalizedNames = { en: string; ru?: string; ar?: string };

export const participantKinds = ["state", "party", "organization"] as const;
export type ParticipantKind = (typeof participantKinds)[number];

/** The roles a participant can hold in a process (DESIGN §1). `host` is the host secretariat. */
export const processRoles = [
  "host",
  "guarantor",
  "party",
  "observer",
  "international_organization",
  "intermediary",
  "monitor",
] as const;
export type ProcessRole = (typeof processRoles)[number];

export const processStatuses = ["active", "suspended", "concluded"] as const;
export type ProcessStatus = (typeof processStatuses)[number];

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** A state, a party to the conflict or an international organization. */
export const participants = pgTable(
  "participants",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: text("kind").$type<ParticipantKind>().notNull(),
    names: jsonb("names").$type<LocalizedNames>().notNull(),
    shortName: text("short_name"),
    existsFrom: date("exists_from"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
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
    status: text("status").$type<ProcessStatus>().notNull().default("active"),
    defaultCity: text("default_city"),
    defaultVenue: text("default_venue"),
    timezone: text("timezone").notNull().default("UTC"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
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
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    participantId: text("participant_id")
      .notNull()
      .references(() => participants.id),
    role: text("role").$type<ProcessRole>().notNull(),
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
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    participantId: text("participant_id")
      .notNull()
      .references(() => participants.id),
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
