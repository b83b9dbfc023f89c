import { eq } from "drizzle-orm";
import { AccountStateInput } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { accountEvent, presentAccount } from "../presenters.ts";
import { byAdministratorOnAccount } from "./shared/account.ts";

/** core.account.enable: an administrator lets a disabled account sign in again (its old tokens stay revoked). */
export const enableAccount = defineOperation({
  name: "core.account.enable",
  input: AccountStateInput,
  ...byAdministratorOnAccount,
  run: async (ctx, input) => {
    const [after] = await ctx.tx
      .update(user)
      .set({ disabledAt: null, updatedAt: new Date() })
      .where(eq(user.id, input.accountId))
      .returning();
    if (!after) throw new NotFound("Account", input.accountId);
    const account = presentAccount(after);
    ctx.audit({ data: { email: account.email } });
    ctx.emit(accountEvent("core.account.enable", account));
    return account;
  },
});
