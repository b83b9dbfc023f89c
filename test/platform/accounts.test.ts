import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateAccount } from "../../src/server/modules/core/index.ts";
import { user } from "../../src/server/platform/auth-schema.ts";
import { canSee, systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import type { TestApp } from "../helpers/app.ts";
import { type Fixtures, fixtureActor, fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";
import { recordsOf, withAccountFixtures } from "./accounts-setup.ts";

let app: TestApp;
let fixtures: Fixtures;
let admin: string;
const as = (email: string) => fixtureSession(app, email);
const p1 = () => fixtureProcess(fixtures);
withAccountFixtures((started) => ({ app, fixtures, admin } = started));
const { lastEvent, lastAudit } = recordsOf(() => app);

describe("GET /api/accounts and GET /api/me", () => {
  it("lists every account for an administrator, without any secret", async () => {
    const response = await app.request({ method: "GET", url: "/api/accounts", as: admin });
    expect(response.statusCode).toBe(200);
    const { accounts } = response.json();
    expect(accounts).toHaveLength(2 * 7 + 2);
    expect(accounts).toContainEqual({
      id: fixtures.admin.id,
      email: "admin@example.org",
      name: "admin",
      isAdmin: true,
      locale: "en",
      twoFactorEnabled: false,
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(response.body).not.toMatch(/argon2|password|secret/i);
  });

  it("tells the signed-in person who they are, their roles and what they may do", async () => {
    const host = await app.request({ method: "GET", url: "/api/me", as: await as(p1().accounts.host.email) });
    expect(host.json()).toMatchObject({
      id: p1().accounts.host.id,
      email: "host@p1.example.org",
      isAdmin: false,
      locale: "en",
      twoFactorEnabled: false,
      memberships: [{ processId: p1().id, delegationId: p1().delegationIds.host, roles: ["host"] }],
      can: { manageAccounts: false, manageMembershipsIn: [p1().id] },
    });
    const guarantor = await app.request({
      method: "GET",
      url: "/api/me",
      as: await as(p1().accounts.guarantor.email),
    });
    expect(guarantor.json().can).toEqual({ manageAccounts: false, manageMembershipsIn: [] });
    const me = await app.request({ method: "GET", url: "/api/me", as: admin });
    expect(me.json()).toMatchObject({ isAdmin: true, memberships: [], can: { manageAccounts: true } });
  });
});

describe("core.account.update (PATCH /api/accounts/:id)", () => {
  it("changes name, language and administrator right; audits the change and tells administrators only", async () => {
    const target = p1().accounts.observer;
    const response = await app.request({
      method: "PATCH",
      url: `/api/accounts/${target.id}`,
      as: admin,
      payload: { name: "  Observer of Jordan ", locale: "ru" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: target.id, name: "Observer of Jordan", locale: "ru" });

    const entry = await lastAudit("core.account.update");
    expect(entry).toMatchObject({
      outcome: "ok",
      actorId: fixtures.admin.id,
      subjectType: "account",
      subjectId: target.id,
      processId: null,
      tier: "process",
    });
    expect(entry?.data).toMatchObject({ changes: { locale: { from: "en", to: "ru" } } });

    const event = await lastEvent("core.account.update");
    expect(event).toMatchObject({ tier: "process", processId: null, subjectId: target.id });
    const scope = { tier: event?.tier ?? "public", processId: event?.processId ?? null };
    expect(canSee(await fixtureActor(app.deps.db, fixtures.admin), scope)).toBe(true);
    expect(canSee(await fixtureActor(app.deps.db, p1().accounts.host), scope)).toBe(false);
    expect(canSee(await fixtureActor(app.deps.db, target), scope)).toBe(false);
  });

  it("refuses to remove the last administrator with 409, and allows it once there is another", async () => {
    const refused = await app.request({
      method: "PATCH",
      url: `/api/accounts/${fixtures.admin.id}`,
      as: admin,
      payload: { isAdmin: false },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("last_administrator");

    const promoted = await app.request({
      method: "PATCH",
      url: `/api/accounts/${fixtures.outsider.id}`,
      as: admin,
      payload: { isAdmin: true },
    });
    expect(promoted.json().isAdmin).toBe(true);
    const outsider = await as(fixtures.outsider.email);
    expect((await app.request({ method: "GET", url: "/api/accounts", as: outsider })).statusCode).toBe(200);

    const demoted = await app.request({
      method: "PATCH",
      url: `/api/accounts/${fixtures.outsider.id}`,
      as: admin,
      payload: { isAdmin: false },
    });
    expect(demoted.statusCode).toBe(200);
    // The right is gone at the next request, without signing out.
    expect((await app.request({ method: "GET", url: "/api/accounts", as: outsider })).statusCode).toBe(403);
  });

  it("refuses the last administrator's demotion from the CLI too", async () => {
    await expect(
      runOperation({ db: app.deps.db }, updateAccount, systemActor("cli"), {
        accountId: fixtures.admin.id,
        isAdmin: false,
      }),
    ).rejects.toMatchObject({ code: "last_administrator", status: 409 });
  });

  it("answers 404 for an unknown account and 400 naming the field for bad input", async () => {
    const missing = await app.request({
      method: "PATCH",
      url: "/api/accounts/no-such-account",
      as: admin,
      payload: { name: "X" },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");

    const empty = await app.request({
      method: "PATCH",
      url: `/api/accounts/${fixtures.outsider.id}`,
      as: admin,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues[0].message).toMatch(/at least one of name, locale, isAdmin/i);

    const unknownField = await app.request({
      method: "PATCH",
      url: `/api/accounts/${fixtures.outsider.id}`,
      as: admin,
      payload: { email: "new@example.org" },
    });
    expect(unknownField.statusCode).toBe(400);

    const badLocale = await app.request({
      method: "PATCH",
      url: `/api/accounts/${fixtures.outsider.id}`,
      as: admin,
      payload: { locale: "fr" },
    });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().error.message).toContain("locale");
  });
});

describe("core.account.set-locale (PUT /api/me/locale)", () => {
  it("sets the signed-in person's own language, audited", async () => {
    const party = p1().accounts.party;
    const cookie = await as(party.email);
    const response = await app.request({
      method: "PUT",
      url: "/api/me/locale",
      as: cookie,
      payload: { locale: "ar" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: party.id, locale: "ar" });
    expect((await app.request({ method: "GET", url: "/api/me", as: cookie })).json().locale).toBe("ar");
    expect(await lastAudit("core.account.set-locale")).toMatchObject({
      actorId: party.id,
      subjectId: party.id,
      outcome: "ok",
    });
    expect(await lastEvent("core.account.set-locale")).toMatchObject({ processId: null, tier: "process" });

    const bad = await app.request({
      method: "PUT",
      url: "/api/me/locale",
      as: cookie,
      payload: { locale: "xx" },
    });
    expect(bad.statusCode).toBe(400);
    const sneaky = await app.request({
      method: "PUT",
      url: "/api/me/locale",
      as: cookie,
      payload: { locale: "en", accountId: fixtures.admin.id },
    });
    expect(sneaky.statusCode).toBe(400);
    const [adminRow] = await app.deps.db.select().from(user).where(eq(user.id, fixtures.admin.id));
    expect(adminRow?.locale).toBe("en");
  });
});
