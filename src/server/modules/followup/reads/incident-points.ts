// The map's month (`fields=map`): the incidents of a period as points, built in SQL as one JSON value
// (each incident a short array, its zones aggregated beside it, the total counted in the same pass)
// rather than a thousand rows of two dozen columns and a second query for the zones: moving the rows
// out of the database, not finding them, was what the month query spent its time on.
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { IncidentList, IncidentView } from "../../../../contracts/followup.ts";
import type { Db } from "../../../platform/db.ts";
import { followupIncidents, followupIncidentZones } from "../schema.ts";
import { coarsePlace, gridOfPlace } from "./coarse-place.ts";

type View = z.infer<typeof IncidentView>;

/** One incident as the SQL below writes it: the order of json_build_array's arguments. */
type Point = [
  id: string,
  occurredOn: string,
  timePrecision: View["timePrecision"],
  eventType: string,
  subEventType: string | null,
  fatalities: number,
  verification: View["verification"],
  tier: View["tier"],
  summary: string | null,
  full: boolean,
  latitude: number | null,
  longitude: number | null,
  geoPrecision: string | null,
  sourceSystem: string | null,
  externalId: string | null,
  zones: [string, View["zones"][number]["status"]][] | null,
  placeLatitude: number | null,
  placeLongitude: number | null,
  placeGrid: number | null,
];

const i = followupIncidents;

/**
 * A page of incidents as map points: `where` is the caller's filter (the tier rule among it, unchanged),
 * `full` whether the reader gets the raw report (its place and precision here; its texts are left empty
 * and the protected fields out, as `fields=map` promises).
 */
export async function listIncidentPoints(
  db: Db,
  where: SQL,
  full: SQL,
  page: { limit: number; offset: number },
): Promise<z.infer<typeof IncidentList>> {
  const raw = (column: AnyPgColumn) => sql`case when ${full} then ${column} end`;
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(p.id, p.occurred_on, p.time_precision, p.event_type,
        p.sub_event_type, p.fatalities, p.verification, p.tier, p.summary, p.full, p.latitude, p.longitude,
        p.geo_precision, p.source_system, p.external_id, p.zones, p.place_latitude, p.place_longitude,
        p.place_grid) order by p.occurred_on desc, p.id), '[]')::text as items,
      max(p.total)::int as total
    from (
      select ${i.id} as id, ${i.occurredOn} as occurred_on, ${i.timePrecision} as time_precision,
        ${i.eventType} as event_type, ${i.subEventType} as sub_event_type, ${i.fatalities} as fatalities,
        ${i.verification} as verification, ${i.tier} as tier, ${i.summary} as summary, (${full}) as full,
        ${raw(i.latitude)} as latitude, ${raw(i.longitude)} as longitude, ${raw(i.geoPrecision)} as geo_precision,
        ${raw(i.sourceSystem)} as source_system, ${raw(i.externalId)} as external_id,
        (select json_agg(json_build_array(z.zone_id, z.zone_status)) from ${followupIncidentZones} z
          where z.incident_id = ${i.id}) as zones,
        ${coarsePlace(full, i.latitude)} as place_latitude, ${coarsePlace(full, i.longitude)} as place_longitude,
        ${gridOfPlace(full)} as place_grid,
        count(*) over () as total
      from ${i}
      where ${where}
      order by ${i.occurredOn} desc, ${i.id}
      limit ${page.limit} offset ${page.offset}
    ) p`);
  const [row] = (result as unknown as { rows: { items: string; total: number | null }[] }).rows;
  const points = JSON.parse(row?.items ?? "[]") as Point[];
  // A page past the end has no row to carry the total.
  const total = row?.total ?? (page.offset > 0 ? await countOf(db, where) : 0);
  return { items: points.map(present), total };
}

async function countOf(db: Db, where: SQL): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from ${i} where ${where}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

function present(point: Point): View {
  const [id, occurredOn, timePrecision, eventType, subEventType, fatalities, verification, tier, summary] =
    point;
  const [, , , , , , , , , full, latitude, longitude, geoPrecision, sourceSystem, externalId, zones] = point;
  const [placeLatitude, placeLongitude, placeGrid] = point.slice(16) as [
    number | null,
    number | null,
    number | null,
  ];
  return {
    id,
    occurredOn,
    timePrecision,
    eventType,
    subEventType,
    fatalities,
    verification,
    tier,
    summary,
    zones: (zones ?? []).map(([zoneId, status]) => ({ zoneId, status })),
    report: full
      ? {
          latitude: Number(latitude),
          longitude: Number(longitude),
          geoPrecision: (geoPrecision ?? "exact") as "exact",
          location: null,
          admin: [],
          actor1: null,
          actor2: null,
          sources: [],
          notes: null,
          sourceSystem: sourceSystem ?? "",
          externalId,
        }
      : null,
    place:
      !full && placeLatitude !== null && placeLongitude !== null
        ? {
            latitude: Number(placeLatitude),
            longitude: Number(placeLongitude),
            gridDegrees: Number(placeGrid),
          }
        : null,
    protected: null,
  };
}
