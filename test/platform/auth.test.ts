import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, user } from "../../src/server/platform/auth-schema.ts";
import { auditLog } from "../../src/server/platform/schema.ts";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";
import { cookieHeader, expectAuthError, fromOurPage, password, signIn } from "../helpers/sign-in.ts";

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
