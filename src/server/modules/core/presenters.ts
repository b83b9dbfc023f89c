import type { Account } from "../../../contracts/accounts.ts";
import type { user } from "../../platform/auth-schema.ts";

/** An account as the API shows it: never its password, sessions or second-factor secrets. */
export function presentAccount(row: typeof user.$inferSelect): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin === true,
    locale: row.locale === "ru" || row.locale === "ar" ? row.locale : "en",
    twoFactorEnabled: row.twoFactorEnabled === true,
    createdAt: row.createdAt.toISOString(),
  };
}
