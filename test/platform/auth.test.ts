import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, rateLimit, user } from "../../src/server/platform/auth-schema.ts";
import { auditLog } from "../../src/server/platform/schema.ts";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";

const password = "correct horse battery";

function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((cookie) => cookie.value !== "")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/** A request as the web app sends it: from the platform's own origin, as browsers say in `Origin`. */
function fromOurPage(app: TestApp, options: Parameters<TestApp["request"]>[0]) {
  return app.request({ ...options, headers: { origin: app.config.publicUrl, ...(options.headers ?? {}) } });
}

function signIn(app: TestApp, email: string, pass: string, remoteAddress?: string) {
  return fromOurPage(app, {
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password: pass },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** The platform's error shape, with better-auth's own code and message kept at the top level. */
function expectAuthError(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(["code", "error", "message"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "details", "message"]);
  expect(body.error.code).toBe(code);
  expect(body.message).toBe(body.error.message);
  expect(body.code.toLowerCase()).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe("sign-in, session and sign-out (http)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await createTestAccount(app.deps.db, { email: "ada@example.org", name: "Ada", password });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("signs in with e-mail and password into an httpOnly SameSite=Lax cookie, not Secure over http", async () => {
    const response = await signIn(app, "ada@example.org", password);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: "ada@example.org", twoFactorEnabled: false });
    const session = response.cookies.find((cookie) => cookie.name === "astana.session_token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(session?.secure).toBeFalsy();

    const cookie = cookieHeader(response);
    const current = await fromOurPage(app, { method: "GET", url: "/api/auth/get-session", as: cookie });
    expect(current.statusCode).toBe(200);
    expect(current.json().user.email).toBe("ada@example.org");
    const me = await fromOurPage(app, { method: "GET", url: "/api/me", as: cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: "ada@example.org", locale: "en", twoFactorEnabled: false });
  });

  it("stores passwords as argon2id hashes", async () => {
    const [ada] = await app.deps.db.select().from(user).where(eq(user.email, "ada@example.org"));
    const [credential] = await app.deps.db
      .select({ password: account.password })
      .from(account)
      .where(and(eq(account.userId, ada?.id ?? ""), eq(account.providerId, "credential")));
    expect(credential?.password).toMatch(/^\$argon2id\$/);
  });

  it("signs out: the cookie is cleared and the old session no longer works", async () => {
    const cookie = cookieHeader(await signIn(app, "ada@example.org", password));
    const out = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/sign-out",
      as: cookie,
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === "astana.session_token")?.value).toBe("");
    const session = await fromOurPage(app, { method: "GET", url: "/api/auth/get-session", as: cookie });
    expect(session.json()).toBeNull();
    expect((await fromOurPage(app, { method: "GET", url: "/api/me", as: cookie })).statusCode).toBe(401);
  });

  it("refuses credentialed requests from another origin (CSRF), in tests as in production", async () => {
    const cookie = cookieHeader(await signIn(app, "ada@example.org", password));
    const forged = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/sign-out",
      as: cookie,
      headers: { origin: "https://evil.example" },
      payload: {},
    });
    expectAuthError(forged, 403, "invalid_origin");
    const noOrigin = await app.request({
      method: "POST",
      url: "/api/auth/sign-out",
      as: cookie,
      headers: { origin: undefined },
      payload: {},
    });
    expectAuthError(noOrigin, 403, "missing_or_null_origin");
    expect((await app.request({ method: "GET", url: "/api/me", as: cookie })).statusCode).toBe(200);
    // The same machine under another loopback name is our own origin.
    const loopback = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/sign-out",
      as: cookie,
      headers: { origin: "http://127.0.0.1:3000" },
      payload: {},
    });
    expect(loopback.statusCode).toBe(200);
  });

  it("refuses a wrong password and an unknown e-mail alike: 401 in the error shape, no cookie", async () => {
    const wrong = await signIn(app, "ada@example.org", "not the password");
    expectAuthError(wrong, 401, "invalid_email_or_password");
    expect(wrong.json().code).toBe("INVALID_EMAIL_OR_PASSWORD");
    expect(wrong.cookies).toHaveLength(0);
    const unknown = await signIn(app, "nobody@example.org", "not the password");
    expectAuthError(unknown, 401, "invalid_email_or_password");
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it("answers malformed JSON with 400 malformed_json", async () => {
    const response = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "application/json" },
      payload: '{"email": "ada@example.org", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("malformed_json");
  });

  it("answers a body of the wrong shape in the error shape", async () => {
    const response = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: 42 },
    });
    expectAuthError(response, 400, "validation_error");
    expect(response.json().error.message).toMatch(/email/i);
  });

  it("has no self sign-up: the endpoint fails and no account or session appears", async () => {
    const response = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { email: "eve@example.org", password: "a long enough password", name: "Eve" },
    });
    expectAuthError(response, 404, "route_not_found");
    expect(response.cookies).toHaveLength(0);
    const rows = await app.deps.db.select().from(user).where(eq(user.email, "eve@example.org"));
    expect(rows).toHaveLength(0);
  });

  it("offers none of better-auth's endpoints that would change an account behind the operations", async () => {
    const cookie = cookieHeader(await signIn(app, "ada@example.org", password));
    for (const path of ["/update-user", "/change-email", "/delete-user", "/sign-in/social"]) {
      const response = await fromOurPage(app, {
        method: "POST",
        url: `/api/auth${path}`,
        as: cookie,
        payload: { name: "Mallory", isAdmin: true, locale: "ar", newEmail: "m@example.org" },
      });
      expectAuthError(response, 404, "route_not_found");
    }
    const [ada] = await app.deps.db.select().from(user).where(eq(user.email, "ada@example.org"));
    expect(ada).toMatchObject({ name: "Ada", isAdmin: false, locale: "en" });
  });
});

