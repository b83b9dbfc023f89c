import { and, eq } from "drizzle-orm";
import { RemoveMembershipInput } from "../../../../contracts/accounts.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { delegationMemberships } from "../schema.ts";
import { byMembershipManager, reportMembershipChange } from "./shared/membership.ts";

/**
 * core.membership.remove: an administrator or the process's host secretariat takes an account off a
 * delegation; the person loses that participant's roles in the process at once.
 */
export const removeMembership = defineOperation({
  name: "core.membership.remove",
  input: RemoveMembershipInput,
  ...byMembershipManager,
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
    return await reportMembershipChange(ctx, "core.membership.remove", removed, delegation.processId);
  },
});
