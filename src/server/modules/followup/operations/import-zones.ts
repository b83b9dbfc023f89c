import { and, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { PlainText, RecordRef } from "../../../../contracts/common.ts";
import { tiers } from "../../../../contracts/enums.ts";
import { Day, PolygonGeometry } from "../../../../contracts/followup.ts";
import {
  type ZoneFault,
  ZoneImportInput,
  type ZoneImportReport,
} from "../../../../contracts/followup-files.ts";
import { DomainError } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { readDay } from "../dates.ts";
import { bboxOf, checkPolygon } from "../geo.ts";
import { canManageAgreements, readableRows } from "../policies.ts";
import { followupZoneStatuses, followupZones } from "../schema.ts";
import { attributeIncidents, emitChange, loadProcess, newId } from "./shared.ts";

/** A feature's properties as the import reads them (the export's, and a GIS's own are ignored). */
const FeatureProperties = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  name: PlainText(300),
  area: PlainText(2000).nullish(),
  approximate: z.boolean().default(false),
  memorandum: PlainText(500).nullish(),
  startDate: Day,
  termMonths: z.int().min(1).max(600).nullish(),
  autoExtend: z.boolean().default(false),
  tier: z.enum(tiers).optional(),
});
const Feature = z.object({
  type: z.literal("Feature"),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: PolygonGeometry,
  properties: FeatureProperties,
});

/** The value at a path of a feature as sent, to tell a missing field from a wrong one. */
function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    raw,
  );
}

/** A field the feature's schema refused, as a fault: missing, a start date that is none, or not valid. */
function faultOf(raw: unknown, path: PropertyKey[]): ZoneFault {
  const field = path.map(String).join(".") || "feature";
  const value = valueAt(raw, path);
  if (value === undefined) return { field, code: "missing", params: {} };
  if (field === "properties.startDate") return { field, code: "bad_date", params: { value: String(value) } };
  return { field, code: "invalid", params: {} };
}

/** A polygon's refusal (geo.ts's checkPolygon) as a fault code with its ring, position or edges. */
function geometryFault(error: DomainError): ZoneFault {
  const details = (error.details ?? {}) as {
    ring?: number;
    position?: number;
    edges?: [number, number];
    fault?: ZoneFault["code"];
    value?: string;
    positions?: number;
  };
  const params: ZoneFault["params"] = { ring: (details.ring ?? 0) + 1 };
  if (details.position !== undefined) params.position = details.position + 1;
  if (details.value !== undefined) params.value = details.value;
  if (details.positions !== undefined) params.positions = details.positions;
  if (details.edges) {
    params.first = details.edges[0] + 1;
    params.second = details.edges[1] + 1;
  }
  return { field: "geometry", code: details.fault ?? "invalid", params };
}

/**
 * followup.zone.import-geojson: the secretariat or a guarantor imports de-escalation zones from a GeoJSON
 * FeatureCollection of Polygons. A feature whose `id` (property or feature id) is a zone's id or external
 * id updates that zone (its polygon, name, memorandum, dates); any other creates a zone, established from
 * its start date, keeping that id as its external id. Every feature is checked as a drawn zone is
 * (closed rings, coordinates in range and not swapped, no self-intersection) and its faults reported by
 * its index; one faulty feature refuses the whole file (422, the report in `details`), so nothing is
 * half-imported. A dry run reports and writes nothing but its audit entry.
 */
