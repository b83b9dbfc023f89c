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
