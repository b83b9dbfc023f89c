import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { noteTokenUse } from "./api-token-use.ts";
import type { Actor } from "./authz.ts";
import type { Db } from "./db.ts";
import { apiToken } from "./schema.ts";

/** Every personal API token starts so, which lets a leaked one be recognised (e.g. by secret scanners). */
export const apiTokenPrefix = "astana_";

/** A new token: 256 random bits, readable in a header; only its hash is ever stored. */
export function generateApiToken(): string {
  return `${apiTokenPrefix}${randomBytes(32).toString("base64url")}`;
}

/** The stored form of a token. A plain SHA-256 suffices: the token is random, not a guessable password. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token of an `Authorization: Bearer …` header, or null when the request carries none. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export type ApiTokenAccess = "read" | "write" | "feed";

export type ApiTokenGrant = {
  tokenId: string;
  accountId: string;
  access: ApiTokenAccess;
  delegationId: string | null;
};

/** The query parameter a feed token travels in: feed readers and calendar apps send no headers. */
export const feedTokenParameter = "token";

/**
 * The `?token=` of a request's address, or null when it has none. Read from the raw address (not the
 * parsed query) so that it is found before any route's query contract runs.
 */
export function feedTokenOf(url: string): string | null {
  const query = url.indexOf("?");
  if (query < 0) return null;
  const value = new URLSearchParams(url.slice(query + 1)).get(feedTokenParameter);
  return value === null ? null : value;
}

/** The address with a `?token=` value replaced, for logs: a feed token in a log line is a leaked token. */
export function redactFeedToken(url: string): string {
  if (!url.includes("?")) return url;
  return url.replace(/([?&]token=)[^&#]*/gi, "$1[redacted]");
}

/** The live (not revoked) token with this value, or null: an unknown and a revoked token are alike. */
export async function findApiToken(db: Db, token: string): Promise<ApiTokenGrant | null> {
  if (!token.startsWith(apiTokenPrefix) || token.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiToken.id,
      accountId: apiToken.accountId,
      access: apiToken.access,
      delegationId: apiToken.delegationId,
    })
    .from(apiToken)
    .where(and(eq(apiToken.tokenHash, hashApiToken(token)), isNull(apiToken.revokedAt)))
    .limit(1);
  if (row) await noteTokenUse(db, row.tokenId);
  return row ?? null;
}

/**
 * The owner's actor narrowed to what the token grants: a token scoped to one delegation acts only
 * as a member of it and never with the administrator right; a token cannot reach further than its
 * owner does today (memberships come from the owner's current actor).
 */
export function narrowActorToToken(actor: Actor, grant: ApiTokenGrant): Actor {
  if (actor.kind !== "account") return actor;
  const credential = { kind: "token" as const, tokenId: grant.tokenId, access: grant.access };
  if (grant.delegationId === null) return { ...actor, credential };
  return {
    ...actor,
    isAdmin: false,
    memberships: actor.memberships.filter((membership) => membership.delegationId === grant.delegationId),
    credential,
  };
}
