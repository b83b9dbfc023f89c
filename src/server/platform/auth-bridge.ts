import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { appendAudit } from "./audit.ts";
import { type Auth, clientAddressHeader } from "./auth.ts";
import { session as sessionTable } from "./auth-schema.ts";
import {
  auditSignIn,
  reservePasswordAttempt,
  settlePasswordAttempt,
  signedInAccountOf,
  signInEmailOf,
  signInPaths,
} from "./auth-sign-in.ts";
import type { Db } from "./db.ts";
import { errorBody } from "./http-errors.ts";
import type { SignInKeys, SignInLimits } from "./sign-in-limits.ts";

/**
 * The better-auth endpoints the platform offers, by method. Everything else better-auth could do
 * (self sign-up, changing one's e-mail or name behind the platform's operations, deleting an account,
 * social sign-in) answers 404: deny by default, so a later better-auth release cannot open a path
 * we never decided to offer.
 */
export const offeredAuthPaths: Record<"GET" | "POST", ReadonlySet<string>> = {
  GET: new Set(["/get-session", "/list-sessions", "/ok"]),
  POST: new Set([
    "/sign-in/email",
    "/sign-out",
    "/change-password",
    "/revoke-session",
    "/revoke-sessions",
    "/revoke-other-sessions",
    "/two-factor/enable",
    "/two-factor/disable",
    "/two-factor/get-totp-uri",
    "/two-factor/verify-totp",
    "/two-factor/verify-backup-code",
    "/two-factor/generate-backup-codes",
  ]),
};

/**
 * Changes to a person's credentials that better-auth makes on its own, with the audit action each
 * gets: whoever investigates an account later must see when its password or second factor changed.
 */
export const auditedAuthPaths: Record<string, string> = {
  "/change-password": "auth.password.change",
  "/two-factor/enable": "auth.two-factor.enable",
  "/two-factor/verify-totp": "auth.two-factor.verify",
  "/two-factor/disable": "auth.two-factor.disable",
  "/two-factor/generate-backup-codes": "auth.two-factor.regenerate-backup-codes",
  "/revoke-session": "auth.session.revoke",
  "/revoke-sessions": "auth.session.revoke",
  "/revoke-other-sessions": "auth.session.revoke",
};

const authPrefix = "/api/auth";

/** Our codes for statuses better-auth answers without a code of its own. */
const codeForStatus: Record<number, { code: string; message: string }> = {
  400: { code: "bad_request", message: "The request could not be understood." },
  401: { code: "unauthenticated", message: "Sign in to do this." },
  403: { code: "forbidden", message: "This is not allowed." },
  404: { code: "route_not_found", message: "There is no such authentication endpoint." },
  429: { code: "too_many_requests", message: "Too many attempts. Wait a minute and try again." },
};

/** The error body of /api/auth/*: our shape, plus better-auth's top-level code and message for its client. */
export type AuthErrorBody = ReturnType<typeof errorBody> & { code: string; message: string };

/**
 * Turns better-auth's error answer (`{ message, code }`, sometimes nothing) into the platform's one
 * error shape `{ error: { code, message, details } }`, keeping `code` and `message` at the top level
 * so better-auth's own client still reads them. Our code is better-auth's in snake case
 * (`INVALID_EMAIL_OR_PASSWORD` → `invalid_email_or_password`). A server error never shows its text.
 */
export function toAuthErrorBody(status: number, text: string, retryAfter: string | null): AuthErrorBody {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = text.length > 0 ? JSON.parse(text) : {};
    if (value && typeof value === "object" && !Array.isArray(value))
      parsed = value as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const fallback = codeForStatus[status] ?? {
    code: status >= 500 ? "internal_error" : "bad_request",
    message: status >= 500 ? "The server could not complete the request." : "The request was refused.",
  };
  const { code: rawCode, message: rawMessage, ...rest } = parsed;
  const authCode = typeof rawCode === "string" && rawCode.length > 0 ? rawCode : fallback.code.toUpperCase();
  const message =
    status < 500 && typeof rawMessage === "string" && rawMessage.length > 0 ? rawMessage : fallback.message;
  const details: Record<string, unknown> = status < 500 ? { ...rest } : {};
  if (retryAfter !== null && Number.isFinite(Number(retryAfter)))
    details.retryAfterSeconds = Number(retryAfter);
  return {
    ...errorBody(authCode.toLowerCase(), message, Object.keys(details).length > 0 ? details : null),
    code: authCode,
    message,
  };
}