export const importZones = defineOperation({
  name: "followup.zone.import-geojson",
  input: z.object({ processId: RecordRef, collection: ZoneImportInput, dryRun: z.boolean() }),
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canManageAgreements(actor, target.processId),
  scope: (_input, target) => ({
    subjectType: "followup.zone",
    processId: target?.processId,
    tier: "process",
  }),
  run: async (ctx, input, { processId }) => {
    const report: ZoneImportReport = {
      dryRun: input.dryRun,
      features: input.collection.features.length,
      created: [],
      updated: [],
      rejected: [],
    };
    const valid: {
      index: number;
      feature: z.infer<typeof Feature>;
      key: string | null;
      startDate: string;
    }[] = [];
    input.collection.features.forEach((raw, index) => {
      const named = valueAt(raw, ["properties", "name"]);
      const name = typeof named === "string" && named.trim() ? named.trim().slice(0, 300) : null;
      const parsed = Feature.safeParse(raw);
      if (!parsed.success) {
        report.rejected.push({
          feature: index,
          name,
          code: "invalid_feature",
          reasons: parsed.error.issues.map(
            (issue) => `${issue.path.join(".") || "feature"}: ${issue.message}`,
          ),
          faults: parsed.error.issues.map((issue) => faultOf(raw, issue.path)),
        });
        return;
      }
      const feature = parsed.data;
      const reasons: string[] = [];
      const faults: ZoneFault[] = [];
      let code = "invalid_feature";
      try {
        checkPolygon(feature.geometry);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        code = error.code;
        reasons.push(error.message);
        faults.push(geometryFault(error));
      }
      const day = readDay(feature.properties.startDate);
      if ("fault" in day) {
        reasons.push(`properties.startDate: ${day.fault}`);
        faults.push({
          field: "properties.startDate",
          code: "bad_date",
          params: { value: feature.properties.startDate },
        });
      }
      if (reasons.length > 0) {
        report.rejected.push({ feature: index, name, code, reasons, faults });
        return;
      }
      const key = feature.properties.id ?? feature.id;
      valid.push({
        index,
        feature,
        key: key === undefined ? null : String(key),
        startDate: (day as { day: string }).day,
      });
    });
    const keys = valid.flatMap((entry) => (entry.key ? [entry.key] : []));
    const existing =
      keys.length === 0
        ? []
        : await ctx.tx
            .select()
            .from(followupZones)
            .where(
              and(
                eq(followupZones.processId, processId),
                or(inArray(followupZones.id, keys), inArray(followupZones.externalId, keys)),
                readableRows(ctx.actor, followupZones),
              ),
            );
    const seen = new Map<string, number>();
    for (const entry of valid) {
      if (!entry.key) continue;
      const first = seen.get(entry.key);
      if (first !== undefined)
        report.rejected.push({
          feature: entry.index,
          name: entry.feature.properties.name,
          code: "duplicate_id",
          reasons: [`id "${entry.key}" repeats feature ${first}`],
          faults: [{ field: "id", code: "duplicate_id", params: { value: entry.key, feature: first + 1 } }],
        });
      else seen.set(entry.key, entry.index);
    }
    if (report.rejected.length > 0 && !input.dryRun) {
      report.rejected.sort((a, b) => a.feature - b.feature);
      throw new DomainError(
        "invalid_features",
        422,
        `${report.rejected.length} of ${report.features} features cannot be zones; nothing was imported.`,
        report,
      );
    }
    const recordedBy = ctx.actor.kind === "account" ? ctx.actor.email : "system";
    for (const { index, feature, key, startDate } of valid) {
      if (report.rejected.some((row) => row.feature === index)) continue;
      const zone = existing.find((row) => row.id === key || row.externalId === key);
      const [minLon, minLat, maxLon, maxLat] = bboxOf(feature.geometry);
      const values = {
        name: feature.properties.name,
        area: feature.properties.area ?? null,
        geometry: feature.geometry,
        minLon,
        minLat,
        maxLon,
        maxLat,
        approximate: feature.properties.approximate,
        memorandum: feature.properties.memorandum ?? null,
        startDate,
        termMonths: feature.properties.termMonths ?? null,
        autoExtend: feature.properties.autoExtend,
      };
      if (zone) {
        report.updated.push({ feature: index, id: zone.id, name: values.name });
        if (input.dryRun) continue;
        await ctx.tx
          .update(followupZones)
          // A new version: an outline being redrawn on the map from the old one is then refused as stale.
          .set({ ...values, version: sql`${followupZones.version} + 1`, updatedAt: new Date() })
          .where(eq(followupZones.id, zone.id));
        emitChange(ctx, "followup.zone.import-geojson", "followup.zone", zone);
        continue;
      }
      if (input.dryRun) {
        report.created.push({ feature: index, id: null, name: values.name });
        continue;
      }
      const id = newId();
      const tier = feature.properties.tier ?? "public";
      await ctx.tx.insert(followupZones).values({ id, processId, tier, externalId: key, ...values });
      await ctx.tx.insert(followupZoneStatuses).values({
        id: newId(),
        zoneId: id,
        status: "established",
        fromDate: startDate,
        recordedBy,
      });
      report.created.push({ feature: index, id, name: values.name });
      emitChange(ctx, "followup.zone.import-geojson", "followup.zone", { id, processId, tier });
    }
    report.rejected.sort((a, b) => a.feature - b.feature);
    if (!input.dryRun && report.created.length + report.updated.length > 0)
      await attributeIncidents(ctx.tx, processId);
    ctx.audit({
      data: {
        dryRun: input.dryRun,
        features: report.features,
        created: report.created.map((row) => row.id),
        updated: report.updated.map((row) => row.id),
        rejected: report.rejected.length,
      },
    });
    return report;
  },
});
