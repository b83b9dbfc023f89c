// The subject types core lets the record cite and dispute, each described and hidden by core's own
// tier rules in SQL (a round and what hangs off it: public once announced; a delegation's list: its
// own delegation and the secretariat until accredited, the round's readers after).
import { eq, sql } from "drizzle-orm";
import type { Tier } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { SubjectKey, SubjectTypeDefinition } from "../../platform/module.ts";
import { defineSubjectType, type SubjectKind, subjectInTable } from "../../platform/subject-types.ts";
import { roundDelegationsVisibleTo, roundDelegationTier, roundsVisibleTo, roundTier } from "./policies.ts";
import {
  delegationMembers,
  meetings,
  participants,
  processDecisions,
  processes,
  roleChanges,
  roundAnnouncements,
  roundDelegations,
  roundParticipations,
  rounds,
} from "./schema.ts";

/** Whether the round has ever been announced: part of core's rule for when a round becomes public. */
const announced = sql<boolean>`exists (select 1 from ${roundAnnouncements} where ${roundAnnouncements.roundId} = ${rounds.id})`;

function tierOfRound(round: typeof rounds.$inferSelect, hasAnnouncement: boolean): Tier {
  return roundTier({ processId: round.processId, status: round.status, hasAnnouncement });
}

const english = (names: { en: string }) => names.en;

/** Each of core's subjects. */
const kinds: Record<string, SubjectKind> = {
  process: subjectInTable(processes, (row) => ({
    label: english(row.names),
    processId: row.id,
    tier: "public",
  })),
  process_decision: subjectInTable(processDecisions, (row) => ({
    label: `Decision (${row.kind}) of ${row.decidedOn}`,
    processId: row.processId,
    tier: "public",
  })),
  round: {
    id: rounds.id,
    visible: roundsVisibleTo,
    load: async (db, where) =>
      (await db.select({ round: rounds, announced }).from(rounds).where(where)).map((row) => ({
        subjectId: row.round.id,
        label: english(row.round.names),
        processId: row.round.processId,
        tier: tierOfRound(row.round, row.announced),
      })),
    visibleIds: (db, actor) =>
      sql`${db.select({ id: rounds.id }).from(rounds).where(roundsVisibleTo(actor))}`,
  },
  round_announcement: {
    id: roundAnnouncements.id,
    visible: roundsVisibleTo,
    load: async (db, where) =>
      (
        await db
          .select({ id: roundAnnouncements.id, on: roundAnnouncements.publishedOn, round: rounds, announced })
          .from(roundAnnouncements)
          .innerJoin(rounds, eq(rounds.id, roundAnnouncements.roundId))
          .where(where)
      ).map((row) => ({
        subjectId: row.id,
        label: `Announcement of ${english(row.round.names)} (${row.on})`,
        processId: row.round.processId,
        tier: tierOfRound(row.round, row.announced),
      })),
    visibleIds: (db, actor) =>
      sql`${db
        .select({ id: roundAnnouncements.id })
        .from(roundAnnouncements)
        .innerJoin(rounds, eq(rounds.id, roundAnnouncements.roundId))
        .where(roundsVisibleTo(actor))}`,
  },
  round_participation: {
    id: roundParticipations.id,
    visible: roundsVisibleTo,
    load: async (db, where) =>
      (
        await db
          .select({
            id: roundParticipations.id,
            role: roundParticipations.role,
            round: rounds,
            announced,
            names: participants.names,
          })
          .from(roundParticipations)
          .innerJoin(rounds, eq(rounds.id, roundParticipations.roundId))
          .innerJoin(participants, eq(participants.id, roundParticipations.participantId))
          .where(where)
      ).map((row) => ({
        subjectId: row.id,
        label: `${english(row.names)} at ${english(row.round.names)} (${row.role})`,
        processId: row.round.processId,
        tier: tierOfRound(row.round, row.announced),
      })),
    visibleIds: (db, actor) =>
      sql`${db
        .select({ id: roundParticipations.id })
        .from(roundParticipations)
        .innerJoin(rounds, eq(rounds.id, roundParticipations.roundId))
        .where(roundsVisibleTo(actor))}`,
  },
  role_change: {
    id: roleChanges.id,
    visible: () => undefined,
    load: async (db, where) =>
      (
        await db
          .select({ change: roleChanges, names: participants.names })
          .from(roleChanges)
          .innerJoin(participants, eq(participants.id, roleChanges.participantId))
          .where(where)
      ).map((row) => ({
        subjectId: row.change.id,
        label: `${english(row.names)}: ${row.change.change.replaceAll("_", " ")}${row.change.occurredOn ? ` (${row.change.occurredOn.slice(0, row.change.occurredPrecision === "month" ? 7 : 10)})` : ""}`,
        processId: row.change.processId,
        tier: "public" as Tier,
      })),
    visibleIds: (db) => sql`${db.select({ id: roleChanges.id }).from(roleChanges)}`,
  },
  // A delegation's list of members is seen by whoever may see the round delegation (core's one rule):
  // its own delegation and the secretariat until accredited, the round's readers after.
  delegation_member: {
    id: delegationMembers.id,
    visible: roundDelegationsVisibleTo,
    load: async (db, where) =>
      (
        await db
          .select({
            id: delegationMembers.id,
            name: delegationMembers.nameLatin,
            status: roundDelegations.status,
            delegationId: roundDelegations.delegationId,
            round: rounds,
            announced,
            names: participants.names,
          })
          .from(delegationMembers)
          .innerJoin(roundDelegations, eq(roundDelegations.id, delegationMembers.roundDelegationId))
          .innerJoin(rounds, eq(rounds.id, roundDelegations.roundId))
          .innerJoin(participants, eq(participants.id, roundDelegations.participantId))
          .where(where)
      ).map((row) => ({
        subjectId: row.id,
        label: `${row.name} (${english(row.names)}, ${english(row.round.names)})`,
        processId: row.round.processId,
        tier: roundDelegationTier({
          round: { processId: row.round.processId, status: row.round.status, hasAnnouncement: row.announced },
          delegationId: row.delegationId,
          status: row.status,
        }),
        delegationId: row.delegationId,
      })),
    visibleIds: (db, actor) =>
      sql`${db
        .select({ id: delegationMembers.id })
        .from(delegationMembers)
        .innerJoin(roundDelegations, eq(roundDelegations.id, delegationMembers.roundDelegationId))
        .innerJoin(rounds, eq(rounds.id, roundDelegations.roundId))
        .where(roundDelegationsVisibleTo(actor))}`,
  },
  meeting: subjectInTable(meetings, (row) => ({
    label: english(row.names),
    processId: row.processId,
    tier: "public",
  })),
  participant: subjectInTable(participants, (row) => ({
    label: english(row.names),
    processId: null,
    tier: "public",
  })),
};

