import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit, user } from "../../src/server/platform/auth-schema.ts";
import { auditLog } from "../../src/server/platform/schema.ts";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";
import { expectAuthError, fromOurPage, password, signIn } from "../helpers/sign-in.ts";

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

describe("sign-in requests from one address are capped, failed or not", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_REQUESTS_PER_MINUTE: "4" });
    await createTestAccount(app.deps.db, { email: "flood@example.org", password });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers 429 after SIGN_IN_REQUESTS_PER_MINUTE sign-ins in a minute, while another address signs in", async () => {
    const flooder = "198.51.100.200";
    for (let attempt = 1; attempt <= 4; attempt += 1)
      expect((await signIn(app, "flood@example.org", password, flooder)).statusCode).toBe(200);
    const capped = await signIn(app, "flood@example.org", password, flooder);
    expectAuthError(capped, 429, "too_many_requests");
    expect((await signIn(app, "flood@example.org", password, "198.51.100.201")).statusCode).toBe(200);
  });
});
