import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { AddMembershipInput } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canChangeMembersOf } from "../policies.ts";
import { membershipEvent, presentMember } from "../presenters.ts";
import { delegationMemberships, delegations } from "../schema.ts";

/** The delegation a membership operation is about, with its process (whose secretariat may act). */
export type DelegationTarget = { id: string; processId: string } | null;

/** Loads the delegation named in the input, or null when there is none. */
export async function loadDelegation(tx: Db, delegationId: string): Promise<DelegationTarget> {
  const [row] = await tx
    .select({ id: delegations.id, processId: delegations.processId })
    .from(delegations)
    .where(eq(delegations.id, delegationId))
    .limit(1);
  return row ?? null;
}

/**
 * core.membership.add: an administrator or the process's host secretariat puts an account on a
 * delegation, which gives the person that participant's roles in the process.
 */
export const addMembership = defineOperation({
  name: "core.membership.add",
  input: AddMembershipInput,
  load: (tx, input) => loadDelegation(tx, input.delegationId),
  authorize: (actor, _input, delegation) => canChangeMembersOf(actor, delegation),
  scope: (input, delegation) => ({
    subjectType: "delegation_membership",
    processId: delegation?.processId ?? null,
    delegationId: input.delegationId,
    tier: "process",
    data: { accountId: input.accountId },
  }),
  run: async (ctx, input, delegation) => {
    if (!delegation) throw new NotFound("Delegation", input.delegationId);
    const [account] = await ctx.tx
      .select({ id: user.id })
      .from(user)
      .where(eq(user.id, input.accountId))
      .limit(1);
    if (!account) throw new NotFound("Account", input.accountId);
    const [created] = await ctx.tx
      .insert(delegationMemberships)
      .values({
        id: randomUUID(),
        delegationId: delegation.id,
        accountId: account.id,
        position: input.position,
      })
      .onConflictDoNothing({ target: [delegationMemberships.delegationId, delegationMemberships.accountId] })
      .returning();
    if (!created) {
      throw new Conflict(
        "This account is already a member of this delegation.",
        { field: "accountId" },
        "already_member",
      );
    }
    const member = presentMember(created, delegation.processId);
    ctx.audit({ subjectId: member.id, data: { accountId: member.accountId, position: member.position } });
    ctx.emit(membershipEvent("core.membership.add", member));
    return member;
  },
});
