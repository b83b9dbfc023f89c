import { and, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type ProcessRole, processRoles } from "../../contracts/enums.ts";
import { Forbidden, Unauthenticated } from "./errors.ts";
import { type Tier, tiers } from "./schema.ts";

export { type ProcessRole, type Tier, tiers };

/** What an account is in one process: through which delegation, representing which participant, in which roles. */
export type Membership = {
  processId: string;
  delegationId: string;
  participantId: string;
  roles: ProcessRole[];
};

/**
 * A personal API token acting for its owner: `read` tokens may not change anything; `feed` tokens only
 * read the routes that declare themselves feeds.
 */
export type TokenCredential = { kind: "token"; tokenId: string; access: "read" | "write" | "feed" };

/** Who is acting: nobody (the public), a signed-in account, or the system itself (CLI, start-up, jobs). */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "account";
      accountId: string;
      name: string;
      email: string;
      isAdmin: boolean;
      memberships: Membership[];
      /** Set when the request came with a personal API token rather than a session cookie. */
      credential?: TokenCredential;
    }
  | { kind: "system"; name: string };

export const anonymous: Actor = { kind: "anonymous" } as Actor;

/** A system actor for the CLI and start-up tasks; every change it makes is audited under this name. */
export function systemActor(name: string): Actor {
  return { kind: "system", name };
}

/** A short label for audit entries: the account's e-mail, `system:<name>`, or `anonymous`. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === "account") return actor.email;
  if (actor.kind === "system") return `system:${actor.name}`;
  return "anonymous";
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "account" ? actor.accountId : null;
}

/** The roles the actor holds in a process, across all its delegations there. */
export function rolesIn(actor: Actor, processId: string): Set<ProcessRole> {
  const roles = new Set<ProcessRole>();
  if (actor.kind !== "account") return roles;
  for (const membership of actor.memberships) {
    if (membership.processId === processId) for (const role of membership.roles) roles.add(role);
  }
  return roles;
}

export function hasRole(actor: Actor, processId: string, ...wanted: ProcessRole[]): boolean {
  const roles = rolesIn(actor, processId);
  return wanted.some((role) => roles.has(role));
}

export function delegationIdsOf(actor: Actor): string[] {
  return actor.kind === "account" ? actor.memberships.map((membership) => membership.delegationId) : [];
}

/** Roles that open each process-wide tier. `delegation` and `intermediary` also depend on the record. */
const rolesOpeningTier: Record<Exclude<Tier, "public">, ProcessRole[]> = {
  process: [...processRoles],
  "observers-excluded": ["host", "guarantor", "party"],
  guarantors: ["guarantor"],
  delegation: [],
  intermediary: ["intermediary"],
};

/** The address of a tiered record: its tier, its process and, for a delegation's own, the delegation. */
export type TierScope = { tier: Tier; processId: string | null; delegationId?: string | null };

/**
 * The tier rule of DESIGN §1, for one record. Deny by default: a tier this function does not know is
 * visible to nobody. A delegation's own records are visible to its members; exchange lists
 * (`intermediary`) to the neutral intermediary and to the delegation that submitted them. Records of
 * no process (accounts, platform settings) are the administrators'; administrators get no process
 * content through that role. The system actor sees everything.
 */
export function canSee(actor: Actor, scope: TierScope): boolean {
  if (actor.kind === "system") return true;
  if (scope.tier === "public") return true;
  if (actor.kind !== "account") return false;
  if (scope.processId === null) return actor.isAdmin;
  const ownDelegation = scope.delegationId != null && delegationIdsOf(actor).includes(scope.delegationId);
  switch (scope.tier) {
    case "delegation":
      return ownDelegation;
    case "intermediary":
      return ownDelegation || hasRole(actor, scope.processId, ...rolesOpeningTier.intermediary);
    case "process":
    case "observers-excluded":
    case "guarantors":
      return hasRole(actor, scope.processId, ...rolesOpeningTier[scope.tier]);
    default:
      return false;
  }
}

/** Columns of a table that carries a tier. */
export type TierColumns = { tier: AnyPgColumn; processId: AnyPgColumn; delegationId?: AnyPgColumn };

/**
 * The same rule as `canSee`, as an SQL condition for a query's WHERE, so lists are filtered in the
 * database and never after the fact. Every read of a tiered table goes through this or `canSee`.
 */
export function visibleTo(actor: Actor, columns: TierColumns): SQL {
  if (actor.kind === "system") return sql`true`;
  const conditions: (SQL | undefined)[] = [eq(columns.tier, "public")];
  if (actor.kind === "account" && actor.isAdmin) conditions.push(isNull(columns.processId));
  if (actor.kind === "account") {
    const processTiers = new Map<string, Set<Tier>>();
    for (const membership of actor.memberships) {
      for (const tier of ["process", "observers-excluded", "guarantors", "intermediary"] as const) {
        if (membership.roles.some((role) => rolesOpeningTier[tier].includes(role))) {
          const set = processTiers.get(membership.processId) ?? new Set<Tier>();
          set.add(tier);
          processTiers.set(membership.processId, set);
        }
      }
    }
    for (const [processId, open] of processTiers) {
      conditions.push(and(eq(columns.processId, processId), inArray(columns.tier, [...open])));
    }
    const own = delegationIdsOf(actor);
    if (columns.delegationId && own.length > 0) {
      conditions.push(
        and(
          inArray(columns.tier, ["delegation", "intermediary"]),
          inArray(columns.delegationId, own),
          isNotNull(columns.processId),
        ),
      );
    }
  }
  return or(...conditions) ?? sql`false`;
}

/** Fails with 401 for the public and 403 for an account, so every policy denies the same way. */
export function deny(actor: Actor, message?: string): never {
  if (actor.kind === "anonymous") throw new Unauthenticated();
  throw new Forbidden(message);
}

/** Whether `tier` is at least as wide as `than` (public is the widest): declassification may only widen. */
export function isWiderOrEqual(tier: Tier, than: Tier): boolean {
  return tiers.indexOf(tier) <= tiers.indexOf(than);
}
