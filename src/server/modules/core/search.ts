// What core makes searchable (its manifest's `search`): processes, rounds, meetings, the process's
// decisions, participants and the people of delegations, each hidden by core's own tier rule (the same
// subqueries its subject types give the record).
import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { LocalizedText, SearchDocument, SearchKindDefinition } from "../../platform/module.ts";
import { textVersionsOfType } from "../../platform/text-versions.ts";
import {
  delegationMembers,
  meetings,
  participants,
  processDecisions,
  processes,
  roundAnnouncements,
  roundDelegations,
  rounds,
} from "./schema.ts";
import { coreSubjectTypes } from "./subjects.ts";

/** Visible when the subject type's own rule lists the id (core's tier rule, in SQL). */
function visibleAs(subjectType: string): SearchKindDefinition["visible"] {
  return (db: Db, actor: Actor, subjectId: AnyPgColumn): SQL => {
    const definition = coreSubjectTypes[subjectType];
    if (!definition) throw new Error(`core has no subject type ${subjectType}`);
    return sql`${subjectId} in ${definition.visibleIds(db, actor)}`;
  };
}

/** A text that exists only in English as the record stores it (a city, a wording). */
const english = (text: string | null | undefined): LocalizedText => ({ en: text ?? null });

/** The language a name in its own script is written in, by its letters. */
function inOwnScript(name: string | null): LocalizedText {
  if (!name) return {};
  if (/[\u0600-\u06FF]/.test(name)) return { ar: name };
  if (/[\u0400-\u04FF]/.test(name)) return { ru: name };
  return {};
}

const passage = (field: string, text: LocalizedText) =>
  Object.values(text).some((value) => value) ? [{ field, text }] : [];

type Versions = Awaited<ReturnType<typeof textVersionsOfType>>;

/** A text as its column holds it (English) with the Russian and Arabic versions the record keeps of it. */
function withVersions(
  versions: Versions,
  subjectId: string | null | undefined,
  field: string,
  own: string | null,
) {
  const kept = subjectId ? versions.get(subjectId)?.get(field) : undefined;
  return { en: own, ru: kept?.ru ?? null, ar: kept?.ar ?? null };
}

/** A city in every language the record names it (translations are kept once per English name). */
const placeIn = (places: Versions, city: string | null) => withVersions(places, city, "name", city);

async function processDocuments(db: Db): Promise<SearchDocument[]> {
  return (await db.select().from(processes)).map((row) => ({
    subjectId: row.id,
    processId: row.id,
    title: row.names,
    passages: passage("place", english([row.defaultCity, row.defaultVenue].filter(Boolean).join(", "))),
    keywords: [row.slug],
    path: `/processes/${row.slug}`,
  }));
}

async function roundDocuments(db: Db): Promise<SearchDocument[]> {
  const announcements = new Map<string, { id: string; text: string }[]>();
  for (const row of await db
    .select({ id: roundAnnouncements.id, roundId: roundAnnouncements.roundId, text: roundAnnouncements.text })
    .from(roundAnnouncements)
    .orderBy(asc(roundAnnouncements.publishedOn))) {
    announcements.set(row.roundId, [...(announcements.get(row.roundId) ?? []), row]);
  }
  const [places, ownVersions, announcementVersions] = await Promise.all([
    textVersionsOfType(db, "place"),
    textVersionsOfType(db, "round"),
    textVersionsOfType(db, "round_announcement"),
  ]);
  return (await db.select().from(rounds)).map((row) => ({
    subjectId: row.id,
    processId: row.processId,
    title: row.names,
    passages: [
      ...passage("place", placeIn(places, row.city)),
      ...passage("venue", withVersions(ownVersions, row.id, "venue", row.venue)),
      ...passage("nextRound", withVersions(ownVersions, row.id, "nextRoundWording", row.nextRoundWording)),
      ...passage("status", english(row.statusReason)),
      ...(announcements.get(row.id) ?? []).map(({ id, text }) => ({
        field: "announcement",
        text: withVersions(announcementVersions, id, "text", text),
      })),
    ],
    path: `/rounds/${row.id}`,
    order: String(row.number).padStart(6, "0"),
  }));
}

async function meetingDocuments(db: Db): Promise<SearchDocument[]> {
  const [places, ownVersions] = await Promise.all([
    textVersionsOfType(db, "place"),
    textVersionsOfType(db, "meeting"),
  ]);
  return (await db.select().from(meetings)).map((row) => ({
    subjectId: row.id,
    processId: row.processId,
    title: row.names,
    passages: [
      ...passage("place", placeIn(places, row.city)),
      ...passage("venue", withVersions(ownVersions, row.id, "venue", row.venue)),
      ...passage("host", english(row.host)),
      ...passage("date", english(row.dateNote)),
    ],
    path: `/meetings/${row.id}`,
    order: row.startDate ?? "",
  }));
}

async function decisionDocuments(db: Db): Promise<SearchDocument[]> {
  const rows = await db
    .select({ decision: processDecisions, slug: processes.slug })
    .from(processDecisions)
    .innerJoin(processes, eq(processes.id, processDecisions.processId));
  const versions = await textVersionsOfType(db, "process_decision");
  return rows.map(({ decision, slug }) => ({
    subjectId: decision.id,
    processId: decision.processId,
    title: english(decision.text.length > 160 ? `${decision.text.slice(0, 159)}…` : decision.text),
    passages: [
      ...passage("text", withVersions(versions, decision.id, "text", decision.text)),
      ...passage("decidedBy", withVersions(versions, decision.id, "decidedBy", decision.decidedBy)),
    ],
    keywords: [decision.kind, decision.decidedOn],
    path: `/processes/${slug}`,
    order: decision.decidedOn,
  }));
}

async function participantDocuments(db: Db): Promise<SearchDocument[]> {
  return (await db.select().from(participants)).map((row) => ({
    subjectId: row.id,
    processId: null,
    title: row.names,
    keywords: [row.shortName ?? "", ...row.aliases, row.slug].filter(Boolean),
    path: `/participants/${row.id}`,
  }));
}

async function personDocuments(db: Db): Promise<SearchDocument[]> {
  const rows = await db
    .select({
      member: delegationMembers,
      roundDelegationId: roundDelegations.id,
      processId: rounds.processId,
    })
    .from(delegationMembers)
    .innerJoin(roundDelegations, eq(roundDelegations.id, delegationMembers.roundDelegationId))
    .innerJoin(rounds, eq(rounds.id, roundDelegations.roundId));
  const people = await textVersionsOfType(db, "delegation_member");
  return rows.map(({ member, roundDelegationId, processId }) => ({
    subjectId: member.id,
    processId,
    title: {
      ...withVersions(people, member.id, "name", member.nameLatin),
      ...inOwnScript(member.nameNative),
    },
    passages: passage("position", withVersions(people, member.id, "title", member.title)),
    keywords: member.nameNative ? [member.nameNative] : [],
    path: `/round-delegations/${roundDelegationId}`,
  }));
}

/** core's searchable kinds, for its manifest. */
export const coreSearch: Record<string, SearchKindDefinition> = {
  process: { names: true, documents: processDocuments, visible: visibleAs("process") },
  round: { names: true, documents: roundDocuments, visible: visibleAs("round") },
  meeting: { names: true, documents: meetingDocuments, visible: visibleAs("meeting") },
  decision: { documents: decisionDocuments, visible: visibleAs("process_decision") },
  participant: { names: true, documents: participantDocuments, visible: visibleAs("participant") },
  person: { names: true, documents: personDocuments, visible: visibleAs("delegation_member") },
};
