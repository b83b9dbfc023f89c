import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { AddMembershipInput } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { delegationMemberships } from "../schema.ts";
import { byMembershipManager, reportMembershipChange } from "./shared/membership.ts";

/**
 * core.membership.add: an administrator or the process's host secretariat puts an account on a
 * delegation, which gives the person that participant's roles in the process.
 */
export const addMembership = defineOperation({
  name: "core.membership.add",
  input: AddMembershipInput,
  ...byMembershipManager,
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
    return await reportMembershipChange(ctx, "core.membership.add", created, delegation.processId);
  },
});
