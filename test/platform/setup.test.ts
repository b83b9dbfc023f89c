import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/server/platform/audit.ts";
import { user } from "../../src/server/platform/auth-schema.ts";
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

    const created = await app.request({ method: "POST", url: "/api/setup", payload: first });
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
      payload: { ...first, email: "second@example.org" },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("setup_done");
    expect(await app.deps.db.select().from(user).where(eq(user.email, "second@example.org"))).toHaveLength(0);
  });

  it("is closed when an administrator was created another way (the CLI)", async () => {
    await createTestAccount(app.deps.db, { email: "operator@example.org", isAdmin: true });
    expect((await app.request({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: false });
    const response = await app.request({ method: "POST", url: "/api/setup", payload: first });
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
});
