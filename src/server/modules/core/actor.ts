import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { user } from "../../platform/auth-schema.ts";
import type { Actor, Membership, ProcessRole } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import { delegationMemberships, delegations, processes, processRoleAssignments } from "./schema.ts";

/**
 * Builds the actor for a signed-in account: each delegation it belongs to, and the roles that
 * delegation's participant holds in that process today (an assignment that has ended gives no role;
 * the process's host participant is its secretariat).
 */
export async function loadActor(db: Db, accountId: string, today = new Date()): Promise<Actor> {
  const [account] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      isAdmin: user.isAdmin,
      disabledAt: user.disabledAt,
    })
    .from(user)
    .where(eq(user.id, accountId))
    .limit(1);
  // A disabled account acts as nobody, whatever session or token it still holds.
  if (!account || account.disabledAt !== null) return { kind: "anonymous" };
  const day = today.toISOString().slice(0, 10);
  const rows = await db
    .select({
      processId: delegations.processId,
      delegationId: delegations.id,
      participantId: delegations.participantId,
      hostParticipantId: processes.hostParticipantId,
      role: processRoleAssignments.role,
    })
    .from(delegationMemberships)
    .innerJoin(delegations, eq(delegations.id, delegationMemberships.delegationId))
    .innerJoin(processes, eq(processes.id, delegations.processId))
    .leftJoin(
      processRoleAssignments,
      and(
        eq(processRoleAssignments.processId, delegations.processId),
        eq(processRoleAssignments.participantId, delegations.participantId),
        or(isNull(processRoleAssignments.fromDate), lte(processRoleAssignments.fromDate, day)),
        or(isNull(processRoleAssignments.toDate), gte(processRoleAssignments.toDate, day)),
      ),
    )
    .where(eq(delegationMemberships.accountId, accountId));
  const byDelegation = new Map<string, Membership>();
  for (const row of rows) {
    const membership = byDelegation.get(row.delegationId) ?? {
      processId: row.processId,
      delegationId: row.delegationId,
      participantId: row.participantId,
      roles: row.participantId === row.hostParticipantId ? (["host"] as ProcessRole[]) : [],
    };
    if (row.role && !membership.roles.includes(row.role)) membership.roles.push(row.role);
    byDelegation.set(row.delegationId, membership);
  }
  return {
    kind: "account",
    accountId: account.id,
    name: account.name,
    email: account.email,
    isAdmin: account.isAdmin === true,
    memberships: [...byDelegation.values()],
  };
}
