// Disputed values across modules: the record module knows which shown values its conflicts bear on
// (its manifest's `disputes`), and any module's presenters ask here, so core's pages carry the marks
// without importing the record. The platform imports no module: it goes over the installed manifests.
import type { Disputed } from "../../contracts/disputes.ts";
import type { Actor } from "./authz.ts";
import type { Db } from "./db.ts";
import type { DisputeIndex, ShownField } from "./module.ts";
import { installedModules } from "./registry.ts";

export type { Disputed, DisputedField, ValueConflict } from "../../contracts/disputes.ts";
export type { DisputeIndex, DisputeRule, ShownField } from "./module.ts";

const none: DisputeIndex = { of: () => [] };

/**
 * The disputed values of a process as every installed module's rule gives them, for the actor (each
 * rule filters by tier in its SQL). One call per read, before presenting.
 */
export async function disputesIn(db: Db, actor: Actor, processId: string): Promise<DisputeIndex> {
  const indexes = await Promise.all(
    installedModules().flatMap((module) => (module.disputes ? [module.disputes(db, actor, processId)] : [])),
  );
  if (indexes.length === 0) return none;
  if (indexes.length === 1) return indexes[0] as DisputeIndex;
  return { of: (...key) => indexes.flatMap((index) => index.of(...key)) };
}

/**
 * The mark a presenter adds to a shown record: `conflicted: true` with the conflicts when any of the
 * given fields is disputed (any field when none is named), nothing otherwise, so answers stay small.
 */
export function disputedMark(
  index: DisputeIndex,
  subjectType: string,
  subjectId: string,
  ...fields: ShownField[]
): Disputed {
  const found = index.of(subjectType, subjectId, ...fields);
  if (found.length === 0) return {};
  const seen = new Set<string>();
  const conflicts = found.filter((conflict) => {
    const key = `${conflict.id}|${conflict.field}|${conflict.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { conflicted: true, conflicts };
}
