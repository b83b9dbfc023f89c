// What the follow-up's operations share: ids, loading their targets inside the transaction, and the
// attribution of incidents to the zones they fall in on their day and to the commitments they may breach.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ZoneStatus } from "../../../../contracts/followup.ts";
import type { Actor, Tier } from "../../../platform/authz.ts";
import { insertMany } from "../../../platform/bulk.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import type { AuditDetail, OperationContext } from "../../../platform/operation.ts";
import { findProcess } from "../../core/index.ts";
import { type Bbox, containsPoint } from "../geo.ts";
import { canMonitor, canRead } from "../policies.ts";
import {
  followupCommitments,
  followupIncidentLinks,
  followupIncidents,
  followupIncidentZones,
  followupZoneStatuses,
  followupZones,
} from "../schema.ts";

type FollowupIncident = typeof followupIncidents.$inferSelect;

export const newId = () => randomUUID();

/** The process a route names (id or slug), for an operation's policy. */
export async function loadProcess(tx: Db, ref: string): Promise<{ processId: string }> {
  const process = await findProcess(tx, ref);
  return { processId: process.id };
}

/** A record an operation acts on, by id; one the actor may not read answers 404 like a missing one. */
export async function loadVisible<Row extends { tier: Tier; processId: string }>(
  rows: Row[],
  actor: Actor,
  what: string,
  id: string,
): Promise<Row> {
  const [row] = rows;
  if (!row || !canRead(actor, row)) throw new NotFound(what, id);
  return row;
}

/** The audit scope of a follow-up record. */
export function scopeOf(
  subjectType: string,
  target: { id?: string; processId: string; tier?: Tier } | undefined,
): AuditDetail {
  return target
    ? { subjectType, subjectId: target.id, processId: target.processId, tier: target.tier ?? "process" }
    : {};
}

/** A zone as attribution needs it: its polygon, box, start and status changes in date order. */
export type AttributionZone = {
  id: string;
  geometry: { type: "Polygon"; coordinates: number[][][] };
  bbox: Bbox;
  startDate: string;
  changes: { status: ZoneStatus; fromDate: string }[];
};

/** Every zone of a process, with its status history, for attributing incidents. */
export async function zonesForAttribution(tx: Db, processId: string): Promise<AttributionZone[]> {
  const zones = await tx.select().from(followupZones).where(eq(followupZones.processId, processId));
  if (zones.length === 0) return [];
  const changes = await tx
    .select()
    .from(followupZoneStatuses)
    .where(
      inArray(
        followupZoneStatuses.zoneId,
        zones.map((zone) => zone.id),
      ),
    )
    .orderBy(asc(followupZoneStatuses.fromDate), asc(followupZoneStatuses.createdAt));
  return zones.map((zone) => ({
    id: zone.id,
    geometry: zone.geometry,
    bbox: [zone.minLon, zone.minLat, zone.maxLon, zone.maxLat],
    startDate: zone.startDate,
    changes: changes.filter((change) => change.zoneId === zone.id),
  }));
}

/**
 * The zones a point falls in on a day, with each zone's status that day (its latest change on or
 * before the day). A zone counts from its start date until the day it is dissolved: an incident
 * before a zone existed, or after it ceased to, is in no zone.
 */
export function zonesAt(
  zones: AttributionZone[],
  day: string,
  longitude: number,
  latitude: number,
): { zoneId: string; status: ZoneStatus }[] {
  const found: { zoneId: string; status: ZoneStatus }[] = [];
  for (const zone of zones) {
    if (day < zone.startDate) continue;
    if (!containsPoint(zone.geometry, zone.bbox, longitude, latitude)) continue;
    let status: ZoneStatus = "established";
    for (const change of zone.changes) if (change.fromDate <= day) status = change.status;
    if (status !== "dissolved") found.push({ zoneId: zone.id, status });
  }
  return found;
}

/** Event types that break a ceasefire (ACLED's violent types and their plain names). */
export const violentEventTypes = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Ceasefire violation",
  "Attack",
];

/**
 * Re-attributes incidents of a process (all, or those `where` selects) to zones, then suggests a link
 * to every ceasefire or de-escalation commitment covering a zone a violent incident fell in. Links
 * the monitor already decided are kept as decided.
 */
export async function attributeIncidents(tx: Db, processId: string, where?: SQL): Promise<number> {
  const zones = await zonesForAttribution(tx, processId);
  const incidents = await tx
    .select({
      id: followupIncidents.id,
      day: followupIncidents.occurredOn,
      longitude: followupIncidents.longitude,
      latitude: followupIncidents.latitude,
    })
    .from(followupIncidents)
    .where(and(eq(followupIncidents.processId, processId), where));
  const ids = incidents.map((incident) => incident.id);
  if (ids.length === 0) return 0;
  await tx
    .delete(followupIncidentZones)
    .where(
      where
        ? inArray(followupIncidentZones.incidentId, ids)
        : inArray(
            followupIncidentZones.incidentId,
            tx
              .select({ id: followupIncidents.id })
              .from(followupIncidents)
              .where(eq(followupIncidents.processId, processId)),
          ),
    );
  const rows = incidents.flatMap((incident) =>
    zonesAt(zones, incident.day, incident.longitude, incident.latitude).map((zone) => ({
      incidentId: incident.id,
      zoneId: zone.zoneId,
      zoneStatus: zone.status,
    })),
  );
  await insertMany(tx, followupIncidentZones, rows);
  await suggestLinks(tx, processId);
  return rows.length;
}

/**
 * Suggests a link from each violent incident of the process to each ceasefire or de-escalation
 * commitment that covers a zone it fell in (not yet linked; one the monitor decided stays decided).
 */
export async function suggestLinks(tx: Db, processId: string): Promise<void> {
  await tx.execute(sql`
    insert into ${followupIncidentLinks} (id, incident_id, commitment_id, state)
    select gen_random_uuid()::text, i.id, c.id, 'suggested'
    from ${followupIncidents} i
    join ${followupIncidentZones} iz on iz.incident_id = i.id
    join ${followupCommitments} c on c.process_id = i.process_id
      and c.category in ('ceasefire', 'de_escalation')
      and c.zone_ids ? iz.zone_id
    where i.process_id = ${processId}
      and i.event_type in (${sql.join(
        violentEventTypes.map((type) => sql`${type}`),
        sql`, `,
      )})
    on conflict (incident_id, commitment_id) do nothing`);
}

/**
 * Tells live readers that a follow-up record changed: its id only, at the record's tier, so the
 * stream never carries what a reader's tier (or the monitoring team's protection) keeps from them.
 */
export function emitChange(
  ctx: OperationContext,
  type: string,
  subjectType: string,
  record: { id: string; processId: string; tier: Tier },
): void {
  ctx.emit({
    type,
    tier: record.tier,
    processId: record.processId,
    subjectType,
    subjectId: record.id,
    payload: { id: record.id },
  });
}

/**
 * The prelude of the monitoring team's decisions on one incident (verify, declassify): the incident as
 * the actor may see it (a hidden one answers 404 like a missing one), decided by the process's monitors
 * only, audited under the incident.
 */
export const byMonitorOfIncident = {
  load: async (tx: Db, input: { incidentId: string }, actor: Actor) =>
    loadVisible(
      await tx.select().from(followupIncidents).where(eq(followupIncidents.id, input.incidentId)),
      actor,
      "Incident",
      input.incidentId,
    ),
  authorize: (actor: Actor, _input: unknown, incident: FollowupIncident) =>
    canMonitor(actor, incident.processId),
  scope: (_input: unknown, incident: FollowupIncident | undefined) => scopeOf("followup.incident", incident),
};
