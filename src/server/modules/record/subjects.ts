// The record's subject registry: what a fact, citation or conflict may be about, gathered from every
// module's manifest (`subjectTypes`), each described by the module that owns it, with its own tier rule.
import { eq, inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Actor } from "../../platform/authz.ts";
import { canSee } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { SubjectDescription, SubjectKey, SubjectTypeDefinition } from "../../platform/module.ts";
import { assertSubjectType, findSubjectType } from "../../platform/registry.ts";
import { conflicts, conflictValues, facts, milestones } from "./schema.ts";

export type { SubjectKey } from "../../platform/module.ts";

/** A subject of the record as the reads and the policies need it: where it belongs and who may see it. */
export type SubjectInfo = SubjectDescription & { subjectType: string };

export function subjectKey(subjectType: string, subjectId: string): string {
  return `${subjectType}:${subjectId}`;
}

type Described = Omit<SubjectDescription, "subjectId">;

/** A subject stored in one table under its own id: one query, each row described by `describe`. */
function fromTable<Table extends PgTable & { id: AnyPgColumn }>(
  table: Table,
  describe: (row: Table["$inferSelect"]) => Described,
): SubjectTypeDefinition["load"] {
  return async (db, ids) => {
    const rows = (await db
      .select()
      .from(table as PgTable)
      .where(inArray(table.id, ids))) as Table["$inferSelect"][];
    return rows.map((row) => ({ subjectId: (row as { id: string }).id, ...describe(row) }));
  };
}

/** The record's own subject types (its manifest's `subjectTypes`): each at the tier stored on its row. */
export const recordSubjectTypes: Record<string, SubjectTypeDefinition> = {
  milestone: {
    load: fromTable(milestones, (row) => ({ label: row.title, processId: row.processId, tier: row.tier })),
  },
  fact: {
    load: fromTable(facts, (row) => ({
      label: row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text,
      processId: row.processId,
      tier: row.tier,
    })),
  },
  conflict: {
    load: fromTable(conflicts, (row) => ({
      label: `Conflict: ${row.field ?? row.text.slice(0, 60)}`,
      processId: row.processId,
      tier: row.tier,
    })),
  },
  conflict_value: {
    load: async (db, ids) =>
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
  },
};

/** Finds subjects of any type in one query per type; missing ones, and unknown types, are absent. */
export async function resolveSubjects(db: Db, keys: SubjectKey[]): Promise<Map<string, SubjectInfo>> {
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
    for (const info of await definition.load(db, [...ids])) {
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
  const info = (await resolveSubjects(db, [key])).get(subjectKey(key.subjectType, key.subjectId));
  if (!info || !canSee(actor, { tier: info.tier, processId: info.processId })) return null;
  return info;
}