/**
 * Hands /api/auth/* to better-auth as Web requests. The client address better-auth rate-limits on
 * is Fastify's `request.ip` (which honours TRUST_PROXY), never a header the client chose. Only the
 * endpoints in `offeredAuthPaths` pass; errors answer in the platform's shape; a successful change of
 * credentials by a signed-in person is audited (`auditedAuthPaths`). Around better-auth, the platform
 * adds its own rules: failed sign-ins are limited per account and per address and every sign-in is
 * audited; a password change always ends the account's other sessions; a session that is not one's
 * own cannot be "revoked".
 */
export async function registerAuthBridge(
  app: FastifyInstance,
  auth: Auth,
  db: Db,
  limits: SignInLimits,
): Promise<void> {
  app.route({
    method: ["GET", "POST"],
    url: `${authPrefix}/*`,
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, `${request.protocol}://${request.host}`);
      const path = url.pathname.slice(authPrefix.length);
      if (!offeredAuthPaths[request.method as "GET" | "POST"]?.has(path)) {
        return sendAuthError(reply, 404, "", null);
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) {
        if (key === clientAddressHeader || value === undefined) continue;
        if (Array.isArray(value)) for (const item of value) headers.append(key, item);
        else headers.set(key, String(value));
      }
      headers.set(clientAddressHeader, request.ip);
      const auditAction = auditedAuthPaths[path];
      const needsSession = Boolean(auditAction) || path === "/revoke-session";
      const signedIn = needsSession ? await auth.api.getSession({ headers }).catch(() => null) : null;

      let body = request.body;
      let charged: SignInKeys | null = null;
      const email = path === signInPaths.password ? signInEmailOf(body) : null;
      if (email !== null) {
        const reservation = await reservePasswordAttempt(db, request, email, limits);
        if (!reservation.allowed) {
          await auditSignIn(db, request, {
            step: "password",
            outcome: "denied",
            accountId: null,
            email,
            reason: `too_many_failures_for_${reservation.scope}`,
          }).catch((error: unknown) => request.log.error({ err: error }, "could not audit a sign-in"));
          return sendTooManyFailures(reply, reservation.scope, reservation.retryAfterSeconds);
        }
        charged = reservation.keys;
      }
      if (path === "/change-password" && body && typeof body === "object") {
        // Whoever knew the old password must not stay signed in elsewhere.
        body = { ...body, revokeOtherSessions: true };
      }
      if (path === "/revoke-session" && signedIn?.user) {
        const token = (body as { token?: unknown } | null)?.token;
        if (typeof token !== "string" || !(await ownsSession(db, signedIn.user.id, token))) {
          return reply
            .status(404)
            .header("content-type", "application/json; charset=utf-8")
            .send({
              ...errorBody("session_not_found", "You have no session with this token.", null),
              code: "SESSION_NOT_FOUND",
              message: "You have no session with this token.",
            });
        }
      }

      const hasBody = request.method !== "GET" && body !== undefined && body !== null;
      if (hasBody) headers.set("content-type", "application/json");
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers,
          body: hasBody ? JSON.stringify(body) : undefined,
        }),
      );
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      const text = await response.text();
      await recordSignIn(db, request, path, response.status, text, email, charged, signedIn !== null);
      if (response.status >= 400) {
        if (response.status >= 500)
          request.log.error({ status: response.status, body: text }, "better-auth failed");
        return sendAuthError(reply, response.status, text, response.headers.get("x-retry-after"));
      }
      if (auditAction && signedIn?.user) {
        // better-auth has committed the change; a failure to record it is logged, not turned into an error.
        await auditCredentialChange(db, request, auditAction, signedIn.user).catch((error: unknown) =>
          request.log.error({ err: error, action: auditAction }, "could not audit a credential change"),
        );
      }
      for (const [key, value] of response.headers) {
        const name = key.toLowerCase();
        if (name !== "set-cookie" && name !== "content-length") reply.header(key, value);
      }
      reply.status(response.status);
      return reply.send(text.length > 0 ? text : null);
    },
  });
}

