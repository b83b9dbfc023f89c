// Who may do what with the humanitarian working group's records: pure functions, deny by default, and
// their SQL forms for the reads' WHERE (every read is filtered in the database, never after the fact).
//
// Persons (cases, lists and their rows) carry the platform's `intermediary` tier with the submitting
// side's delegation: `visibleTo` then opens them to that delegation and to accounts whose delegation
// holds the process role `intermediary` (the ICRC). The working group's members — the guarantors and the
// UN (process role `international_organization`) — read them only when the side shared them
// (`sharing = working_group`); that is joined in SQL below. The other side never reads them wholesale:
// a party has neither role, and no rule opens one side's records to another delegation. Administrators
// get no process content through their role. No new process role was needed: `intermediary` exists.
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ProcessRole } from "../../../contracts/enums.ts";
import type { ListSharing } from "../../../contracts/humanitarian-enums.ts";
import { type Actor, canSee, hasRole, type Tier, visibleTo } from "../../platform/authz.ts";

/** The working group's members besides the intermediary (DESIGN §2: the guarantors plus the UN). */
export const workingGroupRoles: ProcessRole[] = ["guarantor", "international_organization"];

/**
 * Who reads the module's audit entries of a process (the manifest's `auditReaders`): the intermediary,
 * custodian of the lists, sees who read or changed a person's record, refusals included.
 */
export const auditReaderRoles: readonly ProcessRole[] = ["intermediary"];

/** Whether the actor reads who read this process's persons (the audit page, a case's "who read it"). */
export function canReadPersonAudit(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, ...auditReaderRoles);
}

/** The processes in which the actor holds one of these roles (the system actor: handled by callers). */
export function processesWithRole(actor: Actor, roles: ProcessRole[]): string[] {
  if (actor.kind !== "account") return [];
  return actor.memberships
    .filter((m) => m.roles.some((role) => roles.includes(role)))
    .map((m) => m.processId);
}

/** A person's record as its policy needs it. */
export type PersonScope = { processId: string; delegationId: string; tier: Tier; sharing: ListSharing };

/** Whether the actor reads a person's record (a case, a list, a row): the rule of this file's header. */
export function canReadPerson(actor: Actor, record: PersonScope): boolean {
  if (canSee(actor, record)) return true;
  return record.sharing === "working_group" && hasRole(actor, record.processId, ...workingGroupRoles);
}

/** The same rule as SQL on a table with tier, process, delegation and sharing columns. */
export function readablePersons(
  actor: Actor,
  table: { tier: AnyPgColumn; processId: AnyPgColumn; delegationId: AnyPgColumn; sharing: AnyPgColumn },
): SQL {
  if (actor.kind === "system") return sql`true`;
  const group = processesWithRole(actor, workingGroupRoles);
  const tiered = visibleTo(actor, table);
  if (group.length === 0) return tiered;
  return or(tiered, and(eq(table.sharing, "working_group"), inArray(table.processId, group))) ?? sql`false`;
}

/** The neutral intermediary of a process (the ICRC): confirms releases, runs matching, decides candidates. */
export function isIntermediary(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "intermediary");
}

/** Whether the actor is a member of this delegation (a side acting for itself). */
export function isMemberOf(actor: Actor, processId: string, delegationId: string): boolean {
  if (actor.kind === "system") return true;
  return (
    actor.kind === "account" &&
    actor.memberships.some(
      (m) => m.processId === processId && m.delegationId === delegationId && m.roles.length > 0,
    )
  );
}

/** A side submits its own lists and cases: a member of the delegation, which is a party to the process. */
export function canSubmitFor(actor: Actor, processId: string, delegationId: string): boolean {
  if (actor.kind === "system") return true;
  return (
    actor.kind === "account" &&
    actor.memberships.some(
      (m) => m.processId === processId && m.delegationId === delegationId && m.roles.includes("party"),
    )
  );
}

/** A case's record and status: its side (who knows the person) and the intermediary (who finds them). */
export function canUpdateCase(actor: Actor, record: { processId: string; delegationId: string }): boolean {
  return (
    canSubmitFor(actor, record.processId, record.delegationId) || isIntermediary(actor, record.processId)
  );
}

/** Exchanges are planned and cancelled by the intermediary and the guarantors who guarantee them. */
export function canPlanExchange(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "intermediary", "guarantor");
}

/** Who follows an exchange operation (not its people's records): the sides, the working group, the host. */
export const exchangeReaderRoles: ProcessRole[] = [
  "host",
  "guarantor",
  "party",
  "international_organization",
  "intermediary",
];

/** Whether the actor reads an exchange: public aggregates for anyone; operations for the roles above. */
export function canReadExchange(actor: Actor, exchange: { tier: Tier; processId: string }): boolean {
  if (canSee(actor, exchange)) return true;
  return hasRole(actor, exchange.processId, ...exchangeReaderRoles);
}

/** The same rule as SQL. */
export function readableExchanges(actor: Actor, table: { tier: AnyPgColumn; processId: AnyPgColumn }): SQL {
  if (actor.kind === "system") return sql`true`;
  const processes = processesWithRole(actor, exchangeReaderRoles);
  const tiered = visibleTo(actor, table);
  return processes.length > 0 ? (or(tiered, inArray(table.processId, processes)) ?? sql`false`) : tiered;
}

/** The review queue and matching runs: the intermediary's work, read by it alone. */
export function readableByIntermediary(actor: Actor, processColumn: AnyPgColumn): SQL {
  if (actor.kind === "system") return sql`true`;
  const processes = processesWithRole(actor, ["intermediary"]);
  return processes.length > 0 ? inArray(processColumn, processes) : sql`false`;
}
