// The follow-up's file exchanges: a bulk commitment status update from CSV, and zones as GeoJSON (export
// and import). Shared by the server, the web app and the CLI.
import { z } from "zod";
import { commitmentStatuses, PolygonGeometry, zoneStatuses } from "./followup.ts";

/** One line of a bulk status file that was matched to a commitment (and changes, or not, its status). */
const BulkStatusLine = z.object({
  line: z.number(),
  externalId: z.string(),
  commitmentId: z.string(),
  from: z.enum(commitmentStatuses),
  to: z.enum(commitmentStatuses),
});
/**
 * The report of a bulk commitment status update from CSV (columns `external_id`, `status`, and
 * optionally `on`, `evidence`, `source_url`): what would change (`matched`), what would not
 * (`unchanged`: already that status), and what was refused and why. `applied` counts the updates
 * written (0 in a dry run).
 */
export const CommitmentStatusImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  matched: z.array(BulkStatusLine),
  unchanged: z.array(BulkStatusLine),
  unknownId: z.array(z.object({ line: z.number(), externalId: z.string() })),
  invalidStatus: z.array(z.object({ line: z.number(), externalId: z.string(), status: z.string() })),
  /** Other faults: no identifier, a date in no known form, an identifier repeated, text too long. */
  invalid: z.array(
    z.object({ line: z.number(), externalId: z.string().nullable(), reasons: z.array(z.string()) }),
  ),
  applied: z.number(),
});
export type CommitmentStatusImportReport = z.infer<typeof CommitmentStatusImportReport>;

/** A zone as a GeoJSON Feature: its polygon, and its name, status, memorandum and dates as properties. */
export const ZoneFeature = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: PolygonGeometry,
  properties: z.object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    area: z.string().nullable(),
    status: z.enum(zoneStatuses),
    approximate: z.boolean(),
    memorandum: z.string().nullable(),
    startDate: z.string(),
    termMonths: z.number().nullable(),
    autoExtend: z.boolean(),
    statusHistory: z.array(z.object({ status: z.enum(zoneStatuses), fromDate: z.string() })),
  }),
});
export const ZoneFeatureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(ZoneFeature),
});
/**
 * A FeatureCollection to import as zones: each feature a Polygon with at least a `name` and a
 * `startDate`; `properties.id` (or the feature's `id`) names the zone to update — a zone's id, or its
 * external id (created with it when new). Checked loosely here, feature by feature in the operation,
 * so every fault is reported with its feature.
 */
export const ZoneImportInput = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.unknown()).max(500),
});
export type ZoneImportInput = z.infer<typeof ZoneImportInput>;
/** Why a feature cannot be a zone, as a code with the values its sentence needs. */
export const ZoneFault = z.object({
  field: z.string(),
  code: z.enum([
    "missing",
    "invalid",
    "too_few_positions",
    "too_many_positions",
    "not_closed",
    "not_numbers",
    "latitude_range",
    "longitude_range",
    "swapped",
    "self_intersecting",
    "bad_date",
    "duplicate_id",
  ]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ZoneFault = z.infer<typeof ZoneFault>;
export const ZoneImportReport = z.object({
  dryRun: z.boolean(),
  features: z.number(),
  created: z.array(z.object({ feature: z.number(), id: z.string().nullable(), name: z.string() })),
  updated: z.array(z.object({ feature: z.number(), id: z.string(), name: z.string() })),
  rejected: z.array(
    z.object({
      feature: z.number(),
      /** The feature's `properties.name` when it has one, to find it in the file. */
      name: z.string().nullish(),
      code: z.string(),
      /** In English, as the CLI prints them. */
      reasons: z.array(z.string()),
      /** The same faults as codes, for a page to word in its reader's language. */
      faults: z.array(ZoneFault).optional(),
    }),
  ),
});
export type ZoneImportReport = z.infer<typeof ZoneImportReport>;