/** Whether this session token is one of the account's own sessions. */
async function ownsSession(db: Db, accountId: string, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sessionTable.id })
    .from(sessionTable)
    .where(and(eq(sessionTable.token, token), eq(sessionTable.userId, accountId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Settles the failure counters and audits the attempt, after better-auth answered a password step
 * or a second-factor step that was completing a sign-in (not one confirming a new authenticator).
 */
async function recordSignIn(
  db: Db,
  request: FastifyRequest,
  path: string,
  status: number,
  text: string,
  email: string | null,
  charged: SignInKeys | null,
  hadSession: boolean,
): Promise<void> {
  const secondFactor = signInPaths.secondFactor.has(path) && !hadSession;
  if (path !== signInPaths.password && !secondFactor) return;
  if (status >= 500) return;
  const ok = status < 400;
  try {
    if (ok && charged) await settlePasswordAttempt(db, charged);
    const account = ok ? signedInAccountOf(text) : null;
    if (!ok && status === 400 && email === null && !secondFactor) return;
    const pending = ok && text.includes('"twoFactorRedirect":true');
    await auditSignIn(db, request, {
      step: secondFactor ? "second-factor" : "password",
      outcome: ok ? "ok" : "denied",
      accountId: account?.id ?? null,
      email: account?.email ?? email,
      reason: ok ? (pending ? "second_factor_pending" : undefined) : authErrorCode(text, status),
    });
  } catch (error) {
    request.log.error({ err: error }, "could not record a sign-in");
  }
}

function authErrorCode(text: string, status: number): string {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    if (typeof code === "string") return code.toLowerCase();
  } catch {
    // not JSON: fall through to the status
  }
  return codeForStatus[status]?.code ?? `status_${status}`;
}

/** 429 for a sign-in refused by the failure counters, in better-auth's and our shape. */
function sendTooManyFailures(reply: FastifyReply, scope: "account" | "address", retryAfterSeconds: number) {
  const message =
    scope === "account"
      ? `Too many failed sign-ins to this account. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again, or ask an administrator.`
      : `Too many failed sign-ins from your address. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again.`;
  return reply
    .status(429)
    .header("retry-after", String(retryAfterSeconds))
    .header("content-type", "application/json; charset=utf-8")
    .send({
      ...errorBody("too_many_failed_sign_ins", message, { scope, retryAfterSeconds }),
      code: "TOO_MANY_FAILED_SIGN_INS",
      message,
    });
}

function sendAuthError(reply: FastifyReply, status: number, text: string, retryAfter: string | null) {
  if (retryAfter !== null) reply.header("retry-after", retryAfter);
  return reply
    .status(status)
    .header("content-type", "application/json; charset=utf-8")
    .send(toAuthErrorBody(status, text, retryAfter));
}

/** One audit entry for a credential change, about the account itself: visible to administrators only. */
async function auditCredentialChange(
  db: Db,
  request: FastifyRequest,
  action: string,
  account: { id: string; email: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await appendAudit(tx as unknown as Db, {
      actorId: account.id,
      actorLabel: account.email,
      action,
      outcome: "ok",
      subjectType: "account",
      subjectId: account.id,
      processId: null,
      tier: "process",
      data: { clientAddress: request.ip },
      requestId: request.id,
    });
  });
}
