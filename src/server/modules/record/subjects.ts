import { eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Actor, Tier } from "../../platform/authz.ts";
import { canSee } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import { coreSchema, roundTier } from "../core/index.ts";
import { conflicts, conflictValues, facts, milestones, type SubjectType } from "./schema.ts";

const {
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
} = coreSchema;

/** A subject of the record as the reads and the policies need it: where it belongs and who may see it. */
export type SubjectInfo = {
  subjectType: SubjectType;
  subjectId: string;
  label: string;
  processId: string | null;
  tier: Tier;
};

export type SubjectKey = { subjectType: SubjectType; subjectId: string };

export function subjectKey(subjectType: string, subjectId: string): string {
  return `${subjectType}:${subjectId}`;
}

/** Whether the round has ever been announced: part of core's rule for when a round becomes public. */
const announced = sql<boolean>`exists (select 1 from ${roundAnnouncements} where ${roundAnnouncements.roundId} = ${rounds.id})`;

/**
 * What hangs off a round (its participations, announcements and delegations) has the round's own
 * tier, by core's rule (`roundTier`): public once announced, the process's business before.
 */
function tierOfRound(round: typeof rounds.$inferSelect, hasAnnouncement: boolean): Tier {
  return roundTier({ processId: round.processId, status: round.status, hasAnnouncement });
}

type Loader = (db: Db, ids: string[]) => Promise<Omit<SubjectInfo, "subjectType">[]>;

const english = (names: { en: string }) => names.en;

type Described = Omit<SubjectInfo, "subjectType" | "subjectId">;

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

/** How each kind of subject is found and named; a subject type without a loader is never visible. */
const loaders: Record<SubjectType, Loader> = {
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
  milestone: fromTable(milestones, (row) => ({ label: row.title, processId: row.processId, tier: row.tier })),
  fact: fromTable(facts, (row) => ({
    label: row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text,
    processId: row.processId,
    tier: row.tier,
  })),
  conflict: fromTable(conflicts, (row) => ({
    label: `Conflict: ${row.field ?? row.text.slice(0, 60)}`,
    processId: row.processId,
    tier: row.tier,
  })),
  conflict_value: async (db, ids) =>
    (
      await db
        .select({ id: conflictValues.id, value: conflictValues.value, conflict: conflicts })
        .from(conflictValues)
        .innerJoin(conflicts, eq(conflicts.id, conflictValues.conflictId))
        .where(inArray(conflictValues.id, ids))
    ).map((row) => ({
      subjectId: row.id,
      label: row.value,
      processId: row.conflict.processId,
      tier: row.conflict.tier,
    })),
};

/** Finds subjects of any type in one query per type; missing ones are absent from the map. */
export async function resolveSubjects(db: Db, keys: SubjectKey[]): Promise<Map<string, SubjectInfo>> {
  const byType = new Map<SubjectType, Set<string>>();
  for (const key of keys) {
    const set = byType.get(key.subjectType) ?? new Set<string>();
    set.add(key.subjectId);
    byType.set(key.subjectType, set);
  }
  const found = new Map<string, SubjectInfo>();
  for (const [subjectType, ids] of byType) {
    const loader = loaders[subjectType];
    if (!loader) continue;
    for (const info of await loader(db, [...ids])) {
      found.set(subjectKey(subjectType, info.subjectId), { subjectType, ...info });
    }
  }
  return found;
}

/**
 * The subject if it exists and the actor may see it; otherwise null, so a hidden subject answers
 * exactly like a missing one.
 */
export async function findVisibleSubject(db: Db, actor: Actor, key: SubjectKey): Promise<SubjectInfo | null> {
  const info = (await resolveSubjects(db, [key])).get(subjectKey(key.subjectType, key.subjectId));
  if (!info || !canSee(actor, { tier: info.tier, processId: info.processId })) return null;
  return info;
}
