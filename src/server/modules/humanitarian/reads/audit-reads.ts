// Every read of a person's record is audited, refusals too: who looked at which case or list, and how
// many persons a read showed (ids and counts only).

import { auditRead } from "../../../platform/audit.ts";
import { type Actor, hasRole, type Tier } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Forbidden, NotFound, Unauthenticated } from "../../../platform/errors.ts";
import { isIntermediary, isMemberOf, workingGroupRoles } from "../policies.ts";

/** Audits an allowed read of persons. */
export function auditPersonRead(
  db: Db,
  actor: Actor,
  action: string,
  subject: {
    subjectType: string;
    subjectId?: string | null;
    processId: string;
    delegationId?: string | null;
    tier?: Tier;
  },
  data: Record<string, unknown>,
): Promise<void> {
  return auditRead(db, actor, { action, tier: "intermediary", ...subject, data }, "ok");
}

/**
 * Audits a refused read of a person's record (it exists, or not: the caller says which it found) and
 * answers 404 like a missing record, so a refusal tells the other side nothing about what exists.
 */
export async function refusePersonRead(
  db: Db,
  actor: Actor,
  action: string,
  what: string,
  id: string,
  found: { processId: string; delegationId: string } | undefined,
): Promise<never> {
  await auditRead(
    db,
    actor,
    {
      action,
      subjectType: `humanitarian.${what.toLowerCase()}`,
      subjectId: id,
      processId: found?.processId ?? null,
      delegationId: found?.delegationId ?? null,
      tier: "intermediary",
      data: { exists: Boolean(found) },
    },
    "denied",
  );
  throw new NotFound(what, id);
}

/**
 * Whether the actor may ask for one side's persons at all: a member of that side, the intermediary, or
 * the working group (who then gets what was shared with it). The other side may not.
 */
export function mayAskForSide(actor: Actor, processId: string, delegationId: string): boolean {
  return (
    isMemberOf(actor, processId, delegationId) ||
    isIntermediary(actor, processId) ||
    hasRole(actor, processId, ...workingGroupRoles)
  );
}

/** Audits and refuses (401 for the public, 403 for an account) a request for another side's persons. */
export async function refuseSideRead(
  db: Db,
  actor: Actor,
  action: string,
  processId: string,
  delegationId: string,
): Promise<never> {
  await auditRead(
    db,
    actor,
    {
      action,
      subjectType: "humanitarian.side",
      subjectId: delegationId,
      processId,
      delegationId,
      tier: "intermediary",
    },
    "denied",
  );
  if (actor.kind === "anonymous") throw new Unauthenticated();
  throw new Forbidden("You may not read this side's persons.");
}
