import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Actor, Tier } from "../../platform/authz.ts";
import { visibleTo } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import {
  coreSchema,
  roundDelegationsVisibleTo,
  roundDelegationTier,
  roundsVisibleTo,
  roundTier,
} from "../core/index.ts";
import { citations, conflicts, conflictValues, facts, milestones, type SubjectType } from "./schema.ts";

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
  /** The standing delegation a `delegation`-tier subject belongs to (a round delegation's member). */
  delegationId?: string | null;
};

export type SubjectKey = { subjectType: SubjectType; subjectId: string };

export function subjectKey(subjectType: string, subjectId: string): string {
  return `${subjectType}:${subjectId}`;
}

/** Whether the round has ever been announced: part of core's rule for when a round becomes public. */
const announced = sql<boolean>`exists (select 1 from ${roundAnnouncements} where ${roundAnnouncements.roundId} = ${rounds.id})`;

function tierOfRound(round: typeof rounds.$inferSelect, hasAnnouncement: boolean): Tier {
  return roundTier({ processId: round.processId, status: round.status, hasAnnouncement });
}

type Described = Omit<SubjectInfo, "subjectType">;

/**
 * How one kind of subject is found, named and hidden. `load` reads the subjects among `ids` that
 * also satisfy `where` (the tier condition, or nothing for the system's own use); `visible` is that
 * tier condition in SQL over the tables `load` and `visibleIds` join, so every filter is in the query.
 */
type SubjectKind = {
  id: AnyPgColumn;
  load: (db: Db, where: SQL | undefined) => Promise<Described[]>;
  visible: (actor: Actor) => SQL | undefined;
  /** The ids of this kind the actor may see, as a subquery (for sources and citations). */
  visibleIds: (db: Db, actor: Actor) => SQL;
};

const english = (names: { en: string }) => names.en;

/** A subject stored in one table under its own id, whose tier is `public` or its own `tier` column. */
function fromTable<Table extends PgTable & { id: AnyPgColumn }>(
  table: Table,
  describe: (row: Table["$inferSelect"]) => Omit<Described, "subjectId">,
  tierColumns?: { tier: AnyPgColumn; processId: AnyPgColumn },
): SubjectKind {
  const visible = (actor: Actor) => (tierColumns ? visibleTo(actor, tierColumns) : undefined);
  return {
    id: table.id,
    visible,
    load: async (db, where) => {
      const rows = (await db
        .select()
        .from(table as PgTable)
        .where(where)) as Table["$inferSelect"][];
      return rows.map((row) => ({ subjectId: (row as { id: string }).id, ...describe(row) }));
    },
    visibleIds: (db, actor) =>
      sql`${db
        .select({ id: table.id })
        .from(table as PgTable)
        .where(visible(actor))}`,
  };
}

/** Each kind of subject; a subject type without an entry is never visible. */
const kinds: Record<SubjectType, SubjectKind> = {
  process: fromTable(processes, (row) => ({ label: english(row.names), processId: row.id, tier: "public" })),
  process_decision: fromTable(processDecisions, (row) => ({
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
  milestone: fromTable(
    milestones,
    (row) => ({ label: row.title, processId: row.processId, tier: row.tier }),
    { tier: milestones.tier, processId: milestones.processId },
  ),
  fact: fromTable(
    facts,
    (row) => ({
      label: row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text,
      processId: row.processId,
      tier: row.tier,
    }),
    { tier: facts.tier, processId: facts.processId },
  ),
  conflict: fromTable(
    conflicts,
    (row) => ({
      label: `Conflict: ${row.field ?? row.text.slice(0, 60)}`,
      processId: row.processId,
      tier: row.tier,
    }),
    { tier: conflicts.tier, processId: conflicts.processId },
  ),
  conflict_value: {
    id: conflictValues.id,
    visible: (actor) => visibleTo(actor, { tier: conflicts.tier, processId: conflicts.processId }),
    load: async (db, where) =>
      (
        await db
          .select({ id: conflictValues.id, value: conflictValues.value, conflict: conflicts })
          .from(conflictValues)
          .innerJoin(conflicts, eq(conflicts.id, conflictValues.conflictId))
          .where(where)
      ).map((row) => ({
        subjectId: row.id,
        label: row.value,
        processId: row.conflict.processId,
        tier: row.conflict.tier,
      })),
    visibleIds: (db, actor) =>
      sql`${db
        .select({ id: conflictValues.id })
        .from(conflictValues)
        .innerJoin(conflicts, eq(conflicts.id, conflictValues.conflictId))
        .where(visibleTo(actor, { tier: conflicts.tier, processId: conflicts.processId }))}`,
  },
};

/**
 * Finds subjects of any type, one query per type; missing ones are absent from the map. With an
 * actor, only those the actor may see (filtered in the query); without, all of them (for audit
 * scopes and the system's own use).
 */
export async function resolveSubjects(
  db: Db,
  keys: SubjectKey[],
  actor?: Actor,
): Promise<Map<string, SubjectInfo>> {
  const byType = new Map<SubjectType, Set<string>>();
  for (const key of keys) {
    const set = byType.get(key.subjectType) ?? new Set<string>();
    set.add(key.subjectId);
    byType.set(key.subjectType, set);
  }
  const found = new Map<string, SubjectInfo>();
  for (const [subjectType, ids] of byType) {
    const kind = kinds[subjectType];
    if (!kind) continue;
    const where = and(inArray(kind.id, [...ids]), actor ? kind.visible(actor) : undefined);
    for (const info of await kind.load(db, where)) {
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
  return (await resolveSubjects(db, [key], actor)).get(subjectKey(key.subjectType, key.subjectId)) ?? null;
}

/**
 * Whether the subject a row names by its type and id columns (a citation's, a conflict's) is visible
 * to the actor, in SQL, so rows about hidden subjects never leave the database.
 */
export function subjectVisibleTo(
  db: Db,
  actor: Actor,
  columns: { subjectType: AnyPgColumn; subjectId: AnyPgColumn },
): SQL {
  if (actor.kind === "system") return sql`true`;
  return (
    or(
      ...(Object.entries(kinds) as [SubjectType, SubjectKind][]).map(([subjectType, kind]) =>
        and(eq(columns.subjectType, subjectType), sql`${columns.subjectId} in ${kind.visibleIds(db, actor)}`),
      ),
    ) ?? sql`false`
  );
}

/** The citations whose subject the actor may see (and so the sources it may be shown), in SQL. */
export function citedSubjectVisibleTo(db: Db, actor: Actor): SQL {
  return subjectVisibleTo(db, actor, citations);
}

/**
 * The sources the actor may see, as an SQL condition over `sources`: those cited by at least one
 * subject the actor may see. A source entered to cite a planned round is the process's until the
 * round is announced; a source nothing visible cites is visible to nobody but the system.
 */
export function sourcesVisibleTo(db: Db, actor: Actor, sourceId: AnyPgColumn): SQL {
  if (actor.kind === "system") return sql`true`;
  return sql`exists ${db
    .select({ one: sql`1` })
    .from(citations)
    .where(and(eq(citations.sourceId, sourceId), citedSubjectVisibleTo(db, actor)))}`;
}
