// The zones of a process with their status history, filtered by their tier in SQL.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { ZoneDetail, ZoneList, ZoneView } from "../../../../contracts/followup.ts";
import type { ZoneFeatureCollection } from "../../../../contracts/followup-files.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { findProcess } from "../../core/index.ts";
import { processConflicts } from "../../record/index.ts";
import { canManageAgreements, readableRows } from "../policies.ts";
import { followupZoneStatuses, followupZones } from "../schema.ts";

type ZoneRow = typeof followupZones.$inferSelect;

async function present(db: Db, rows: ZoneRow[]): Promise<z.infer<typeof ZoneView>[]> {
  if (rows.length === 0) return [];
  const history = await db
    .select()
    .from(followupZoneStatuses)
    .where(
      inArray(
        followupZoneStatuses.zoneId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(followupZoneStatuses.fromDate), asc(followupZoneStatuses.createdAt));
  return rows.map((row) => {
    const own = history.filter((entry) => entry.zoneId === row.id);
    return {
      id: row.id,
      externalId: row.externalId,
      name: row.name,
      area: row.area,
      geometry: row.geometry,
      bbox: [row.minLon, row.minLat, row.maxLon, row.maxLat],
      approximate: row.approximate,
      memorandum: row.memorandum,
      documentId: row.documentId,
      startDate: row.startDate,
      termMonths: row.termMonths,
      autoExtend: row.autoExtend,
      sources: row.sources,
      tier: row.tier,
      version: row.version,
      status: own.at(-1)?.status ?? "established",
      history: own.map((entry) => ({
        status: entry.status,
        fromDate: entry.fromDate,
        note: entry.note,
        sources: entry.sources,
      })),
    };
  });
}

/** The zones of a process the actor may see, in order of their start. */
export async function listZones(db: Db, actor: Actor, processRef: string): Promise<z.infer<typeof ZoneList>> {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(followupZones)
    .where(and(eq(followupZones.processId, process.id), readableRows(actor, followupZones)))
    .orderBy(asc(followupZones.startDate), asc(followupZones.name));
  return { items: await present(db, rows), can: { create: canManageAgreements(actor, process.id) } };
}

/** One zone the actor may see; a hidden one answers 404 like a missing one. */
export async function getZone(db: Db, actor: Actor, id: string): Promise<z.infer<typeof ZoneView>> {
  const rows = await db
    .select()
    .from(followupZones)
    .where(and(eq(followupZones.id, id), readableRows(actor, followupZones)));
  const [zone] = await present(db, rows);
  if (!zone) throw new NotFound("Zone", id);
  return zone;
}

/**
 * One zone with the conflicts between sources that bear on it, as the reader may see them (the record's
 * tier rule): those the record keeps about the memorandum that created it (a milestone of that name),
 * and among them those whose field names the zone ("Idlib de-escalation area: history[5] …": the record
 * keeps a memorandum's zones' conflicts on the memorandum, each field prefixed by the zone's name).
 */
export async function getZoneDetail(db: Db, actor: Actor, id: string): Promise<z.infer<typeof ZoneDetail>> {
  const zone = await getZone(db, actor, id);
  const [{ processId } = { processId: "" }] = await db
    .select({ processId: followupZones.processId })
    .from(followupZones)
    .where(eq(followupZones.id, id));
  const can = { recordStatus: canManageAgreements(actor, processId) };
  if (!zone.memorandum) return { ...zone, conflicts: [], can };
  // Names only, to tell another zone's conflicts apart; nothing of those zones is shown.
  const others = (
    await db
      .select({ name: followupZones.name })
      .from(followupZones)
      .where(eq(followupZones.processId, processId))
  )
    .map((row) => `${row.name}: `)
    .filter((prefix) => prefix !== `${zone.name}: `);
  const { items } = await processConflicts(db, actor, processId, undefined);
  type Conflicts = z.infer<typeof ZoneDetail>["conflicts"];
  const conflicts = items.flatMap(({ subject, ...conflict }): Conflicts => {
    if (subject.subjectType !== "milestone" || subject.label !== zone.memorandum) return [];
    const field = conflict.field ?? "";
    if (field.startsWith(`${zone.name}: `)) return [{ ...conflict, about: "zone" as const }];
    if (others.some((prefix) => field.startsWith(prefix))) return [];
    return [{ ...conflict, about: "memorandum" as const }];
  });
  return { ...zone, conflicts, can };
}

/**
 * The zones of a process the actor may see as a GeoJSON FeatureCollection (what a GIS opens, and what
 * the zone import takes back): each zone's polygon with its name, status, memorandum and dates.
 */
export async function zonesGeoJson(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<z.infer<typeof ZoneFeatureCollection>> {
  const { items } = await listZones(db, actor, processRef);
  return {
    type: "FeatureCollection",
    features: items.map((zone) => ({
      type: "Feature",
      id: zone.id,
      geometry: zone.geometry,
      properties: {
        id: zone.id,
        externalId: zone.externalId,
        name: zone.name,
        area: zone.area,
        status: zone.status,
        approximate: zone.approximate,
        memorandum: zone.memorandum,
        startDate: zone.startDate,
        termMonths: zone.termMonths,
        autoExtend: zone.autoExtend,
        statusHistory: zone.history.map((entry) => ({ status: entry.status, fromDate: entry.fromDate })),
      },
    })),
  };
}
