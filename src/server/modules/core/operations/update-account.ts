import { and, asc, eq, isNull } from "drizzle-orm";
import { UpdateAccountInput } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { accountEvent, presentAccount } from "../presenters.ts";
import { byAdministratorOnAccount } from "./shared/account.ts";

/**
 * The administrators who can act (not disabled), locked in a fixed order until the transaction ends:
 * two administrators demoting or disabling each other at the same moment are serialized (without a
 * deadlock), so the second sees that it would remove the last one.
 */
export async function lockActiveAdministrators(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.isAdmin, true), isNull(user.disabledAt)))
    .orderBy(asc(user.id))
    .for("update");
  return rows.map((row) => row.id);
}

/**
 * core.account.update: an administrator changes an account's name, language or administrator
 * right. The platform never loses its last administrator: nobody could then manage accounts.
 */
export const updateAccount = defineOperation({
  name: "core.account.update",
  input: UpdateAccountInput,
  ...byAdministratorOnAccount,
  run: async (ctx, input) => {
    const administrators = input.isAdmin === false ? await lockActiveAdministrators(ctx.tx) : [];
    const [before] = await ctx.tx.select().from(user).where(eq(user.id, input.accountId)).for("update");
    if (!before) throw new NotFound("Account", input.accountId);
    if (input.isAdmin === false && before.isAdmin === true && before.disabledAt === null) {
      if (administrators.length <= 1) {
        throw new Conflict(
          "This is the platform's last administrator. Make another account an administrator first.",
          { field: "isAdmin" },
          "last_administrator",
        );
      }
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.name !== undefined && input.name !== before.name)
      changes.name = { from: before.name, to: input.name };
    if (input.locale !== undefined && input.locale !== before.locale)
      changes.locale = { from: before.locale, to: input.locale };
    if (input.isAdmin !== undefined && input.isAdmin !== (before.isAdmin === true))
      changes.isAdmin = { from: before.isAdmin === true, to: input.isAdmin };
    const [after] = await ctx.tx
      .update(user)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.isAdmin !== undefined ? { isAdmin: input.isAdmin } : {}),
        updatedAt: new Date(),
      })
      .where(eq(user.id, input.accountId))
      .returning();
    if (!after) throw new NotFound("Account", input.accountId);
    const account = presentAccount(after);
    ctx.audit({ data: { email: account.email, changes } });
    ctx.emit(accountEvent("core.account.update", account, changes));
    return account;
  },
});
