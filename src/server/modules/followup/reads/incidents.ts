// Incidents as each reader may see them, decided in SQL: the rows by their tier (the public: verified
// and declassified only), the raw report's columns only for the process's delegations (the public
// gets the summary), and the protected table joined only for the monitoring team.
import { and, asc, count, desc, eq, exists, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  IncidentDetail,
  IncidentList,
  IncidentQuery,
  IncidentView,
} from "../../../../contracts/followup.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { findProcess } from "../../core/index.ts";
import { requireDay } from "../dates.ts";
import { memberProcesses, monitoredProcesses, processIn, readableIncidents } from "../policies.ts";
import {
  followupIncidentLinks,
  followupIncidentProtected,
  followupIncidents,
  followupIncidentZones,
  followupVerifications,
} from "../schema.ts";
import { coarsePlace, gridOfPlace } from "./coarse-place.ts";
import { listIncidentPoints } from "./incident-points.ts";

const i = followupIncidents;

/** A column of the raw report, or null where the reader gets the summary only. */
function raw<T>(full: SQL, column: SQL | AnyPgColumn, as: string) {
  return sql<T | null>`case when ${full} then ${column} end`.as(as);
}

/** Whether the reader gets an incident's raw report (the process's delegations) rather than its summary. */
function readsReports(actor: Actor): SQL {
  return processIn(actor, i.processId, memberProcesses(actor));
}

/** The columns a reader gets. */
function selection(actor: Actor) {
  const full = readsReports(actor);
  const monitor = processIn(actor, i.processId, monitoredProcesses(actor));
  const text = <T>(column: SQL | AnyPgColumn, as: string) => raw<T>(full, column, as);
  return {
    columns: {
      id: i.id,
      occurredOn: i.occurredOn,
      timePrecision: i.timePrecision,
      eventType: i.eventType,
      subEventType: i.subEventType,
      fatalities: i.fatalities,
      verification: i.verification,
      tier: i.tier,
      summary: i.summary,
      full: sql<boolean>`(${full})`.as("full"),
      latitude: raw<number>(full, i.latitude, "r_latitude"),
      placeLatitude: coarsePlace(full, i.latitude).as("p_latitude"),
      placeLongitude: coarsePlace(full, i.longitude).as("p_longitude"),
      placeGrid: gridOfPlace(full).as("p_grid"),
      longitude: raw<number>(full, i.longitude, "r_longitude"),
      geoPrecision: raw<string>(full, i.geoPrecision, "r_geo_precision"),
      location: text<string>(i.location, "r_location"),
      admin: text<string[]>(i.admin, "r_admin"),
      actor1: text<string>(i.actor1, "r_actor1"),
      actor2: text<string>(i.actor2, "r_actor2"),
      sources: text<{ url: string; title?: string }[]>(i.sources, "r_sources"),
      notes: text<string>(i.notes, "r_notes"),
      sourceSystem: raw<string>(full, i.sourceSystem, "r_source_system"),
      externalId: raw<string>(full, i.externalId, "r_external_id"),
      monitor: sql<boolean>`(${monitor})`.as("monitor"),
      reporter: followupIncidentProtected.reporter,
      sensitive: followupIncidentProtected.sensitive,
    },
    // The protected row exists in the answer only where the reader monitors the process.
    protectedJoin: and(eq(followupIncidentProtected.incidentId, i.id), monitor) ?? sql`false`,
  };
}

type Selected = {
  id: string;
  occurredOn: string;
  timePrecision: z.infer<typeof IncidentView>["timePrecision"];
  eventType: string;
  subEventType: string | null;
  fatalities: number;
  verification: z.infer<typeof IncidentView>["verification"];
  tier: z.infer<typeof IncidentView>["tier"];
  summary: string | null;
  full: boolean;
  latitude: number | null;
  longitude: number | null;
  placeLatitude: number | null;
  placeLongitude: number | null;
  placeGrid: number | null;
  geoPrecision: string | null;
  location: string | null;
  admin: string[] | null;
  actor1: string | null;
  actor2: string | null;
  sources: { url: string; title?: string }[] | null;
  notes: string | null;
  sourceSystem: string | null;
  externalId: string | null;
  monitor: boolean;
  reporter: string | null;
  sensitive: Record<string, unknown> | null;
};

