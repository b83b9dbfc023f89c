// Who may do what in the follow-up: pure functions, deny by default, used by the operations and by
// the reads' `can`, and the SQL forms of the same rules for the reads' filters.
//
// The monitoring team is the process role `monitor` (DESIGN §1: "ceasefire monitors, joint coordination
// centre — report incidents and violations in de-escalation zones"), not the `intermediary` tier: that
// tier is the neutral intermediary's (the ICRC's exchange lists), and opening reporters' identities to
// it would hand them to an organisation outside the monitoring. So a reporter and the fields marked
// sensitive are read by accounts whose delegation holds `monitor` in the incident's process, and by
// nobody else (administrators included) — enforced in the reads' SQL by joining the protected table
// only for those processes.
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Actor, canSee, hasRole, type Tier, visibleTo } from "../../platform/authz.ts";

/** The processes in which the actor is on the monitoring team (the system actor: every one). */
export function monitoredProcesses(actor: Actor): string[] {
  if (actor.kind !== "account") return [];
  return actor.memberships.filter((m) => m.roles.includes("monitor")).map((m) => m.processId);
}

/** The processes whose process tier the actor reads (every accredited delegation): raw reports' readers. */
export function memberProcesses(actor: Actor): string[] {
  if (actor.kind !== "account") return [];
  return actor.memberships.filter((m) => m.roles.length > 0).map((m) => m.processId);
}

/** An SQL condition: the row's process is one of these (false for none; true for the system actor). */
export function processIn(actor: Actor, column: AnyPgColumn, processIds: string[]): SQL {
  if (actor.kind === "system") return sql`true`;
  return processIds.length > 0 ? inArray(column, processIds) : sql`false`;
}

/** Zones and commitments: the host secretariat and the guarantors (who agree them) record them. */
export function canManageAgreements(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "host", "guarantor");
}

/** A commitment's status: the secretariat, the guarantors and the monitors (who see it kept or breached). */
export function canUpdateCommitment(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "host", "guarantor", "monitor");
}

/** An incident is reported by the monitors, the secretariat, the guarantors and the parties. */
export function canReportIncident(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "monitor", "host", "guarantor", "party");
}

/** Verification, the commitments an incident breaches, importing reports: the monitoring team alone. */
export function canMonitor(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "monitor");
}

/** Whether the actor reads a tiered follow-up record (the platform's tier rule, never restated). */
export function canRead(actor: Actor, record: { tier: Tier; processId: string }): boolean {
  return canSee(actor, { tier: record.tier, processId: record.processId });
}

/** The tier rule as SQL for a follow-up table's rows. */
export function readableRows(actor: Actor, table: { tier: AnyPgColumn; processId: AnyPgColumn }): SQL {
  return visibleTo(actor, { tier: table.tier, processId: table.processId });
}

/**
 * Incidents a reader may see: those its tier opens, except that a public incident is shown to the
 * public only once verified (a declassification requires it; this keeps the rule if data says otherwise).
 */
export function readableIncidents(
  actor: Actor,
  table: { tier: AnyPgColumn; processId: AnyPgColumn; verification: AnyPgColumn },
): SQL {
  const members = processIn(actor, table.processId, memberProcesses(actor));
  return and(readableRows(actor, table), or(members, eq(table.verification, "verified"))) ?? sql`false`;
}
