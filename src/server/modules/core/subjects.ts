// The subject types core lets the record cite and dispute, each described with core's own tier rule
// (a round and what hangs off it: public once announced; a delegation's list: once accredited).
import { eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tier } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { SubjectDescription, SubjectKey, SubjectTypeDefinition } from "../../platform/module.ts";
import { roundTier } from "./policies.ts";
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

/**
 * What hangs off a round (its participations, announcements and delegations) has the round's own
 * tier, by core's rule (`roundTier`): public once announced, the process's business before.
 */
function tierOfRound(round: typeof rounds.$inferSelect, hasAnnouncement: boolean): Tier {
  return roundTier({ processId: round.processId, status: round.status, hasAnnouncement });
}

type Loader = (db: Db, ids: string[]) => Promise<SubjectDescription[]>;

const english = (names: { en: string }) => names.en;

type Described = Omit<SubjectDescription, "subjectId">;

/** A subject stored in one table under its own id: one query, each row described by `describe`. */
function fromTable<Table extends PgTable & { id: AnyPgColumn }>(
  table: Table,
  describe: (row: Table["$inferSelect"]) => Described,
): Loader {
  return async (db, ids) => {
    const rows = (await db
      .select()
      .from(table as PgTable)
      .where(inArray(table.id, ids))) as Table["$inferSelect"][];
    return rows.map((row) => ({ subjectId: (row as { id: string }).id, ...describe(row) }));
  };
}

/** How each of core's subjects is found and named. */
const loaders: Record<string, Loader> = {
  process: fromTable(processes, (row) => ({ label: english(row.names), processId: row.id, tier: "public" })),
  process_decision: fromTable(processDecisions, (row) => ({
    label: `Decision (${row.kind}) of ${row.decidedOn}`,
    processId: row.processId,
    tier: "public",
  })),
  round: async (db, ids) =>
    (await db.select({ round: rounds, announced }).from(rounds).where(inArray(rounds.id, ids))).map(
      (row) => ({
        subjectId: row.round.id,
        label: english(row.round.names),
        processId: row.round.processId,
        tier: tierOfRound(row.round, row.announced),
      }),
    ),
  round_announcement: async (db, ids) =>
    (
      await db
        .select({ id: roundAnnouncements.id, on: roundAnnouncements.publishedOn, round: rounds, announced })
        .from(roundAnnouncements)
        .innerJoin(rounds, eq(rounds.id, roundAnnouncements.roundId))
        .where(inArray(roundAnnouncements.id, ids))
    ).map((row) => ({
      subjectId: row.id,
      label: `Announcement of ${english(row.round.names)} (${row.on})`,
      processId: row.round.processId,
      tier: tierOfRound(row.round, row.announced),
    })),
  round_participation: async (db, ids) =>
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
        .where(inArray(roundParticipations.id, ids))
    ).map((row) => ({
      subjectId: row.id,
      label: `${english(row.names)} at ${english(row.round.names)} (${row.role})`,
      processId: row.round.processId,
      tier: tierOfRound(row.round, row.announced),
    })),
  role_change: async (db, ids) =>
    (
      await db
        .select({ change: roleChanges, names: participants.names })
        .from(roleChanges)
        .innerJoin(participants, eq(participants.id, roleChanges.participantId))
        .where(inArray(roleChanges.id, ids))
    ).map((row) => ({
      subjectId: row.change.id,
      label: `${english(row.names)}: ${row.change.change.replaceAll("_", " ")}${row.change.occurredOn ? ` (${row.change.occurredOn.slice(0, row.change.occurredPrecision === "month" ? 7 : 10)})` : ""}`,
      processId: row.change.processId,
      tier: "public" as Tier,
    })),
  delegation_member: async (db, ids) =>
    (
      await db
        .select({
          id: delegationMembers.id,
          name: delegationMembers.nameLatin,
          status: roundDelegations.status,
          round: rounds,
          announced,
          names: participants.names,
        })
        .from(delegationMembers)
        .innerJoin(roundDelegations, eq(roundDelegations.id, delegationMembers.roundDelegationId))
        .innerJoin(rounds, eq(rounds.id, roundDelegations.roundId))
        .innerJoin(participants, eq(participants.id, roundDelegations.participantId))
        .where(inArray(delegationMembers.id, ids))
    ).map((row) => ({
      subjectId: row.id,
      label: `${row.name} (${english(row.names)}, ${english(row.round.names)})`,
      processId: row.round.processId,
      // A delegation's list is published with its accreditation, not before.
      tier: row.status === "accredited" ? tierOfRound(row.round, row.announced) : ("process" as Tier),
    })),
  meeting: fromTable(meetings, (row) => ({
    label: english(row.names),
    processId: row.processId,
    tier: "public",
  })),
  participant: fromTable(participants, (row) => ({
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

/** core's subject types for its manifest: each loader, and the parts of a round, process and participant. */
export const coreSubjectTypes: Record<string, SubjectTypeDefinition> = Object.fromEntries(
  Object.entries(loaders).map(([type, load]) => [type, { load, parts: parts[type] }]),
);
