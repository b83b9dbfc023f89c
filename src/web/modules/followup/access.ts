// What the follow-up's pages offer a reader, from the roles the server lists on the account (the server
import type { VerificationState } from "../../../contracts/followup.ts";
// decides again on every request; this only spares a person a form that would be refused).
import type { Me } from "../../shell/session.ts";

/** Whether the account is on the monitoring team of the process (verification, imports, links). */
export function monitorsProcess(account: Me | null, processId: string | undefined): boolean {
  if (!account || !processId) return false;
  return account.memberships.some((m) => m.processId === processId && m.roles.includes("monitor"));
}

/** Whether the account may report an incident in the process: the monitors, the secretariat, the guarantors, the parties. */
export function reportsIncidents(account: Me | null, processId: string | undefined): boolean {
  if (!account || !processId) return false;
  const reporters = ["monitor", "host", "guarantor", "party"];
  return account.memberships.some(
    (m) => m.processId === processId && m.roles.some((role) => reporters.includes(role)),
  );
}

/**
 * The states a report may move to from its state, as the server's verification workflow allows them
 * (reported → under review → verified, disputed or rejected; any decision reopened for review), so the
 * form offers only moves the server will accept.
 */
export const nextVerificationStates: Record<VerificationState, VerificationState[]> = {
  reported: ["under_review"],
  under_review: ["verified", "disputed", "rejected"],
  verified: ["under_review"],
  disputed: ["under_review", "verified", "rejected"],
  rejected: ["under_review"],
};
