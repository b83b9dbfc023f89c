// What the follow-up makes searchable (its manifest's `search`): zones and commitments by their tier,
// and verified incidents only — raw reports are many (an ACLED import brings millions) and their words
// are not the public's. A verified incident is two documents: its declassified summary ("incident",
// read as the incident is), and its report's own words ("incident-report", for the process's
// delegations only, never the public even once the summary is public).
import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { LocalizedText, SearchKindDefinition } from "../../platform/module.ts";
import { memberProcesses, processIn, readableIncidents, readableRows } from "./policies.ts";
import { followupCommitments, followupIncidents, followupZones } from "./schema.ts";

const english = (text: string | null | undefined): LocalizedText => ({ en: text ?? null });
const passage = (field: string, text: string | null | undefined) =>
  text ? [{ field, text: english(text) }] : [];

/** The subject is one of these rows. */
const idIn = (subjectId: AnyPgColumn, ids: SQL) => sql`${subjectId} in ${ids}`;

function visibleRows(table: typeof followupZones | typeof followupCommitments) {
  return (db: Db, actor: Actor, subjectId: AnyPgColumn) =>
    idIn(subjectId, sql`(${db.select({ id: table.id }).from(table).where(readableRows(actor, table))})`);
}

const verified = eq(followupIncidents.verification, "verified");

/** The follow-up's searchable kinds, for its manifest. */
export const followupSearch: Record<string, SearchKindDefinition> = {
  zone: {
    names: true,
    documents: async (db) =>
      (await db.select().from(followupZones)).map((zone) => ({
        subjectId: zone.id,
        processId: zone.processId,
        title: english(zone.name),
        passages: [...passage("area", zone.area), ...passage("memorandum", zone.memorandum)],
        keywords: zone.externalId ? [zone.externalId] : [],
        path: `/processes/${zone.processId}/followup?zone=${zone.id}`,
        order: zone.startDate,
      })),
    visible: visibleRows(followupZones),
  },
  commitment: {
    documents: async (db) =>
      (await db.select().from(followupCommitments)).map((commitment) => ({
        subjectId: commitment.id,
        processId: commitment.processId,
        title: english(commitment.what.length > 160 ? `${commitment.what.slice(0, 159)}…` : commitment.what),
        passages: [
          ...passage("text", commitment.what.length > 160 ? commitment.what : null),
          ...commitment.indicators.flatMap((indicator) => passage("indicator", indicator)),
        ],
        keywords: [commitment.category, commitment.status, commitment.externalId ?? ""].filter(Boolean),
        path: `/processes/${commitment.processId}/commitments/${commitment.id}`,
        order: commitment.dueDate ?? "",
      })),
    visible: visibleRows(followupCommitments),
  },
  incident: {
    documents: async (db) =>
      (
        await db
          .select()
          .from(followupIncidents)
          .where(and(verified, isNotNull(followupIncidents.summary)))
      ).map((incident) => ({
        subjectId: incident.id,
        processId: incident.processId,
        title: english(incident.summary),
        keywords: [incident.eventType, incident.subEventType ?? "", incident.occurredOn].filter(Boolean),
        path: `/processes/${incident.processId}/incidents/${incident.id}`,
        order: incident.occurredOn,
      })),
    visible: (db, actor, subjectId) =>
      idIn(
        subjectId,
        sql`(${db
          .select({ id: followupIncidents.id })
          .from(followupIncidents)
          .where(and(verified, readableIncidents(actor, followupIncidents)))})`,
      ),
  },
  "incident-report": {
    documents: async (db) =>
      (await db.select().from(followupIncidents).where(verified)).map((incident) => ({
        subjectId: incident.id,
        processId: incident.processId,
        title: english(
          [incident.eventType, incident.location, incident.occurredOn].filter(Boolean).join(" · "),
        ),
        passages: [
          ...passage("notes", incident.notes),
          ...passage("actor", incident.actor1),
          ...passage("actor", incident.actor2),
          ...incident.admin.flatMap((name) => passage("admin", name)),
        ],
        keywords: [incident.subEventType ?? "", incident.externalId ?? ""].filter(Boolean),
        path: `/processes/${incident.processId}/incidents/${incident.id}`,
        order: incident.occurredOn,
      })),
    // The report's words: the process's delegations, within the incident's tier; never the public.
    visible: (db, actor, subjectId) =>
      idIn(
        subjectId,
        sql`(${db
          .select({ id: followupIncidents.id })
          .from(followupIncidents)
          .where(
            and(
              verified,
              readableRows(actor, followupIncidents),
              processIn(actor, followupIncidents.processId, memberProcesses(actor)),
            ),
          )})`,
      ),
  },
};
