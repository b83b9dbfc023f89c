import { and, eq } from "drizzle-orm";
import { RemoveMembershipInput } from "../../../../contracts/accounts.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canChangeMembersOf } from "../policies.ts";
import { membershipEvent, presentMember } from "../presenters.ts";
import { delegationMemberships } from "../schema.ts";
import { loadDelegation } from "./add-membership.ts";

/**
 * core.membership.remove: an administrator or the process's host secretariat takes an account off a
 * delegation; the person loses that participant's roles in the process at once.
 */
export const removeMembership = defineOperation({
  name: "core.membership.remove",
  input: RemoveMembershipInput,
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
    const [removed] = await ctx.tx
      .delete(delegationMemberships)
      .where(
        and(
          eq(delegationMemberships.delegationId, delegation.id),
          eq(delegationMemberships.accountId, input.accountId),
        ),
      )
      .returning();
    if (!removed) throw new NotFound("Membership of account", input.accountId);
    const member = presentMember(removed, delegation.processId);
    ctx.audit({ subjectId: member.id, data: { accountId: member.accountId, position: member.position } });
    ctx.emit(membershipEvent("core.membership.remove", member));
    return member;
  },
});
