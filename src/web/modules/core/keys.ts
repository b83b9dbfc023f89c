// The core module's cached answers and the live events that make them stale.

/** Every account on the platform; the Accounts page and the account picker share this query. */
export const accountsKey = ["core", "accounts"] as const;

/** Everything the membership views read lives under this key, so one invalidation refreshes them all. */
export const membershipsKey = ["core", "memberships"] as const;

/** The events that change an account as the Accounts page lists it. */
export const accountEvents = [
  "core.account.create",
  "core.account.update",
  "core.account.set-locale",
  "core.account.disable",
  "core.account.enable",
] as const;

/** The events that change who sits on which delegation (core.membership.add / .remove). */
export const membershipEvents = ["core.membership.add", "core.membership.remove"] as const;
