import { and, eq, isNull } from "drizzle-orm";
import { AccountStateInput } from "../../../../contracts/accounts.ts";
import { session, user } from "../../../platform/auth-schema.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { apiToken } from "../../../platform/schema.ts";
import { accountEvent, presentAccount } from "../presenters.ts";
import { byAdministratorOnAccount } from "./shared/account.ts";
import { lockActiveAdministrators } from "./update-account.ts";

/**
 * core.account.disable: an administrator shuts an account out at once. Its sessions end now, its API
 * tokens are revoked (a disabled account may have been compromised), and sign-in is refused with a
 * message saying so; its records, memberships and audit history stay. Nobody disables their own
 * account, nor the platform's last active administrator: nobody could then enable it again.
 */
export const disableAccount = defineOperation({
  name: "core.account.disable",
  input: AccountStateInput,
  ...byAdministratorOnAccount,
  run: async (ctx, input) => {
    if (ctx.actor.kind === "account" && ctx.actor.accountId === input.accountId) {
      throw new Conflict("You cannot disable your own account.", { field: "accountId" }, "own_account");
    }
    const administrators = await lockActiveAdministrators(ctx.tx);
    const [before] = await ctx.tx.select().from(user).where(eq(user.id, input.accountId)).for("update");
    if (!before) throw new NotFound("Account", input.accountId);
    if (before.disabledAt !== null) return presentAccount(before);
    if (before.isAdmin === true && administrators.length <= 1) {
      throw new Conflict(
        "This is the platform's last active administrator. Make another account an administrator first.",
        { field: "accountId" },
        "last_administrator",
      );
    }
    const [after] = await ctx.tx
      .update(user)
      .set({ disabledAt: new Date(), updatedAt: new Date() })
      .where(eq(user.id, input.accountId))
      .returning();
    if (!after) throw new NotFound("Account", input.accountId);
    const ended = await ctx.tx
      .delete(session)
      .where(eq(session.userId, input.accountId))
      .returning({ id: session.id });
    const revoked = await ctx.tx
      .update(apiToken)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiToken.accountId, input.accountId), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id });
    const account = presentAccount(after);
    ctx.audit({ data: { email: account.email, sessionsEnded: ended.length, tokensRevoked: revoked.length } });
    ctx.emit(accountEvent("core.account.disable", account));
    return account;
  },
});
