import { type Actor, hasRole } from "../../platform/authz.ts";

/** Accounts are managed by platform administrators and by the system (the CLI, run by the operator). */
export function canManageAccounts(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "account" && actor.isAdmin);
}

/**
 * Membership of a delegation gives a person a role in a process, so only an administrator or the
 * process's host secretariat may grant it.
 */
export function canManageMemberships(actor: Actor, processId: string): boolean {
  return canManageAccounts(actor) || hasRole(actor, processId, "host");
}

/**
 * Who may change a delegation's members: `canManageMemberships` in the delegation's process. For a
 * delegation that does not exist any signed-in actor passes, so the operation answers 404 rather
 * than 403 (the public still gets 401 first).
 */
export function canChangeMembersOf(actor: Actor, delegation: { processId: string } | null): boolean {
  if (delegation === null) return actor.kind !== "anonymous";
  return canManageMemberships(actor, delegation.processId);
}

/** Each signed-in person chooses their own interface language; nobody else's. */
export function canSetOwnLocale(actor: Actor): boolean {
  return actor.kind === "account";
}

/** The processes whose memberships the actor may change, so the UI can offer the action (or not). */
export function processesWhereMembershipsAreManaged(actor: Actor): string[] {
  if (actor.kind !== "account") return [];
  const processIds = new Set(actor.memberships.map((membership) => membership.processId));
  return [...processIds].filter((processId) => canManageMemberships(actor, processId));
}
