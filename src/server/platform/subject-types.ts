// How a module describes a subject type it lets the record cite and dispute (its manifest's
// `subjectTypes`): found by id, named, and hidden by the module's own tier rule, in SQL.
import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Actor, visibleTo } from "./authz.ts";
import type { Db } from "./db.ts";
import type { SubjectDescription, SubjectTypeDefinition } from "./module.ts";

/**
 * One kind of subject as its module writes it: `load` reads the subjects that satisfy `where` (the
 * ids asked for and, for an actor, `visible`); `visible` is the tier condition in SQL over the tables
 * `load` and `visibleIds` join, so every filter is in the query.
 */
export type SubjectKind = {
  id: AnyPgColumn;
  load: (db: Db, where: SQL | undefined) => Promise<SubjectDescription[]>;
  visible: (actor: Actor) => SQL | undefined;
  /** The ids of this kind the actor may see, as a subquery (for sources, citations and conflicts). */
  visibleIds: (db: Db, actor: Actor) => SQL;
  parts?: SubjectTypeDefinition["parts"];
};

/** A subject type for a manifest: the ids asked for, filtered by the kind's tier rule when an actor asks. */
export function defineSubjectType(kind: SubjectKind): SubjectTypeDefinition {
  return {
    load: (db, ids, actor) =>
      ids.length === 0
        ? Promise.resolve([])
        : kind.load(db, and(inArray(kind.id, ids), actor ? kind.visible(actor) : undefined)),
    visibleIds: kind.visibleIds,
    parts: kind.parts,
  };
}

/** A subject stored in one table under its own id, whose tier is `public` or its own tier columns. */
export function subjectInTable<Table extends PgTable & { id: AnyPgColumn }>(
  table: Table,
  describe: (row: Table["$inferSelect"]) => Omit<SubjectDescription, "subjectId">,
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
