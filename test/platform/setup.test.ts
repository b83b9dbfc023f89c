import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceSetupLink } from "../../src/server/modules/core/index.ts";
import { verifyAuditChain } from "../../src/server/platform/audit.ts";
import { user, verification } from "../../src/server/platform/auth-schema.ts";
import { auditLog, outbox } from "../../src/server/platform/schema.ts";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";

const first = { email: "first@example.org", name: "First Administrator", password: "a long enough password" };

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app?.close();
});

describe("first-run setup (/api/setup)", () => {
  it("works once, while no administrator exists, and is audited", async () => {
    // An ordinary account does not close the setup: only an administrator does.
    await createTestAccount(app.deps.db, { email: "ordinary@example.org" });
    expect((await app.request({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: true });

    const token = await app.setupToken();
    const created = await app.request({ method: "POST", url: "/api/setup", payload: { ...first, token } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: first.email, name: first.name, isAdmin: true });
    expect(created.body).not.toContain(first.password);

    const [entry] = await app.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "core.setup.first-administrator"));
    expect(entry).toMatchObject({
      outcome: "ok",
      actorId: null,
      actorLabel: "anonymous",
      subjectType: "account",
      subjectId: created.json().id,
      processId: null,
    });
    expect(entry?.data).toMatchObject({ email: first.email, isAdmin: true });
    expect(JSON.stringify(entry?.data)).not.toContain(first.password);
    expect(await verifyAuditChain(app.deps.db)).toMatchObject({ ok: true });
    const [event] = await app.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.type, "core.setup.first-administrator"));
    expect(event).toMatchObject({ tier: "process", processId: null });

    // The new administrator can sign in and manage accounts.
    const cookie = await app.signIn(first.email, first.password);
    expect((await app.request({ method: "GET", url: "/api/accounts", as: cookie })).statusCode).toBe(200);

    expect((await app.request({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: false });
    const second = await app.request({
      method: "POST",
      url: "/api/setup",
      payload: { ...first, email: "second@example.org", token },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("setup_done");
    expect(await app.deps.db.select().from(user).where(eq(user.email, "second@example.org"))).toHaveLength(0);
  });

  it("is closed when an administrator was created another way (the CLI)", async () => {
    await createTestAccount(app.deps.db, { email: "operator@example.org", isAdmin: true });
    expect((await app.request({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: false });
    const response = await app.request({
      method: "POST",
      url: "/api/setup",
      payload: { ...first, token: await app.setupToken().catch(() => "no-token-once-set-up") },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("setup_done");
  });

  it("refuses bad input with 400 naming the field, and leaves the setup open", async () => {
    const shortPassword = await app.request({
      method: "POST",
      url: "/api/setup",
      payload: { ...first, password: "short" },
    });
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json().error.message).toContain("password");
    const smuggled = await app.request({
      method: "POST",
      url: "/api/setup",
      payload: { ...first, isAdmin: false },
    });
    expect(smuggled.statusCode).toBe(400);
    expect((await app.request({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: true });
  });

  it("refuses without the one-time token of the printed link, or with a wrong one: 403 saying where the link is", async () => {
    await app.setupToken();
    const without = await app.request({ method: "POST", url: "/api/setup", payload: first });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("setup_token_required");
    expect(without.json().error.message).toMatch(/console/);
    expect(without.json().error.message).toMatch(/astana user create --admin/);
    const wrong = await app.request({
      method: "POST",
      url: "/api/setup",
      payload: { ...first, token: "guessed-token-guessed-token-guessed" },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe("setup_token_invalid");
    expect(await app.deps.db.select().from(user).where(eq(user.email, first.email))).toHaveLength(0);
    expect((await app.request({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: true });
  });

  it("stores only a hash of the token, which works once: once used, every token is void", async () => {
    const token = await app.setupToken();
    const other = await app.setupToken();
    const rows = await app.deps.db.select().from(verification);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.value).not.toContain(token);
      expect(row.value).not.toContain(other);
    }
    const created = await app.request({ method: "POST", url: "/api/setup", payload: { ...first, token } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await app.deps.db.select().from(verification)).toHaveLength(0);
    // An administrator exists: no token opens the setup again (and no new one is issued).
    await expect(app.setupToken()).rejects.toMatchObject({ code: "setup_done" });
  });

  it("is issued at start-up as a link while no administrator exists, and audited without the token", async () => {
    const link = await announceSetupLink(app.deps);
    expect(link).toMatch(/^http:\/\/localhost:3000\/setup\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(link ?? "").searchParams.get("token") ?? "";
    const [issued] = await app.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "core.setup.issue-token"));
    expect(issued).toMatchObject({ outcome: "ok", actorLabel: "system:start-up" });
    expect(JSON.stringify(issued)).not.toContain(token);
    const created = await app.request({ method: "POST", url: "/api/setup", payload: { ...first, token } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await announceSetupLink(app.deps)).toBeNull();
  });
});
