// The first-run setup's one-time tokens, shared by the operation that issues them and the one that uses one.
import { createHash } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { user, verification } from "../../../../platform/auth-schema.ts";
import type { Db } from "../../../../platform/db.ts";

/** True while no administrator exists: the only time the first-run setup works. */
export async function needsFirstAdministrator(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.isAdmin, true)).limit(1);
  return !row;
}

/** The `verification` rows (better-auth's table of one-time secrets) that hold setup tokens. */
export const setupTokenIdentifier = "astana:first-administrator-setup";

/** How long a printed setup link works; a restart prints a new one. */
export const setupTokenLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export function hashSetupToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether this is a live setup token (only its hash is stored). */
export async function isValidSetupToken(tx: Db, token: string): Promise<boolean> {
  if (token.length === 0 || token.length > 200) return false;
  const [row] = await tx
    .select({ id: verification.id })
    .from(verification)
    .where(
      and(
        eq(verification.identifier, setupTokenIdentifier),
        eq(verification.value, hashSetupToken(token)),
        gt(verification.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Forgets every setup token: the first administrator exists. */
export async function discardSetupTokens(tx: Db): Promise<void> {
  await tx.delete(verification).where(eq(verification.identifier, setupTokenIdentifier));
}
