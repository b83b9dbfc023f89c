import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import * as authSchema from "./auth-schema.ts";

/** The header our HTTP bridge sets from Fastify's `request.ip`; any client-sent value is overwritten. */
export const clientAddressHeader = "x-astana-client-address";

/** Where better-auth's own messages go: the server's structured log, not the console. */
export type AuthLog = {
  debug(object: object, message: string): void;
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
};

export type AuthSettings = {
  // biome-ignore lint/suspicious/noExplicitAny: better-auth's drizzle adapter accepts either driver's handle
  db: any;
  secret: string;
  publicUrl: string;
  secureCookies: boolean;
  /** Second-factor attempts per client address per minute (sign-in failures are limited by `sign-in-limits.ts`). */
  signInAttemptsPerMinute: number;
  /** Sign-in requests per client address per minute, failed or not: a flood cap, far above what people behind one address need. */
  signInRequestsPerMinute: number;
  log?: AuthLog;
};

/**
 * Passwords are hashed with argon2id (OWASP's first choice) rather than better-auth's default scrypt,
 * so the same hasher serves sign-in, the first-run setup and `astana user create`.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, { algorithm: 2 });
}

/** Checks a password against its argon2 hash; a malformed hash is a mismatch, not a crash. */
export async function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  try {
    return await argon2Verify(data.hash, data.password);
  } catch {
    return false;
  }
}

/**
 * The origins a browser may send credentialed requests from: the public address, and when that is
 * the machine itself (`localhost`), its other loopback spellings, so opening http://127.0.0.1:3000
 * instead of http://localhost:3000 does not make sign-out fail as a cross-site request.
 */
export function trustedOriginsFor(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  if (url.hostname === "localhost") {
    for (const host of ["127.0.0.1", "[::1]"]) {
      const alias = new URL(url.origin);
      alias.hostname = host;
      origins.push(alias.origin);
    }
  }
  return origins;
}

/**
 * better-auth, configured for a closed community: no self sign-up (accounts are created by an
 * administrator, the CLI or the first-run setup), httpOnly SameSite=Lax cookies that are Secure behind
 * https, a check that credentialed requests come from our own origin, two-factor TOTP, a per-address
 * limit on second-factor attempts (failed sign-ins are limited per account and per address by the
 * bridge), and no session for a disabled account. Name, language
 * and the administrator right are changed through the platform's audited operations, never by
 * better-auth's own endpoints (`input: false`).
 */
export function createAuth(settings: AuthSettings) {
  const strict = { window: 60, max: settings.signInAttemptsPerMinute };
  return betterAuth({
    appName: "Astana",
    baseURL: settings.publicUrl,
    basePath: "/api/auth",
    secret: settings.secret,
    trustedOrigins: trustedOriginsFor(settings.publicUrl),
    database: drizzleAdapter(settings.db, { provider: "pg", schema: authSchema }),
    user: {
      additionalFields: {
        isAdmin: { type: "boolean", required: false, defaultValue: false, input: false },
        locale: { type: "string", required: false, defaultValue: "en", input: false },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: Math.max(300, settings.signInRequestsPerMinute * 3),
      storage: "database",
      customRules: {
        // better-auth's default (3 per 10 s per address) would lock out everyone behind one address;
        // failed sign-ins are limited per account and per address by the bridge, and this only caps floods.
        "/sign-in/email": { window: 60, max: settings.signInRequestsPerMinute },
        "/two-factor/verify-totp": strict,
        "/two-factor/verify-backup-code": strict,
      },
    },
    advanced: {
      // better-auth turns its origin (CSRF) check off when NODE_ENV is "test"; keep it on everywhere,
      // so the tests exercise what production does.
      disableOriginCheck: false,
      useSecureCookies: settings.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: settings.secureCookies },
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
      cookiePrefix: "astana",
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no session, whichever way it signs in (password, second factor).
          before: async (session) => {
            const [owner] = await settings.db
              .select({ disabledAt: authSchema.user.disabledAt })
              .from(authSchema.user)
              .where(eq(authSchema.user.id, session.userId))
              .limit(1);
            if (owner?.disabledAt) {
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DISABLED",
                message: "This account is disabled. Ask an administrator of the platform to enable it again.",
              });
            }
          },
        },
      },
    },
    telemetry: { enabled: false },
    logger: settings.log
      ? {
          level: "debug",
          log: (level, message, ...args) =>
            settings.log?.[level]({ details: args }, `better-auth: ${message}`),
        }
      : undefined,
    plugins: [twoFactor({ issuer: "Astana" })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