const ids = (subjectType: string, rows: { id: string }[]): SubjectKey[] =>
  rows.map((row) => ({ subjectType, subjectId: row.id }));

/** The parts whose record a subject's page shows with its own. */
const parts: Record<string, (db: Db, id: string) => Promise<SubjectKey[]>> = {
  round: async (db, id) => [
    ...ids(
      "round_participation",
      await db
        .select({ id: roundParticipations.id })
        .from(roundParticipations)
        .where(eq(roundParticipations.roundId, id)),
    ),
    ...ids(
      "delegation_member",
      await db
        .select({ id: delegationMembers.id })
        .from(delegationMembers)
        .innerJoin(roundDelegations, eq(roundDelegations.id, delegationMembers.roundDelegationId))
        .where(eq(roundDelegations.roundId, id)),
    ),
    ...ids(
      "round_announcement",
      await db
        .select({ id: roundAnnouncements.id })
        .from(roundAnnouncements)
        .where(eq(roundAnnouncements.roundId, id)),
    ),
  ],
  process: async (db, id) => [
    ...ids(
      "process_decision",
      await db
        .select({ id: processDecisions.id })
        .from(processDecisions)
        .where(eq(processDecisions.processId, id)),
    ),
    ...ids(
      "role_change",
      await db.select({ id: roleChanges.id }).from(roleChanges).where(eq(roleChanges.processId, id)),
    ),
  ],
  participant: async (db, id) =>
    ids(
      "role_change",
      await db.select({ id: roleChanges.id }).from(roleChanges).where(eq(roleChanges.participantId, id)),
    ),
};

/** core's subject types for its manifest: each kind, and the parts of a round, process and participant. */
export const coreSubjectTypes: Record<string, SubjectTypeDefinition> = Object.fromEntries(
  Object.entries(kinds).map(([type, kind]) => [type, defineSubjectType({ ...kind, parts: parts[type] })]),
);
