import { asc, desc, eq } from "drizzle-orm";
import type { AccountList, ApiTokenList } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import type { Db } from "../../../platform/db.ts";
import { apiToken } from "../../../platform/schema.ts";
import { presentAccount, presentApiToken } from "../presenters.ts";

/** GET /accounts: every account, oldest first. The caller checks the right to list them (administrators). */
export async function listAccounts(db: Db): Promise<AccountList> {
  const rows = await db.select().from(user).orderBy(asc(user.createdAt), asc(user.email));
  return { accounts: rows.map(presentAccount) };
}

/** GET /me/tokens: the signed-in person's own API tokens (live and revoked), newest first; never their values. */
export async function listOwnApiTokens(db: Db, accountId: string): Promise<ApiTokenList> {
  const rows = await db
    .select()
    .from(apiToken)
    .where(eq(apiToken.accountId, accountId))
    .orderBy(desc(apiToken.createdAt));
  return { tokens: rows.map(presentApiToken) };
}
