// What the follow-up's pages offer a reader, from the roles the server lists on the account (the server
// decides again on every request; this only spares a person a form that would be refused).
import type { Me } from "../../shell/session.ts";

/** Whether the account is on the monitoring team of the process (verification, imports, links). */
export function monitorsProcess(account: Me | null, processId: string | undefined): boolean {
  if (!account || !processId) return false;
  return account.memberships.some((m) => m.processId === processId && m.roles.includes("monitor"));
}