describe("two-factor TOTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await createTestAccount(app.deps.db, { email: "tom@example.org", name: "Tom", password });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("is enabled with the password, confirmed by a code, then required at every sign-in", async () => {
    let cookie = cookieHeader(await signIn(app, "tom@example.org", password));

    const wrongPassword = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/enable",
      as: cookie,
      payload: { password: "not the password" },
    });
    expectAuthError(wrongPassword, 400, "invalid_password");

    const enabled = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/enable",
      as: cookie,
      payload: { password },
    });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json();
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Astana:tom%40example\.org\?/);
    expect(backupCodes).toHaveLength(10);
    const totp = OTPAuth.URI.parse(totpURI);
    if (!(totp instanceof OTPAuth.TOTP)) throw new Error("not a TOTP URI");

    // Not yet confirmed: a sign-in still needs no second factor.
    const beforeConfirming = await signIn(app, "tom@example.org", password);
    expect(beforeConfirming.json().twoFactorRedirect).toBeUndefined();

    const badCode = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      as: cookie,
      payload: { code: totp.generate({ timestamp: Date.now() - 10 * 60_000 }) },
    });
    expectAuthError(badCode, 401, "invalid_code");

    const confirmed = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      as: cookie,
      payload: { code: totp.generate() },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    cookie = cookieHeader(confirmed) || cookie;
    const me = await fromOurPage(app, { method: "GET", url: "/api/me", as: cookie });
    expect(me.json().twoFactorEnabled).toBe(true);

    // Now the password alone gives no session, only the second-factor challenge.
    const firstStep = await signIn(app, "tom@example.org", password);
    expect(firstStep.statusCode).toBe(200);
    expect(firstStep.json()).toMatchObject({ twoFactorRedirect: true });
    const challenge = cookieHeader(firstStep);
    expect(challenge).toContain("astana.two_factor=");
    expect(challenge).not.toContain("astana.session_token=");
    expect((await fromOurPage(app, { method: "GET", url: "/api/me", as: challenge })).statusCode).toBe(401);

    const secondStep = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      as: challenge,
      payload: { code: totp.generate() },
    });
    expect(secondStep.statusCode, secondStep.body).toBe(200);
    const session = secondStep.cookies.find((c) => c.name === "astana.session_token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const signedIn = await fromOurPage(app, { method: "GET", url: "/api/me", as: cookieHeader(secondStep) });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().email).toBe("tom@example.org");

    // The credential changes are on the audit record, about Tom's account.
    const entries = await app.deps.db.select().from(auditLog).where(eq(auditLog.subjectType, "account"));
    const changes = entries.filter((entry) => entry.action !== "auth.sign-in");
    expect(changes.map((entry) => [entry.action, entry.actorLabel, entry.outcome])).toEqual([
      ["auth.two-factor.enable", "tom@example.org", "ok"],
      ["auth.two-factor.verify", "tom@example.org", "ok"],
    ]);

    // A backup code completes a sign-in too, once.
    const again = cookieHeader(await signIn(app, "tom@example.org", password));
    const backup = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/verify-backup-code",
      as: again,
      payload: { code: backupCodes[0] },
    });
    expect(backup.statusCode, backup.body).toBe(200);
    const reused = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/verify-backup-code",
      as: cookieHeader(await signIn(app, "tom@example.org", password)),
      payload: { code: backupCodes[0] },
    });
    expect(reused.statusCode).toBe(401);
  });

  it("refuses verify-totp without a challenge or session", async () => {
    const response = await fromOurPage(app, {
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      payload: { code: "123456" },
    });
    expectAuthError(response, 401, "invalid_two_factor_cookie");
  });
});

describe("cookies behind https", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_URL: "https://astana.example.org" });
    await createTestAccount(app.deps.db, { email: "sam@example.org", password });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("marks the session cookie Secure (and __Secure-) when PUBLIC_URL is https", async () => {
    const response = await signIn(app, "sam@example.org", password);
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((cookie) => cookie.name.endsWith("astana.session_token"));
    expect(session).toMatchObject({
      name: "__Secure-astana.session_token",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
    });
    const me = await fromOurPage(app, { method: "GET", url: "/api/me", as: cookieHeader(response) });
    expect(me.statusCode).toBe(200);
  });
});

