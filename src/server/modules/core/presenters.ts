import type { Account, ApiToken, DelegationMember } from "../../../contracts/accounts.ts";
import type { user } from "../../platform/auth-schema.ts";
import type { EventInput } from "../../platform/events.ts";
import type { apiToken } from "../../platform/schema.ts";
import type { delegationMemberships } from "./schema.ts";

/** An account as the API shows it: never its password, sessions or second-factor secrets. */
export function presentAccount(row: typeof user.$inferSelect): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin === true,
    locale: row.locale === "ru" || row.locale === "ar" ? row.locale : "en",
    twoFactorEnabled: row.twoFactorEnabled === true,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A personal API token as its owner sees it: never its value or hash. */
export function presentApiToken(row: typeof apiToken.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    access: row.access,
    delegationId: row.delegationId,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** A delegation membership, with the process it gives a role in. */
export function presentMember(
  row: typeof delegationMemberships.$inferSelect,
  processId: string,
): DelegationMember {
  return {
    id: row.id,
    delegationId: row.delegationId,
    processId,
    accountId: row.accountId,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The event of a change to an account. Accounts belong to no process, and a record of no process is
 * the administrators' alone (`canSee`), so the tier is `process` with no process id.
 */
export function accountEvent(type: string, account: Account, changes?: Record<string, unknown>): EventInput {
  return {
    type,
    tier: "process",
    processId: null,
    subjectType: "account",
    subjectId: account.id,
    payload: { account, ...(changes ? { changes } : {}) },
  };
}

/**
 * The event of a change to a delegation's members: visible to every accredited delegation of the
 * process (who sits on which delegation is known around the table), never to the public.
 */
export function membershipEvent(type: string, member: DelegationMember): EventInput {
  return {
    type,
    tier: "delegation",
    processId: member.processId,
    delegationId: member.delegationId,
    subjectType: "delegation_membership",
    subjectId: member.id,
    payload: { member },
  };
}
