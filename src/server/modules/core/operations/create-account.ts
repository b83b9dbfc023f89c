import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { CreateAccountInput } from "../../../../contracts/accounts.ts";
import { hashPassword } from "../../../platform/auth.ts";
import { account, user } from "../../../platform/auth-schema.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canManageAccounts } from "../policies.ts";
import { accountEvent, presentAccount } from "../presenters.ts";

/**
 * Inserts an account and its password credential in the caller's transaction. There is no self
 * sign-up: every account is created by someone accountable for it.
 */
export async function insertAccount(tx: Db, input: CreateAccountInput) {
  const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, input.email)).limit(1);
  if (existing) {
    throw new Conflict(
      `An account with the e-mail ${input.email} already exists.`,
      { field: "email" },
      "email_taken",
    );
  }
  const now = new Date();
  const id = randomUUID();
  const [created] = await tx
    .insert(user)
    .values({
      id,
      email: input.email,
      name: input.name,
      emailVerified: true,
      isAdmin: input.isAdmin,
      locale: input.locale,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(account).values({
    id: randomUUID(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword(input.password),
    createdAt: now,
    updatedAt: now,
  });
  if (!created) throw new Error("insert returned no row");
  return presentAccount(created);
}

/** core.account.create: an administrator (or the CLI) creates an account, optionally an administrator. */
export const createAccount = defineOperation({
  name: "core.account.create",
  input: CreateAccountInput,
  authorize: (actor) => canManageAccounts(actor),
  scope: () => ({ subjectType: "account", tier: "process", processId: null }),
  run: async (ctx, input) => {
    const created = await insertAccount(ctx.tx, input);
    ctx.audit({
      subjectId: created.id,
      data: { email: created.email, name: created.name, isAdmin: created.isAdmin },
    });
    ctx.emit(accountEvent("core.account.create", created));
    return created;
  },
});