describe("failed sign-ins are limited per account and per address", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_FAILURES_PER_ACCOUNT: "3", SIGN_IN_FAILURES_PER_ADDRESS: "6" });
    for (const name of ["rita", "rob", "ruth", "rex", "ron", "ray", "roy"])
      await createTestAccount(app.deps.db, { email: `${name}@example.org`, password });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers 429 for one account after N failures, from whatever address, while other accounts sign in", async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const wrong = await signIn(app, "rita@example.org", "not the password", `198.51.100.${attempt}`);
      expect(wrong.statusCode).toBe(401);
    }
    const limited = await signIn(app, "rita@example.org", "not the password", "198.51.100.50");
    expectAuthError(limited, 429, "too_many_failed_sign_ins");
    expect(limited.json().error.details).toMatchObject({ scope: "account" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Even the right password waits, from a fresh address: the guesses were at this account.
    expect((await signIn(app, "RITA@example.org", password, "198.51.100.51")).statusCode).toBe(429);
    // Someone else behind the same addresses is not locked out.
    expect((await signIn(app, "rob@example.org", password, "198.51.100.1")).statusCode).toBe(200);
  });

  it("forgets an account's failures once its owner signs in", async () => {
    for (let attempt = 1; attempt <= 2; attempt += 1)
      expect((await signIn(app, "ruth@example.org", "not the password")).statusCode).toBe(401);
    expect((await signIn(app, "ruth@example.org", password)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 3; attempt += 1)
      expect((await signIn(app, "ruth@example.org", "not the password")).statusCode).toBe(401);
    expect((await signIn(app, "ruth@example.org", "not the password")).statusCode).toBe(429);
  });

  it("limits one address guessing at many accounts, but counts only its failures", async () => {
    const guesser = "192.0.2.66";
    // Successful sign-ins from an address do not count against it.
    for (let attempt = 1; attempt <= 8; attempt += 1)
      expect((await signIn(app, "rex@example.org", password, guesser)).statusCode).toBe(200);
    const targets = ["rex", "ron", "ray", "roy", "rex", "ron"];
    for (const name of targets)
      expect((await signIn(app, `${name}@example.org`, "not the password", guesser)).statusCode).toBe(401);
    const limited = await signIn(app, "roy@example.org", password, guesser);
    expectAuthError(limited, 429, "too_many_failed_sign_ins");
    expect(limited.json().error.details).toMatchObject({ scope: "address" });
    // The accounts themselves are not locked: their owners sign in from elsewhere.
    expect((await signIn(app, "roy@example.org", password, "192.0.2.67")).statusCode).toBe(200);
  });

  it("holds under concurrent guesses: a burst at one account gets exactly N answers before 429", async () => {
    await createTestAccount(app.deps.db, { email: "burst@example.org", password });
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        signIn(app, "burst@example.org", "not the password", `203.0.113.${n + 1}`),
      ),
    );
    const statuses = burst.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });

  it("keeps its counters in the database, so they hold across server instances", async () => {
    const rows = await app.deps.db
      .select()
      .from(rateLimit)
      .where(eq(rateLimit.key, "sign-in-failures|account|rita@example.org"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBeGreaterThanOrEqual(3);
  });

  it("ignores a client-sent address header: the limit follows the connection's address", async () => {
    const spoofer = "192.0.2.99";
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const response = await fromOurPage(app, {
        method: "POST",
        url: "/api/auth/sign-in/email",
        remoteAddress: spoofer,
        headers: {
          "x-forwarded-for": `198.51.100.${attempt}`,
          "x-astana-client-address": `198.51.100.${attempt}`,
        },
        payload: { email: `nobody${attempt}@example.org`, password: "not the password" },
      });
      expect(response.statusCode).toBe(401);
    }
    expect((await signIn(app, "nobody@example.org", "not the password", spoofer)).statusCode).toBe(429);
  });

  it("audits every sign-in and refused sign-in, with the address and never the password", async () => {
    const entries = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign-in"));
    const [rita] = await app.deps.db.select().from(user).where(eq(user.email, "rita@example.org"));
    const ritas = entries.filter((entry) => entry.subjectId === rita?.id);
    expect(ritas.map((entry) => entry.outcome)).toEqual(["denied", "denied", "denied", "denied", "denied"]);
    expect(ritas[0]).toMatchObject({
      actorId: null,
      actorLabel: "rita@example.org",
      subjectType: "account",
      processId: null,
      data: { step: "password", clientAddress: "198.51.100.1", reason: "invalid_email_or_password" },
    });
    expect(ritas[3]?.data).toMatchObject({ reason: "too_many_failures_for_account" });
    const [rob] = await app.deps.db.select().from(user).where(eq(user.email, "rob@example.org"));
    expect(entries.find((entry) => entry.subjectId === rob?.id)).toMatchObject({
      outcome: "ok",
      actorId: rob?.id,
      data: { step: "password", clientAddress: "198.51.100.1" },
    });
    const unknown = entries.find((entry) => entry.actorLabel === "nobody1@example.org");
    expect(unknown).toMatchObject({ outcome: "denied", subjectId: null, data: { knownAccount: false } });
    expect(JSON.stringify(entries)).not.toContain(password);
    expect(JSON.stringify(entries)).not.toContain("not the password");
  });
});
