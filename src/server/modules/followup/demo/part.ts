// followup's part of the demonstration record: the four de-escalation zones of the memorandum of 4 May
// 2017, as approximate polygons (labelled approximate: drawn from the areas the sources name, not
// from the agreed maps, which are not public), with the fates the data file states and its sources.
// Run after core's part, from the data core read; nothing here is not in the data file but the drawing.
import { eq } from "drizzle-orm";
import type { ZoneStatus } from "../../../../contracts/followup.ts";
import type { DemoContext, DemoPart } from "../../../platform/module.ts";
import type { CoreDemoOutput, DemoMemorandum, DemoZone } from "../../core/index.ts";
import { bboxOf } from "../geo.ts";
import { followupZoneStatuses, followupZones } from "../schema.ts";

type Ring = [number, number][];

/** Rough outlines ([longitude, latitude]) of the areas the sources describe, for the map only. */
const outlines: Record<string, Ring> = {
  // Idlib province and neighbouring parts of Latakia, Aleppo and Hama.
  "zone-idlib": [
    [36.0, 36.25],
    [36.55, 36.55],
    [37.05, 36.3],
    [37.15, 35.85],
    [36.85, 35.45],
    [36.2, 35.35],
    [35.95, 35.7],
    [36.0, 36.25],
  ],
  // The pocket north of Homs: Rastan, Talbiseh, Houla.
  "zone-north-homs": [
    [36.45, 34.8],
    [36.85, 34.78],
    [36.9, 35.02],
    [36.55, 35.05],
    [36.45, 34.8],
  ],
  // Eastern Ghouta, east of Damascus: Douma, Jobar, Arbin, Zamalka.
  "zone-eastern-ghouta": [
    [36.32, 33.5],
    [36.5, 33.48],
    [36.55, 33.6],
    [36.42, 33.63],
    [36.32, 33.56],
    [36.32, 33.5],
  ],
  // Parts of Daraa and Quneitra provinces.
  "zone-south": [
    [35.75, 32.65],
    [36.0, 32.55],
    [36.45, 32.55],
    [36.5, 32.9],
    [36.1, 33.2],
    [35.8, 33.3],
    [35.75, 32.65],
  ],
};

/**
 * What became of each zone as the data file states it, with the index of the history entry that says
 * so (its sources are cited). Where a source gives only "late July 2018", the day is the month's last
 * and the note says so; Idlib's record states no change of the zone's own status.
 */
const fates: Record<string, { status: ZoneStatus; fromDate: string; history: number; note: string }[]> = {
  "zone-north-homs": [
    {
      status: "retaken",
      fromDate: "2018-05-15",
      history: 2,
      note: "Mid-May 2018: the government declared full control of northern rural Homs (reported 15 May 2018).",
    },
  ],
  "zone-eastern-ghouta": [
    {
      status: "retaken",
      fromDate: "2018-04-12",
      history: 2,
      note: "12 April 2018: the Russian Defence Ministry said the flag over Douma marked control over the whole of eastern Ghouta.",
    },
  ],
  "zone-south": [
    {
      status: "retaken",
      fromDate: "2018-07-31",
      history: 3,
      note: "By late July 2018 (no day given) government forces controlled the zone, per Yeni Safak.",
    },
  ],
};

function sourcesOf(record: DemoZone | DemoMemorandum, refs: number[]) {
  return refs.flatMap((ref) => {
    const source = record.sources.find((candidate) => candidate.ref === ref);
    return source ? [{ url: source.url, ...(source.title ? { title: source.title } : {}) }] : [];
  });
}

async function load(context: DemoContext): Promise<Record<string, number>> {
  const core = context.need<CoreDemoOutput>("core");
  const memorandum = core.records.find((record) => record.record_type === "memorandum") as
    | DemoMemorandum
    | undefined;
  const zones = core.records.filter((record) => record.record_type === "de_escalation_zone") as DemoZone[];
  let statuses = 0;
  for (const zone of zones) {
    const outline = outlines[zone.id];
    if (!outline) throw new Error(`the demonstration has no outline for ${zone.id}`);
    const geometry = { type: "Polygon" as const, coordinates: [outline] };
    const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
    const id = `demo-${zone.id}`;
    await context.tx
      .insert(followupZones)
      .values({
        id,
        processId: core.processId,
        tier: "public",
        externalId: zone.id,
        name: zone.name,
        area: zone.area,
        geometry,
        minLon,
        minLat,
        maxLon,
        maxLat,
        approximate: true,
        memorandum: memorandum?.name ?? null,
        startDate: zone.established,
        // The memorandum: six months, extended automatically on the guarantors' consensus.
        termMonths: 6,
        autoExtend: true,
        sources: sourcesOf(zone, zone.area_source_refs),
        isDemo: true,
      })
      .onConflictDoNothing();
    const entries = [
      {
        status: "established" as ZoneStatus,
        fromDate: zone.established,
        note: null as string | null,
        sources: sourcesOf(zone, zone.established_source_refs),
      },
      ...(fates[zone.id] ?? []).map((fate) => ({
        status: fate.status,
        fromDate: fate.fromDate,
        note: fate.note,
        sources: sourcesOf(zone, zone.history[fate.history]?.source_refs ?? []),
      })),
    ];
    for (const [index, entry] of entries.entries()) {
      await context.tx
        .insert(followupZoneStatuses)
        .values({ id: `${id}-status-${index}`, zoneId: id, recordedBy: "demonstration record", ...entry })
        .onConflictDoNothing();
      statuses += 1;
    }
  }
  return { followupZones: zones.length, followupZoneStatuses: statuses };
}

async function remove(context: DemoContext): Promise<Record<string, number>> {
  const deleted = await context.tx
    .delete(followupZones)
    .where(eq(followupZones.isDemo, true))
    .returning({ id: followupZones.id });
  return { followupZones: deleted.length };
}

/** The four zones of 4 May 2017 and their fates, loaded and removed with the demonstration record. */
export const followupDemoPart: DemoPart = { load, remove };
