import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { type AstanaApp, buildApp, startModules } from "../../src/server/app.ts";
import { type Config, loadConfig } from "../../src/server/config.ts";
import { issueSetupToken } from "../../src/server/modules/core/index.ts";
import { insertAccount } from "../../src/server/modules/core/operations/create-account.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import type { Database, Db } from "../../src/server/platform/db.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { freshDatabase } from "./database.ts";

export type TestApp = AstanaApp & {
  database: Database;
  config: Config;
  close(): Promise<void>;
  /** Signs in with e-mail and password; returns the cookie header for later requests. */
  signIn(email: string, password: string): Promise<string>;
  /** A fresh one-time setup token, as the server prints in its setup link at start-up. */
  setupToken(): Promise<string>;
  /** An injected request; `as` sends the session cookie, with the `Origin` of our own pages as a browser does. */
  request(options: InjectOptions & { as?: string }): Promise<LightMyRequestResponse>;
};

let addressCounter = 0;

/** A distinct client address per test request, so tests do not share one sign-in rate-limit bucket. */
export function nextRemoteAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** The configuration of a test server: no demonstration, no logs, no web app; `env` on top. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789",
    DEMO: "off",
    LOG_LEVEL: "silent",
    SERVE_WEB: "off",
    DATA_DIR: "/tmp/astana-test-unused",
    ...env,
  });
}

/**
 * The whole server on a fresh database, in process (requests through Fastify's inject): real routes,
 * real sessions, real SQL. `DEMO` is off unless asked for, so each test starts empty.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logStream?: { write: (line: string) => void } } = {},
): Promise<TestApp> {
  const database = await freshDatabase();
  const config = testConfig(env);
  // Silent, unless the test reads the log lines (at the configured LOG_LEVEL).
  const built = await buildApp(
    options.logStream
      ? { config, database, logStream: options.logStream }
      : { config, database, logger: false },
  );
  await startModules(built.deps);
  await built.app.ready();
  const request: TestApp["request"] = ({ as, ...options }) =>
    built.app.inject({
      remoteAddress: nextRemoteAddress(),
      ...options,
      // A header given as undefined is left out (e.g. `origin: undefined`, to send no Origin at all).
      headers: Object.fromEntries(
        Object.entries({
          ...(as ? { origin: config.publicUrl } : {}),
          ...(options.headers ?? {}),
          ...(as ? { cookie: as } : {}),
        }).filter(([, value]) => value !== undefined),
      ) as Record<string, string>,
    });
  return {
    ...built,
    database,
    config,
    request,
    setupToken: async () =>
      (await runOperation({ db: built.deps.db }, issueSetupToken, systemActor("test"), {})).token,
    close: async () => {
      await built.app.close();
      await database.close();
    },
    signIn: async (email, password) => {
      const response = await request({
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookies = response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`);
      return cookies.join("; ");
    },
  };
}

/** Creates an account directly (test set-up, not under test) and returns its id. */
export async function createTestAccount(
  db: Db,
  fields: { email: string; name?: string; password?: string; isAdmin?: boolean },
): Promise<string> {
  const created = await insertAccount(db, {
    email: fields.email,
    name: fields.name ?? fields.email.split("@")[0] ?? "Test",
    password: fields.password ?? "correct horse battery",
    isAdmin: fields.isAdmin ?? false,
    locale: "en",
  });
  return created.id;
}
