import { eq } from "drizzle-orm";
import { SetLocaleBody } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canSetOwnLocale } from "../policies.ts";
import { accountEvent, presentAccount } from "../presenters.ts";

/** core.account.set-locale: the signed-in person chooses the language of their own interface. */
export const setAccountLocale = defineOperation({
  name: "core.account.set-locale",
  input: SetLocaleBody,
  authorize: (actor) => canSetOwnLocale(actor),
  scope: () => ({ subjectType: "account", tier: "process", processId: null }),
  run: async (ctx, input) => {
    if (ctx.actor.kind !== "account") throw new Error("authorize admits accounts only");
    const accountId = ctx.actor.accountId;
    const [before] = await ctx.tx.select({ locale: user.locale }).from(user).where(eq(user.id, accountId));
    const [after] = await ctx.tx
      .update(user)
      .set({ locale: input.locale, updatedAt: new Date() })
      .where(eq(user.id, accountId))
      .returning();
    if (!after) throw new NotFound("Account", accountId);
    const account = presentAccount(after);
    const changes = { locale: { from: before?.locale ?? null, to: input.locale } };
    ctx.audit({ subjectId: accountId, data: { changes } });
    ctx.emit(accountEvent("core.account.set-locale", account, changes));
    return account;
  },
});
