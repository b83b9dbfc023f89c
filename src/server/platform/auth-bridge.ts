import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { appendAudit } from "./audit.ts";
import { type Auth, clientAddressHeader } from "./auth.ts";
import type { Db } from "./db.ts";
import { errorBody } from "./http-errors.ts";

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
 * credentials by a signed-in person is audited (`auditedAuthPaths`).
 */
export async function registerAuthBridge(app: FastifyInstance, auth: Auth, db: Db): Promise<void> {
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
      const signedIn = auditAction ? await auth.api.getSession({ headers }).catch(() => null) : null;
      const hasBody = request.method !== "GET" && request.body !== undefined && request.body !== null;
      if (hasBody) headers.set("content-type", "application/json");
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers,
          body: hasBody ? JSON.stringify(request.body) : undefined,
        }),
      );
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      const text = await response.text();
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
