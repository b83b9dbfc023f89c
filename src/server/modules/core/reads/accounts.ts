import { asc } from "drizzle-orm";
import type { AccountList } from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import type { Db } from "../../../platform/db.ts";
import { presentAccount } from "../presenters.ts";

/** GET /accounts: every account, oldest first. The caller checks the right to list them (administrators). */
export async function listAccounts(db: Db): Promise<AccountList> {
  const rows = await db.select().from(user).orderBy(asc(user.createdAt), asc(user.email));
  return { accounts: rows.map(presentAccount) };
}
