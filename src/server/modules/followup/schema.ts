// The follow-up tables: de-escalation zones and their status history, commitments and their status
// updates, incidents (with what only the monitoring team reads kept in a table of its own), their
// verification history, the zones they fall in and the commitments they may breach.
import {
  boolean,
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
import type * as enums from "../../../contracts/followup.ts";
import { demoFlag, timestamps, versioned } from "../../platform/columns.ts";
import type { Tier } from "../../platform/schema.ts";

type SourceRef = { url: string; title?: string };
type Polygon = { type: "Polygon"; coordinates: number[][][] };

/**
 * A de-escalation zone: its polygon (GeoJSON, [longitude, latitude]) with its bounding box kept beside
 * it so a point is tested against a polygon only when it falls in the box; `approximate` says the
 * polygon is drawn from a description, not from the agreed maps.
 */
export const followupZones = pgTable(
  "followup_zones",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    tier: text("tier").$type<Tier>().notNull(),
    externalId: text("external_id"),
    name: text("name").notNull(),
    area: text("area"),
    geometry: jsonb("geometry").$type<Polygon>().notNull(),
    minLon: doublePrecision("min_lon").notNull(),
    minLat: doublePrecision("min_lat").notNull(),
    maxLon: doublePrecision("max_lon").notNull(),
    maxLat: doublePrecision("max_lat").notNull(),
    approximate: boolean("approximate").notNull().default(false),
    memorandum: text("memorandum"),
    documentId: text("document_id"),
    startDate: date("start_date").notNull(),
    termMonths: integer("term_months"),
    autoExtend: boolean("auto_extend").notNull().default(false),
    sources: jsonb("sources").$type<SourceRef[]>().notNull().default([]),
    ...demoFlag,
    // Its shape is redrawn on the map: a redraw names the version it was drawn on.
    ...versioned,
  },
  (table) => [
    index("followup_zones_process_idx").on(table.processId),
    uniqueIndex("followup_zones_external_idx").on(table.processId, table.externalId),
  ],
);

/** A change of a zone's status from a day on, with its sources: the zone's status on a day is the latest before it. */
export const followupZoneStatuses = pgTable(
  "followup_zone_statuses",
  {
    id: text("id").primaryKey(),
    zoneId: text("zone_id")
      .notNull()
      .references(() => followupZones.id, { onDelete: "cascade" }),
    status: text("status").$type<enums.ZoneStatus>().notNull(),
    fromDate: date("from_date").notNull(),
    note: text("note"),
    sources: jsonb("sources").$type<SourceRef[]>().notNull().default([]),
    recordedBy: text("recorded_by").notNull(),
    ...timestamps,
  },
  (table) => [index("followup_zone_statuses_zone_idx").on(table.zoneId, table.fromDate)],
);

/**
 * A commitment: what was agreed (from an adopted text's operative paragraph, or entered by hand), who
 * answers for it, by when or how often, its category and indicators, and the zones a ceasefire
 * commitment covers. `status` is the latest update's, kept here for the tracker.
 */
export const followupCommitments = pgTable(
  "followup_commitments",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    tier: text("tier").$type<Tier>().notNull(),
    externalId: text("external_id"),
    what: text("what").notNull(),
    documentId: text("document_id"),
    paragraphId: text("paragraph_id"),
    roundId: text("round_id"),
    responsibleParticipantIds: jsonb("responsible_participant_ids").$type<string[]>().notNull().default([]),
    dueDate: date("due_date"),
    recurrence: text("recurrence"),
    category: text("category").$type<enums.CommitmentCategory>().notNull(),
    indicators: jsonb("indicators").$type<string[]>().notNull().default([]),
    zoneIds: jsonb("zone_ids").$type<string[]>().notNull().default([]),
    status: text("status").$type<enums.CommitmentStatus>().notNull().default("not_started"),
    ...demoFlag,
    ...timestamps,
  },
  (table) => [
    index("followup_commitments_process_idx").on(table.processId),
    uniqueIndex("followup_commitments_external_idx").on(table.processId, table.externalId),
  ],
);

