// The follow-up module's contracts: commitments and their status, de-escalation zones, incidents and
// their verification, the links between them, the ACLED import report and the "since the last round"
// report. Shared by the server, the web app and the CLI.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import { tiers } from "./enums.ts";
import { JobView } from "./platform.ts";
import { RecordConflict } from "./record.ts";

/** PA-X-like categories of a commitment (the Peace Agreements Database's codebook, in its spirit). */
export const commitmentCategories = [
  "ceasefire",
  "de_escalation",
  "humanitarian_access",
  "detainees_missing",
  "refugee_return",
  "political_process",
  "reconstruction",
  "counter_terrorism",
] as const;
export const commitmentStatuses = ["not_started", "in_progress", "met", "breached", "lapsed"] as const;
export const zoneStatuses = ["established", "partly_seized", "retaken", "dissolved"] as const;
export const verificationStates = ["reported", "under_review", "verified", "disputed", "rejected"] as const;
export const linkStates = ["suggested", "confirmed", "rejected"] as const;
/** How precisely an incident's time is known (ACLED's `time_precision` 1, 2, 3). */
export const timePrecisions = ["day", "week", "month"] as const;
/** How precisely its place is known (ACLED's `geo_precision` 1, 2, 3): the spot, near it, the region. */
export const geoPrecisions = ["exact", "near", "region"] as const;
/** The fields of an incident a reporter may mark sensitive: the monitoring team alone reads them. */
export const sensitiveFields = ["notes", "sources", "actors", "location"] as const;

export type CommitmentCategory = (typeof commitmentCategories)[number];
export type CommitmentStatus = (typeof commitmentStatuses)[number];
export type ZoneStatus = (typeof zoneStatuses)[number];
export type VerificationState = (typeof verificationStates)[number];
export type LinkState = (typeof linkStates)[number];
export type TimePrecision = (typeof timePrecisions)[number];
export type GeoPrecision = (typeof geoPrecisions)[number];
export type SensitiveField = (typeof sensitiveFields)[number];

const Tier = z.enum(tiers);
/** A calendar day as the API speaks it; other spellings are read by `parseDay` where people type them. */
export const Day = z.string().trim().max(40, "At most 40 characters.");
export const Source = z.strictObject({ url: PlainText(2000), title: PlainText(500).optional() });
export type Source = z.infer<typeof Source>;

/** A GeoJSON polygon: rings of [longitude, latitude] positions; checked by the server's geometry rules. */
export const PolygonGeometry = z.strictObject({
  type: z.literal("Polygon"),
  coordinates: z
    .array(z.array(z.array(z.number()).min(2).max(3)).max(20_000))
    .min(1)
    .max(50),
});
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

export const CreateZoneInput = z.strictObject({
  name: PlainText(300),
  externalId: PlainText(100).optional(),
  geometry: PolygonGeometry,
  approximate: z.boolean().default(false),
  area: PlainText(2000).optional(),
  memorandum: PlainText(500).optional(),
  documentId: RecordRef.optional(),
  startDate: Day,
  termMonths: z.int().min(1).max(600).optional(),
  autoExtend: z.boolean().default(false),
  tier: Tier.default("public"),
  sources: z.array(Source).max(50).default([]),
});
/** A zone's new outline, drawn on the map or typed, with the version it was drawn on (a newer one is a 409). */
export const UpdateZoneShapeInput = z.strictObject({
  geometry: PolygonGeometry,
  version: z.int().min(1),
  /** Whether the new outline is still approximate (drawn from a description, not the agreed map). */
  approximate: z.boolean().optional(),
});
export const RecordZoneStatusInput = z.strictObject({
  status: z.enum(zoneStatuses),
  fromDate: Day,
  note: PlainText(4000).optional(),
  sources: z.array(Source).max(50).default([]),
});

export const CreateCommitmentInput = z.strictObject({
  what: PlainText(4000).optional(),
  documentId: RecordRef.optional(),
  paragraphId: RecordRef.optional(),
  externalId: PlainText(100).optional(),
  responsibleParticipantIds: z.array(RecordRef).max(50).default([]),
  dueDate: Day.optional(),
  recurrence: PlainText(200).optional(),
  category: z.enum(commitmentCategories),
  indicators: z.array(PlainText(500)).max(50).default([]),
  zoneIds: z.array(RecordRef).max(50).default([]),
  tier: Tier.default("public"),
});
export const UpdateCommitmentStatusInput = z.strictObject({
  status: z.enum(commitmentStatuses),
  evidence: PlainText(8000).optional(),
  sources: z.array(Source).max(50).default([]),
  on: Day.optional(),
});