async function present(db: Db, rows: Selected[]): Promise<z.infer<typeof IncidentView>[]> {
  const zones =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(followupIncidentZones)
          .where(
            inArray(
              followupIncidentZones.incidentId,
              rows.map((row) => row.id),
            ),
          );
  return rows.map((row) => ({
    id: row.id,
    occurredOn: row.occurredOn,
    timePrecision: row.timePrecision,
    eventType: row.eventType,
    subEventType: row.subEventType,
    fatalities: row.fatalities,
    verification: row.verification,
    tier: row.tier,
    summary: row.summary,
    zones: zones
      .filter((zone) => zone.incidentId === row.id)
      .map((zone) => ({ zoneId: zone.zoneId, status: zone.zoneStatus })),
    report: row.full
      ? {
          latitude: Number(row.latitude),
          longitude: Number(row.longitude),
          geoPrecision: (row.geoPrecision ?? "exact") as "exact",
          location: row.location,
          admin: row.admin ?? [],
          actor1: row.actor1,
          actor2: row.actor2,
          sources: row.sources ?? [],
          notes: row.notes,
          sourceSystem: row.sourceSystem ?? "",
          externalId: row.externalId,
        }
      : null,
    place:
      !row.full && row.placeLatitude !== null && row.placeLongitude !== null
        ? {
            latitude: Number(row.placeLatitude),
            longitude: Number(row.placeLongitude),
            gridDegrees: Number(row.placeGrid),
          }
        : null,
    protected: row.monitor ? { reporter: row.reporter, sensitive: row.sensitive ?? {} } : null,
  }));
}

/**
 * A page of a process's incidents the actor may see, newest first, filtered by day, zone and state; with
 * `fields=map`, as the map's points (incident-points.ts), under the same filter.
 */
export async function listIncidents(
  db: Db,
  actor: Actor,
  processRef: string,
  query: z.infer<typeof IncidentQuery>,
): Promise<z.infer<typeof IncidentList>> {
  const process = await findProcess(db, processRef);
  const where = and(
    eq(i.processId, process.id),
    readableIncidents(actor, i),
    query.from ? gte(i.occurredOn, requireDay(query.from, "from")) : undefined,
    query.to ? lte(i.occurredOn, requireDay(query.to, "to")) : undefined,
    query.verification ? eq(i.verification, query.verification) : undefined,
    query.zoneId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(followupIncidentZones)
            .where(
              and(eq(followupIncidentZones.incidentId, i.id), eq(followupIncidentZones.zoneId, query.zoneId)),
            ),
        )
      : undefined,
  ) as SQL;
  if (query.fields === "map") return listIncidentPoints(db, where, readsReports(actor), query);
  const { columns, protectedJoin } = selection(actor);
  const rows = (await db
    .select(columns)
    .from(i)
    .leftJoin(followupIncidentProtected, protectedJoin)
    .where(where)
    .orderBy(desc(i.occurredOn), asc(i.id))
    .limit(query.limit)
    .offset(query.offset)) as unknown as Selected[];
  const [total] = await db.select({ n: count() }).from(i).where(where);
  return { items: await present(db, rows), total: total?.n ?? 0 };
}

/** One incident with its verification history and commitment links; hidden answers 404. */
export async function getIncident(db: Db, actor: Actor, id: string): Promise<z.infer<typeof IncidentDetail>> {
  const { columns, protectedJoin } = selection(actor);
  const rows = (await db
    .select(columns)
    .from(i)
    .leftJoin(followupIncidentProtected, protectedJoin)
    .where(and(eq(i.id, id), readableIncidents(actor, i)))) as unknown as Selected[];
  const [row] = rows;
  if (!row) throw new NotFound("Incident", id);
  const [incident] = await present(db, rows);
  // The workflow's history and the links are the raw report's: the summary's readers get neither.
  const history = row.full
    ? await db
        .select()
        .from(followupVerifications)
        .where(eq(followupVerifications.incidentId, id))
        .orderBy(asc(followupVerifications.at))
    : [];
  const links = row.full
    ? await db.select().from(followupIncidentLinks).where(eq(followupIncidentLinks.incidentId, id))
    : [];
  return {
    ...(incident as z.infer<typeof IncidentView>),
    history: history.map((entry) => ({
      state: entry.state,
      // Who took each step is the monitoring team's alone: a party to the conflict reads that the team
      // verified, never which of its members (an account's address) did.
      by: row.monitor
        ? entry.byLabel
        : entry.state === "reported"
          ? "reporter (protected)"
          : "monitoring team",
      reason: entry.reason,
      at: entry.at.toISOString(),
    })),
    links: links.map((link) => ({
      id: link.id,
      commitmentId: link.commitmentId,
      state: link.state,
      reason: link.reason,
    })),
  };
}
