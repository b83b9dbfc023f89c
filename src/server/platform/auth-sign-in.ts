import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { appendAudit } from "./audit.ts";
import { user } from "./auth-schema.ts";
import type { Db } from "./db.ts";
import {
  type Reservation,
  reserveSignInAttempt,
  type SignInKeys,
  type SignInLimits,
  settleSuccessfulSignIn,
  signInKeys,
} from "./sign-in-limits.ts";

/** The better-auth paths that end in a session: the password step and the second-factor step. */
export const signInPaths = {
  password: "/sign-in/email",
  secondFactor: new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code"]),
};

/** The e-mail a sign-in names, trimmed, lower-cased and bounded; null when the body has none (better-auth then answers 400). */
export function signInEmailOf(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const email = (body as { email?: unknown }).email;
  if (typeof email !== "string" || email.trim().length === 0) return null;
  return email.trim().toLowerCase().slice(0, 254);
}

/** Charges a password attempt to the account's and the address's failure counters (see `reserveSignInAttempt`). */
export function reservePasswordAttempt(
  db: Db,
  request: FastifyRequest,
  email: string,
  limits: SignInLimits,
): Promise<Reservation> {
  return reserveSignInAttempt(db, signInKeys(email, request.ip), limits);
}

/** After a successful password step, the charge is taken back (the owner proved the password). */
export function settlePasswordAttempt(db: Db, keys: SignInKeys): Promise<void> {
  return settleSuccessfulSignIn(db, keys);
}

export type SignInOutcome = {
  step: "password" | "second-factor";
  outcome: "ok" | "denied";
  /** The account, when known: the one that signed in, or the one an attempt named. */
  accountId: string | null;
  email: string | null;
  /** Why it was refused (the error code), or `second_factor_pending` after a correct password. */
  reason?: string;
};

/**
 * Every sign-in and every refused one goes on the hash-chained audit log (`auth.sign-in`), with the
 * client address and never the password, about the account it concerns: administrators can see who
 * got in, from where, and who is guessing at which account.
 */
export async function auditSignIn(db: Db, request: FastifyRequest, result: SignInOutcome): Promise<void> {
  let accountId = result.accountId;
  if (accountId === null && result.email !== null) {
    const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, result.email)).limit(1);
    accountId = row?.id ?? null;
  }
  await db.transaction(async (tx) => {
    await appendAudit(tx as unknown as Db, {
      actorId: result.outcome === "ok" ? accountId : null,
      actorLabel: result.email ?? "anonymous",
      action: "auth.sign-in",
      outcome: result.outcome,
      subjectType: "account",
      subjectId: accountId,
      processId: null,
      tier: "process",
      data: {
        step: result.step,
        clientAddress: request.ip,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(accountId === null ? { knownAccount: false } : {}),
      },
      requestId: request.id,
    });
  });
}

/** The account a successful better-auth sign-in answer names (`{ user: { id, email } }`). */
export function signedInAccountOf(text: string): { id: string; email: string } | null {
  try {
    const body = JSON.parse(text) as { user?: { id?: unknown; email?: unknown } };
    if (typeof body.user?.id === "string" && typeof body.user.email === "string")
      return { id: body.user.id, email: body.user.email };
  } catch {
    return null;
  }
  return null;
}
