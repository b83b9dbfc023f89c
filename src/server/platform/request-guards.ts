import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import { bearerTokenOf, feedTokenOf, findApiToken, narrowActorToToken } from "./api-tokens.ts";
import { trustedOriginsFor } from "./auth.ts";
import { user } from "./auth-schema.ts";
import { type Actor, anonymous } from "./authz.ts";
import type { Db } from "./db.ts";
import { DomainError } from "./errors.ts";

/**
 * What the browser may load on our pages: only our own scripts (Vite builds them as files), styles
 * from our files plus the `<style>` elements Mantine injects for its CSS variables (hence
 * 'unsafe-inline' for styles only), images of our own and the data: URL of the two-factor QR code,
 * requests and event streams to ourselves, and no framing by anyone (clickjacking).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers of every answer: the CSP, and HSTS when the public address is https (never over http, where it would be ignored or lock a test host out). */
export function securityHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = { "content-security-policy": contentSecurityPolicy };
  if (config.publicUrl.startsWith("https://")) headers["strict-transport-security"] = "max-age=31536000";
  return headers;
}

const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether the request carries our session cookie (plain or `__Secure-` prefixed). */
function hasSessionCookie(request: FastifyRequest): boolean {
  return /(^|;\s*)(__Secure-)?astana\.session_token=/.test(request.headers.cookie ?? "");
}

/**
 * Cross-site request forgery: a state-changing API request authenticated by the session cookie must
 * come from one of our own pages, as its `Origin` says; a foreign or missing `Origin` is refused
 * before anything runs. Scripts send a personal API token (`Authorization: Bearer`) instead, which a
 * foreign page cannot make a browser send. better-auth applies the same rule to /api/auth/* itself.
 */
export function checkRequestOrigin(request: FastifyRequest, config: Config): void {
  if (!stateChangingMethods.has(request.method)) return;
  if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
  if (bearerTokenOf(request.headers.authorization) !== null || !hasSessionCookie(request)) return;
  const origin = request.headers.origin;
  if (!origin || origin === "null") {
    throw new DomainError(
      "missing_origin",
      403,
      "This request carries a session cookie but no Origin header, so it may come from another site. Send it from the web app, or use a personal API token (Authorization: Bearer).",
    );
  }
  if (!trustedOriginsFor(config.publicUrl).includes(origin)) {
    throw new DomainError(
      "invalid_origin",
      403,
      `Requests from ${origin} may not change anything here. Use the web app at ${config.publicUrl}, or a personal API token.`,
      { origin },
    );
  }
}

export type ActorResolver = (db: Db, accountId: string) => Promise<Actor>;

/**
 * Whether the request's route declared itself a feed (`feed: true` on a read, or `config: { feed: true }`
 * on a route): the only routes that take a feed token, in the address, since feed readers and calendar
 * apps cannot send headers.
 */
export function isFeedRoute(request: FastifyRequest): boolean {
  const config = request.routeOptions?.config as { feed?: unknown } | undefined;
  return config?.feed === true;
}

function invalidToken(message: string): DomainError {
  return new DomainError("invalid_token", 401, message);
}

/**
 * A `?token=` on any API route that is not a feed is refused (401) before the route's contracts run:
 * a token in an address ends up in logs, histories and referrers, so only read-only feed tokens may
 * travel there, and only to feeds.
 */
export function checkFeedTokenPlacement(request: FastifyRequest): void {
  if (!request.url.startsWith("/api/")) return;
  if (feedTokenOf(request.url) === null || isFeedRoute(request)) return;
  throw invalidToken(
    "A token in the address (?token=) is accepted only by feeds (Atom, iCalendar). Send an API token as Authorization: Bearer instead.",
  );
}

/**
 * The actor of an API request: from a feed token in the address on a feed route, from a personal API
 * token when an `Authorization: Bearer` header is sent (an unknown or revoked token is 401, never a
 * silent fall-back to the cookie), otherwise from the session cookie. A feed token acts only in a feed's
 * address; any other token never does.
 */
export async function actorOfRequest(
  request: FastifyRequest,
  db: Db,
  sessionAccountId: () => Promise<string | null>,
  resolveActor: ActorResolver,
): Promise<Actor> {
  const feedToken = feedTokenOf(request.url);
  if (feedToken !== null) {
    checkFeedTokenPlacement(request);
    const grant = await findApiToken(db, feedToken);
    if (!grant)
      throw invalidToken("This feed token is unknown or was revoked. Make a new one on your account page.");
    if (grant.access !== "feed")
      throw invalidToken(
        'Only a feed token may be put in a feed\'s address. Make one with access "feed" on your account page; send other tokens as Authorization: Bearer.',
      );
    return narrowActorToToken(await resolveActor(db, grant.accountId), grant);
  }
  const token = bearerTokenOf(request.headers.authorization);
  if (token !== null) {
    const grant = await findApiToken(db, token);
    if (!grant) {
      throw invalidToken("This API token is unknown or was revoked. Create a new one on your account page.");
    }
    if (grant.access === "feed")
      throw invalidToken("A feed token is accepted only in a feed's address (?token=), never as a header.");
    return narrowActorToToken(await resolveActor(db, grant.accountId), grant);
  }
  const accountId = await sessionAccountId();
  return accountId ? resolveActor(db, accountId) : anonymous;
}

/** A read-only or feed token may read; any other method is refused before the route runs. */
export function checkTokenAccess(request: FastifyRequest, actor: Actor): void {
  if (actor.kind !== "account" || !actor.credential || actor.credential.access === "write") return;
  if (request.method === "GET" || request.method === "HEAD") return;
  throw new DomainError(
    "token_read_only",
    403,
    "This API token may only read. Create a token with write access to make changes.",
  );
}

/** What an administrator without a second factor may still reach while it is required: their own account and the set-up of the second factor. */
const reachableWithoutSecondFactor = new Set(["GET /api/me", "PUT /api/me/locale", "GET /api/setup"]);

/**
 * With REQUIRE_ADMIN_TWO_FACTOR on, an administrator account without two-factor authentication may
 * do nothing but set it up (better-auth's /api/auth/* stays open) and read its own account: a
 * stolen administrator password alone must not reach the platform's administration.
 */
export async function checkAdministratorSecondFactor(
  request: FastifyRequest,
  actor: Actor,
  db: Db,
  config: Config,
): Promise<void> {
  if (actor.kind !== "account" || !(await mustSetUpSecondFactor(db, config, actor.accountId))) return;
  const path = request.url.split("?")[0] ?? "";
  if (reachableWithoutSecondFactor.has(`${request.method} ${path}`)) return;
  if (path === "/api/health" || path === "/api/ready") return;
  throw new DomainError(
    "two_factor_required",
    403,
    "Administrators must use two-factor authentication on this platform. Set it up on your account's two-factor page first.",
  );
}

/** Whether an administrator account must still set up its second factor (for GET /api/me, so the web app shows only that page). */
export async function mustSetUpSecondFactor(db: Db, config: Config, accountId: string): Promise<boolean> {
  if (!config.REQUIRE_ADMIN_TWO_FACTOR) return false;
  const [row] = await db
    .select({ isAdmin: user.isAdmin, twoFactorEnabled: user.twoFactorEnabled })
    .from(user)
    .where(eq(user.id, accountId))
    .limit(1);
  return row?.isAdmin === true && row.twoFactorEnabled !== true;
}
