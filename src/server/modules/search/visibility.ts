import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { InstalledSearchKind } from "../../platform/registry.ts";
import { searchDocuments } from "./schema.ts";

/**
 * The tier rule of every given kind, each its own module's, as one SQL condition on the index's rows:
 * a row is visible when the rule of its kind lists its subject.
 */
export function visibleKinds(db: Db, actor: Actor, kinds: readonly InstalledSearchKind[]): SQL {
  return (
    or(
      ...kinds.map(({ kind, definition }) =>
        and(eq(searchDocuments.kind, kind), definition.visible(db, actor, searchDocuments.subjectId)),
      ),
    ) ?? sql`false`
  );
}

/**
 * The condition a search applies for the actor: the public flag for the public (set by the same rules
 * at every refresh); for anyone else, the public flag or their own rule in the query. What the public
 * sees every reader sees, so the flag never widens anyone's view.
 */
export function visibleInIndex(db: Db, actor: Actor, kinds: readonly InstalledSearchKind[]): SQL {
  if (actor.kind === "anonymous") return sql`${searchDocuments.isPublic}`;
  if (actor.kind === "system") return sql`true`;
  return sql`(${searchDocuments.isPublic} or ${visibleKinds(db, actor, kinds)})`;
}
