import { and, eq, sql } from "drizzle-orm";
import { rateLimit } from "./auth-schema.ts";
import type { Db } from "./db.ts";

/** How many failed sign-ins are allowed, per account and per client address, and for how long they count. */
export type SignInLimits = { perAccount: number; perAddress: number; windowMs: number };

/** The two counters one sign-in attempt is charged to. */
export type SignInKeys = { account: string; address: string };

/**
 * Counter keys in better-auth's `rate_limit` table (its own keys are `<address>|<path>`, so ours
 * cannot collide): the e-mail as typed (normalized), and the client address.
 */
export function signInKeys(email: string, address: string): SignInKeys {
  return {
    account: `sign-in-failures|account|${email.trim().toLowerCase()}`,
    address: `sign-in-failures|address|${address}`,
  };
}

/**
 * Adds one to a counter and returns its new value. A counter whose last attempt is older than the
 * window starts again at 1. One atomic upsert, so concurrent attempts are each counted.
 */
async function bump(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const [row] = await db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${now} - ${rateLimit.lastRequest} > ${windowMs} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    })
    .returning({ count: rateLimit.count });
  return row?.count ?? 1;
}

export type Reservation =
  | { allowed: true; keys: SignInKeys }
  | { allowed: false; keys: SignInKeys; retryAfterSeconds: number; scope: "account" | "address" };

/**
 * Charges an attempt to both counters before the password is checked, so a burst of parallel
 * guesses cannot all pass a check made before any of them failed. Refused when either counter goes
 * over its limit: the account's counter stops guesses at one account from many addresses; the
 * address's counter (much higher) stops one address guessing at many accounts without shutting out
 * everyone else behind it after a few typos.
 */
export async function reserveSignInAttempt(
  db: Db,
  keys: SignInKeys,
  limits: SignInLimits,
  now = Date.now(),
): Promise<Reservation> {
  const accountCount = await bump(db, keys.account, limits.windowMs, now);
  const addressCount = await bump(db, keys.address, limits.windowMs, now);
  const retryAfterSeconds = Math.ceil(limits.windowMs / 1000);
  if (accountCount > limits.perAccount) return { allowed: false, keys, retryAfterSeconds, scope: "account" };
  if (addressCount > limits.perAddress) return { allowed: false, keys, retryAfterSeconds, scope: "address" };
  return { allowed: true, keys };
}

/**
 * A successful sign-in takes back its charge: the account's failures are forgotten (its owner has
 * proved the password) and the address is charged only for its failures.
 */
export async function settleSuccessfulSignIn(db: Db, keys: SignInKeys): Promise<void> {
  await db.delete(rateLimit).where(eq(rateLimit.key, keys.account));
  await db
    .update(rateLimit)
    .set({ count: sql`greatest(${rateLimit.count} - 1, 0)` })
    .where(and(eq(rateLimit.key, keys.address)));
}