/** A status update of a commitment: the new status, the evidence and sources, who recorded it and when. */
export const followupCommitmentUpdates = pgTable(
  "followup_commitment_updates",
  {
    id: text("id").primaryKey(),
    commitmentId: text("commitment_id")
      .notNull()
      .references(() => followupCommitments.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").$type<enums.CommitmentStatus>(),
    status: text("status").$type<enums.CommitmentStatus>().notNull(),
    on: date("on").notNull(),
    evidence: text("evidence"),
    sources: jsonb("sources").$type<SourceRef[]>().notNull().default([]),
    byLabel: text("by_label").notNull(),
    byAccountId: text("by_account_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("followup_commitment_updates_idx").on(table.commitmentId, table.at)],
);

/**
 * An incident report (a ceasefire violation, an attack, a change of control). `tier` is the raw
 * report's; a verified report declassified to `public` shows the public its `summary` only. External
 * ids are unique per source system, so a re-import updates instead of duplicating.
 */
export const followupIncidents = pgTable(
  "followup_incidents",
  {
    id: text("id").primaryKey(),
    processId: text("process_id").notNull(),
    tier: text("tier").$type<Tier>().notNull(),
    sourceSystem: text("source_system").notNull(),
    externalId: text("external_id"),
    occurredOn: date("occurred_on").notNull(),
    timePrecision: text("time_precision").$type<enums.TimePrecision>().notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    geoPrecision: text("geo_precision").$type<enums.GeoPrecision>().notNull(),
    location: text("location"),
    admin: jsonb("admin").$type<string[]>().notNull().default([]),
    eventType: text("event_type").notNull(),
    subEventType: text("sub_event_type"),
    actor1: text("actor1"),
    actor2: text("actor2"),
    fatalities: integer("fatalities").notNull().default(0),
    sources: jsonb("sources").$type<SourceRef[]>().notNull().default([]),
    notes: text("notes"),
    verification: text("verification").$type<enums.VerificationState>().notNull().default("reported"),
    summary: text("summary"),
    ...timestamps,
  },
  (table) => [
    index("followup_incidents_process_day_idx").on(table.processId, table.occurredOn),
    uniqueIndex("followup_incidents_external_idx").on(table.processId, table.sourceSystem, table.externalId),
  ],
);

/**
 * What only the monitoring team reads of an incident: the reporter's identity and the values of the
 * fields marked sensitive (those fields are left empty on the incident itself). Joined only for them.
 */
export const followupIncidentProtected = pgTable("followup_incident_protected", {
  incidentId: text("incident_id")
    .primaryKey()
    .references(() => followupIncidents.id, { onDelete: "cascade" }),
  reporter: text("reporter"),
  sensitive: jsonb("sensitive").$type<Record<string, unknown>>().notNull().default({}),
});

/** A step of an incident's verification: the new state, who decided and why. */
export const followupVerifications = pgTable(
  "followup_verifications",
  {
    id: text("id").primaryKey(),
    incidentId: text("incident_id")
      .notNull()
      .references(() => followupIncidents.id, { onDelete: "cascade" }),
    state: text("state").$type<enums.VerificationState>().notNull(),
    byLabel: text("by_label").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("followup_verifications_incident_idx").on(table.incidentId)],
);

/** A zone an incident fell in on its day, with the zone's status that day (computed, never typed). */
export const followupIncidentZones = pgTable(
  "followup_incident_zones",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => followupIncidents.id, { onDelete: "cascade" }),
    zoneId: text("zone_id")
      .notNull()
      .references(() => followupZones.id, { onDelete: "cascade" }),
    zoneStatus: text("zone_status").$type<enums.ZoneStatus>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.incidentId, table.zoneId] }),
    index("followup_incident_zones_zone_idx").on(table.zoneId),
  ],
);

/** A commitment an incident may breach: suggested by attribution, confirmed or rejected by the monitor. */
export const followupIncidentLinks = pgTable(
  "followup_incident_links",
  {
    id: text("id").primaryKey(),
    incidentId: text("incident_id")
      .notNull()
      .references(() => followupIncidents.id, { onDelete: "cascade" }),
    commitmentId: text("commitment_id")
      .notNull()
      .references(() => followupCommitments.id, { onDelete: "cascade" }),
    state: text("state").$type<enums.LinkState>().notNull().default("suggested"),
    reason: text("reason"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("followup_incident_links_pair_idx").on(table.incidentId, table.commitmentId)],
);

/**
 * Valid rows of an ACLED file being imported, staged in short transactions (so the server keeps
 * answering and progress is seen while a large file is read) before the one audited operation merges
 * them into the incidents. Scratch, never read by a route: its rows are deleted when the import ends,
 * and at start-up for imports a stop interrupted.
 */
export const followupImportRows = pgTable(
  "followup_import_rows",
  {
    stagingId: text("staging_id").notNull(),
    seq: integer("seq").notNull(),
    externalId: text("external_id").notNull(),
    occurredOn: date("occurred_on").notNull(),
    timePrecision: text("time_precision").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    geoPrecision: text("geo_precision").notNull(),
    location: text("location"),
    admin: jsonb("admin").$type<string[]>().notNull(),
    eventType: text("event_type").notNull(),
    subEventType: text("sub_event_type"),
    actor1: text("actor1"),
    actor2: text("actor2"),
    fatalities: integer("fatalities").notNull(),
    sources: jsonb("sources").$type<SourceRef[]>().notNull(),
    notes: text("notes"),
    zones: jsonb("zones").$type<{ zoneId: string; status: string }[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.stagingId, table.seq] })],
);
