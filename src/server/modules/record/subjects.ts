// The record's subject registry: what a fact, citation or conflict may be about, gathered from every
// module's manifest (`subjectTypes`), each described and hidden by the module that owns it, with its
// own tier rule in SQL.
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Actor, visibleTo } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { SubjectDescription, SubjectKey, SubjectTypeDefinition } from "../../platform/module.ts";
import { assertSubjectType, findSubjectType, knownSubjectTypes } from "../../platform/registry.ts";
import { defineSubjectType, type SubjectKind, subjectInTable } from "../../platform/subject-types.ts";
import { citations, conflicts, conflictValues, facts, milestones } from "./schema.ts";

export type { SubjectKey } from "../../platform/module.ts";

/** A subject of the record as the reads and the policies need it: where it belongs and who may see it. */
export type SubjectInfo = SubjectDescription & { subjectType: string };

export function subjectKey(subjectType: string, subjectId: string): string {
  return `${subjectType}:${subjectId}`;
}

/** The record's own subjects: each at the tier stored on its row (a conflict's value: its conflict's). */
const kinds: Record<string, SubjectKind> = {
  milestone: subjectInTable(
    milestones,
    (row) => ({ label: row.title, processId: row.processId, tier: row.tier }),
    { tier: milestones.tier, processId: milestones.processId },
  ),
  fact: subjectInTable(
    facts,
    (row) => ({
      label: row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text,
      processId: row.processId,
      tier: row.tier,
    }),
    { tier: facts.tier, processId: facts.processId },
  ),
  conflict: subjectInTable(
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

/** The record's own subject types, for its manifest. */
export const recordSubjectTypes: Record<string, SubjectTypeDefinition> = Object.fromEntries(
  Object.entries(kinds).map(([type, kind]) => [type, defineSubjectType(kind)]),
);

/**
 * Finds subjects of any type, one query per type; missing ones (and types no module gives) are
 * absent from the map. With an actor, only those the actor may see (filtered in the query by the
 * owning module's rule); without, all of them (for audit scopes and the system's own use).
 */
export async function resolveSubjects(
  db: Db,
  keys: SubjectKey[],
  actor?: Actor,
): Promise<Map<string, SubjectInfo>> {
  const byType = new Map<string, Set<string>>();
  for (const key of keys) {
    const set = byType.get(key.subjectType) ?? new Set<string>();
    set.add(key.subjectId);
    byType.set(key.subjectType, set);
  }
  const found = new Map<string, SubjectInfo>();
  for (const [subjectType, ids] of byType) {
    const definition = findSubjectType(subjectType);
    if (!definition) continue;
    for (const info of await definition.load(db, [...ids], actor)) {
      found.set(subjectKey(subjectType, info.subjectId), { subjectType, ...info });
    }
  }
  return found;
}

/** The parts whose record is shown with the subject's own, as its owning module names them. */
export async function partsOfSubject(db: Db, subject: SubjectKey): Promise<SubjectKey[]> {
  return (await findSubjectType(subject.subjectType)?.parts?.(db, subject.subjectId)) ?? [];
}

/**
 * The subject if it exists and the actor may see it; otherwise null, so a hidden subject answers
 * exactly like a missing one. A type no module gives is refused first (400, naming the known types).
 */
export async function findVisibleSubject(db: Db, actor: Actor, key: SubjectKey): Promise<SubjectInfo | null> {
  assertSubjectType(key.subjectType);
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
      ...knownSubjectTypes().map((subjectType) => {
        const definition = findSubjectType(subjectType) as SubjectTypeDefinition;
        return and(
          eq(columns.subjectType, subjectType),
          sql`${columns.subjectId} in ${definition.visibleIds(db, actor)}`,
        );
      }),
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