export const ReportIncidentInput = z.strictObject({
  occurredOn: Day,
  timePrecision: z.enum(timePrecisions).default("day"),
  latitude: z.number(),
  longitude: z.number(),
  geoPrecision: z.enum(geoPrecisions).default("exact"),
  location: PlainText(300).optional(),
  eventType: PlainText(200),
  subEventType: PlainText(200).optional(),
  actor1: PlainText(300).optional(),
  actor2: PlainText(300).optional(),
  fatalities: z.int().min(0).max(1_000_000).default(0),
  sources: z.array(Source).max(50).default([]),
  notes: PlainText(8000).optional(),
  reporter: PlainText(300).optional(),
  sensitive: z.array(z.enum(sensitiveFields)).max(sensitiveFields.length).default([]),
  tier: Tier.default("process"),
  externalId: PlainText(100).optional(),
});
export const VerifyIncidentInput = z.strictObject({
  state: z.enum(verificationStates),
  reason: PlainText(4000).optional(),
});
export const DeclassifyIncidentInput = z.strictObject({ summary: PlainText(2000) });
export const DecideLinkInput = z.strictObject({
  decision: z.enum(["confirmed", "rejected"]),
  reason: PlainText(4000).optional(),
});

export const Created = z.object({ id: z.string() });

const ZoneStatusEntry = z.object({
  status: z.enum(zoneStatuses),
  fromDate: z.string(),
  note: z.string().nullable(),
  sources: z.array(z.object({ url: z.string(), title: z.string().optional() })),
});
export const ZoneView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  area: z.string().nullable(),
  geometry: z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  approximate: z.boolean(),
  memorandum: z.string().nullable(),
  documentId: z.string().nullable(),
  startDate: z.string(),
  termMonths: z.number().nullable(),
  autoExtend: z.boolean(),
  /** The sources of the zone's area and creation. */
  sources: z.array(z.object({ url: z.string(), title: z.string().optional() })),
  tier: Tier,
  status: z.enum(zoneStatuses),
  history: z.array(ZoneStatusEntry),
  /** Named by a redraw of its shape, which a newer version refuses. */
  version: z.number(),
});
export const ZoneList = z.object({ items: z.array(ZoneView), can: z.object({ create: z.boolean() }) });
/**
 * One zone with what the record's sources dispute about it (each conflict by kind, every value with its
 * sources): the conflicts recorded about the zone and those about the memorandum that created it.
 */
export const ZoneDetail = ZoneView.extend({
  conflicts: z.array(RecordConflict.extend({ about: z.enum(["zone", "memorandum"]) })),
  /** Whether the reader may record what became of the zone (the secretariat, the guarantors). */
  can: z.object({ recordStatus: z.boolean() }),
});

const CommitmentUpdateView = z.object({
  status: z.enum(commitmentStatuses),
  on: z.string(),
  evidence: z.string().nullable(),
  sources: z.array(z.object({ url: z.string(), title: z.string().optional() })),
  /** Who recorded it: for the process's delegations only (null for the public, who never see an address). */
  by: z.string().nullable(),
});
export const CommitmentView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  what: z.string(),
  documentId: z.string().nullable(),
  paragraphId: z.string().nullable(),
  responsibleParticipantIds: z.array(z.string()),
  dueDate: z.string().nullable(),
  recurrence: z.string().nullable(),
  category: z.enum(commitmentCategories),
  indicators: z.array(z.string()),
  zoneIds: z.array(z.string()),
  tier: Tier,
  status: z.enum(commitmentStatuses),
  /** Whether the latest change moved it closer to being met (up), away (down), or neither. */
  trend: z.enum(["up", "down", "flat"]),
  updates: z.array(CommitmentUpdateView),
});
/**
 * One commitment, with the adopted text's paragraph it comes from as the reader may read that text
 * (its title and number; null when it comes from no text, or from one the reader may not read).
 */
export const CommitmentDetail = CommitmentView.extend({
  paragraph: z
    .object({ documentId: z.string(), title: z.string(), number: z.string().nullable() })
    .nullable(),
});
export const CommitmentList = z.object({
  items: z.array(CommitmentView),
  can: z.object({ create: z.boolean(), update: z.boolean() }),
});

