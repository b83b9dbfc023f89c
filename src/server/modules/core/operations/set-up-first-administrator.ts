import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { CreateAccountInput } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { accountEvent } from "../presenters.ts";
import { insertAccount } from "./create-account.ts";

/** True while no administrator exists: the only time the first-run setup page works. */
export async function needsFirstAdministrator(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.isAdmin, true)).limit(1);
  return !row;
}

/**
 * core.setup.first-administrator: anyone may create the first administrator, but only while there is
 * none. The check runs under a lock inside the transaction, so two racing visitors cannot both succeed.
 */
export const setUpFirstAdministrator = defineOperation({
  name: "core.setup.first-administrator",
  input: CreateAccountInput.omit({ isAdmin: true }).extend({ isAdmin: z.literal(true).default(true) }),
  authorize: () => true,
  scope: () => ({ subjectType: "account", tier: "process", processId: null }),
  run: async (ctx, input) => {
    await ctx.tx.execute(sql`select pg_advisory_xact_lock(7246002)`);
    if (!(await needsFirstAdministrator(ctx.tx))) {
      throw new Conflict(
        "This platform already has an administrator. Ask them to create your account.",
        null,
        "setup_done",
      );
    }
    const created = await insertAccount(ctx.tx, { ...input, isAdmin: true });
    ctx.audit({ subjectId: created.id, data: { email: created.email, name: created.name, isAdmin: true } });
    ctx.emit(accountEvent("core.setup.first-administrator", created));
    return created;
  },
});
