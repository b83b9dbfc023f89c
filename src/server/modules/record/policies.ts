import { type Actor, hasRole } from "../../platform/authz.ts";

/**
 * Loading or resetting the demonstration record replaces a whole process: the operator (the CLI,
 * start-up) or a platform administrator may do it, nobody else.
 */
export function canManageDemo(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "account" && actor.isAdmin);
}

/**
 * Sources and conflicts are part of a process's public record, so its host secretariat curates them
 * (and the operator, through the CLI). A subject shared by several processes (a participant) may be
 * cited by the secretariat of any process it takes part in.
 */
export function canCurateRecord(actor: Actor, processIds: string[]): boolean {
  if (actor.kind === "system") return true;
  return processIds.some((processId) => hasRole(actor, processId, "host"));
}