export const IncidentView = z.object({
  id: z.string(),
  occurredOn: z.string(),
  timePrecision: z.enum(timePrecisions),
  eventType: z.string(),
  subEventType: z.string().nullable(),
  fatalities: z.number(),
  verification: z.enum(verificationStates),
  tier: Tier,
  summary: z.string().nullable(),
  zones: z.array(z.object({ zoneId: z.string(), status: z.enum(zoneStatuses) })),
  /** The raw report: null for a reader who sees only the declassified summary. */
  report: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      geoPrecision: z.enum(geoPrecisions),
      location: z.string().nullable(),
      admin: z.array(z.string()),
      actor1: z.string().nullable(),
      actor2: z.string().nullable(),
      sources: z.array(z.object({ url: z.string(), title: z.string().optional() })),
      notes: z.string().nullable(),
      sourceSystem: z.string(),
      externalId: z.string().nullable(),
    })
    .nullable(),
  /**
   * For a reader without the raw report (the public): the place rounded in SQL to `gridDegrees` (0.1°,
   * or the report's stated precision when coarser), never the exact point; null for the others.
   */
  place: z.object({ latitude: z.number(), longitude: z.number(), gridDegrees: z.number() }).nullable(),
  /** What only the monitoring team reads: the reporter and the fields marked sensitive. */
  protected: z
    .object({
      reporter: z.string().nullable(),
      sensitive: z.record(z.string(), z.unknown()),
    })
    .nullable(),
});
export const IncidentDetail = IncidentView.extend({
  history: z.array(
    z.object({
      state: z.enum(verificationStates),
      by: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  links: z.array(
    z.object({
      id: z.string(),
      commitmentId: z.string(),
      state: z.enum(linkStates),
      reason: z.string().nullable(),
    }),
  ),
});
export const IncidentList = z.object({ items: z.array(IncidentView), total: z.number() });
export const IncidentQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  zoneId: RecordRef.optional(),
  verification: z.enum(verificationStates).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /**
   * `map`: the points of a map (the month a time slider shows): the report's place and precision, but
   * its texts (location, admin, actors, sources, notes) and the protected fields left empty, which
   * makes a month of a thousand incidents a third the bytes. `full` (the default): everything.
   */
  fields: z.enum(["full", "map"]).default("full"),
});

/**
 * One reason a row was refused, as a code a page words in the reader's language: the column at fault
 * and the values the wording needs (`value`, `max`, `country`, `line`).
 */
export const RowFault = z.object({
  field: z.string(),
  code: z.enum([
    "missing",
    "unstorable",
    "too_long",
    "nonexistent_date",
    "ambiguous_date",
    "unreadable_date",
    "not_numbers",
    "latitude_range",
    "longitude_range",
    "swapped",
    "outside_country",
    "not_precision",
    "not_count",
    "repeated",
  ]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RowFault = z.infer<typeof RowFault>;
export const RejectedRow = z.object({
  line: z.number(),
  eventId: z.string().nullable(),
  /** In English, as the CLI prints them. */
  reasons: z.array(z.string()),
  /** The same reasons, in the same order, as codes. */
  faults: z.array(RowFault),
});
export const ImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  rejected: z.number(),
  inserted: z.number(),
  updated: z.number(),
  attributed: z.number(),
  /** The first rejected rows with their reasons (the count above is the whole file's). */
  rejectedRows: z.array(RejectedRow),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportQuery = z.object({
  dryRun: z.enum(["true", "false"]).default("true"),
});
/** An import started as a background job: follow it at /api/followup-imports/{jobId} (or /api/jobs/{jobId}). */
export const ImportStarted = z.object({ jobId: z.string() });
/** An import job with its progress (`job.detail`: rowsRead, bytesRead, totalBytes) and, once done, its report. */
export const ImportJob = z.object({ job: JobView, report: ImportReport.nullable() });
export const ImportJobList = z.object({ items: z.array(ImportJob) });

const ReportSource = z.object({ url: z.string(), title: z.string().optional() });
export const SinceLastRoundReport = z.object({
  roundId: z.string(),
  processId: z.string(),
  roundNumber: z.number(),
  from: z.string().nullable(),
  to: z.string(),
  incidentsByZone: z.array(
    z.object({
      zoneId: z.string().nullable(),
      zoneName: z.string(),
      incidents: z.number(),
      fatalities: z.number(),
    }),
  ),
  commitmentsChanged: z.array(
    z.object({
      commitmentId: z.string(),
      what: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      on: z.string(),
      /** The update's evidence and sources: every change the report states cites them. */
      evidence: z.string().nullable(),
      sources: z.array(ReportSource),
    }),
  ),
  newBreaches: z.array(
    z.object({
      commitmentId: z.string(),
      what: z.string(),
      on: z.string(),
      evidence: z.string().nullable(),
      sources: z.array(ReportSource),
    }),
  ),
});
export const MonthCounts = z.object({
  items: z.array(z.object({ zoneId: z.string().nullable(), month: z.string(), incidents: z.number() })),
});
