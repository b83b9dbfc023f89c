import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAccount } from "../../src/server/modules/core/index.ts";
import { delegationMemberships } from "../../src/server/modules/core/schema.ts";
import { user } from "../../src/server/platform/auth-schema.ts";
import { canSee, systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { auditLog, outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import {
  buildFixtures,
  type Fixtures,
  fixtureActor,
  fixtureProcess,
  fixtureSession,
} from "../helpers/fixtures.ts";

let app: TestApp;
let fixtures: Fixtures;
let admin: string;
const as = (email: string) => fixtureSession(app, email);
const p1 = () => fixtureProcess(fixtures);

/** The copies of the newest event of a type (one per audience), newest first. */
async function lastEvents(type: string) {
  const events = await app.deps.db
    .select()
    .from(outbox)
    .where(eq(outbox.type, type))
    .orderBy(desc(outbox.id));
  const newestSubject = events[0]?.subjectId;
  return events.filter((event) => event.subjectId === newestSubject);
}

async function lastEvent(type: string) {
  return (await lastEvents(type))[0];
}

async function lastAudit(action: string) {
  const [entry] = await app.deps.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return entry;
}

beforeAll(async () => {
  app = await startTestApp();
  fixtures = await buildFixtures(app.deps.db, 2);
  admin = await as(fixtures.admin.email);
});
afterAll(async () => {
  await app?.close();
});

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

describe("core.membership.add and core.membership.remove", () => {
  it("lets the host secretariat put an account on a delegation, which gives it that role at once", async () => {
    const host = await as(p1().accounts.host.email);
    const newcomer = fixtures.outsider;
    const added = await app.request({
      method: "POST",
      url: `/api/delegations/${p1().delegationIds.guarantor}/members`,
      as: host,
      payload: { accountId: newcomer.id, position: "adviser" },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      delegationId: p1().delegationIds.guarantor,
      processId: p1().id,
      accountId: newcomer.id,
      position: "adviser",
    });
    const me = await app.request({ method: "GET", url: "/api/me", as: await as(newcomer.email) });
    expect(me.json().memberships).toEqual([
      {
        processId: p1().id,
        delegationId: p1().delegationIds.guarantor,
        participantId: p1().participantIds.guarantor,
        roles: ["guarantor"],
      },
    ]);

    expect(await lastAudit("core.membership.add")).toMatchObject({
      outcome: "ok",
      actorId: p1().accounts.host.id,
      processId: p1().id,
      delegationId: p1().delegationIds.guarantor,
    });
    // It names an account: the delegation concerned, the secretariat and the administrators hear of
    // it, not every delegation of the process.
    const audiences = (await lastEvents("core.membership.add")).map((event) => [
      event.tier,
      event.processId,
      event.delegationId,
    ]);
    expect(audiences).toEqual(
      expect.arrayContaining([
        ["delegation", p1().id, p1().delegationIds.guarantor],
        ["delegation", p1().id, p1().delegationIds.host],
        ["process", null, null],
      ]),
    );
    expect(audiences).toHaveLength(3);

    const duplicate = await app.request({
      method: "POST",
      url: `/api/delegations/${p1().delegationIds.guarantor}/members`,
      as: host,
      payload: { accountId: newcomer.id, position: "member" },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe("already_member");

    const removed = await app.request({
      method: "DELETE",
      url: `/api/delegations/${p1().delegationIds.guarantor}/members/${newcomer.id}`,
      as: host,
    });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe("");
    const after = await app.request({ method: "GET", url: "/api/me", as: await as(newcomer.email) });
    expect(after.json().memberships).toEqual([]);
    expect((await lastEvents("core.membership.remove")).map((event) => event.tier).sort()).toEqual([
      "delegation",
      "delegation",
      "process",
    ]);
    expect(await lastAudit("core.membership.remove")).toMatchObject({ outcome: "ok", processId: p1().id });

    const again = await app.request({
      method: "DELETE",
      url: `/api/delegations/${p1().delegationIds.guarantor}/members/${newcomer.id}`,
      as: host,
    });
    expect(again.statusCode).toBe(404);
  });

  it("defaults the position to member", async () => {
    const added = await app.request({
      method: "POST",
      url: `/api/delegations/${p1().delegationIds.monitor}/members`,
      as: admin,
      payload: { accountId: p1().accounts.observer.id },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().position).toBe("member");
  });

  it("answers 404 for an unknown delegation or account, and writes nothing", async () => {
    const host = await as(p1().accounts.host.email);
    const before = await app.deps.db.select().from(delegationMemberships);
    const noDelegation = await app.request({
      method: "POST",
      url: "/api/delegations/no-such-delegation/members",
      as: host,
      payload: { accountId: fixtures.outsider.id },
    });
    expect(noDelegation.statusCode).toBe(404);
    expect(noDelegation.json().error.details).toMatchObject({ what: "Delegation" });
    const noAccount = await app.request({
      method: "POST",
      url: `/api/delegations/${p1().delegationIds.party}/members`,
      as: host,
      payload: { accountId: "no-such-account" },
    });
    expect(noAccount.statusCode).toBe(404);
    expect(noAccount.json().error.details).toMatchObject({ what: "Account" });
    const noMembership = await app.request({
      method: "DELETE",
      url: "/api/delegations/no-such-delegation/members/whoever",
      as: host,
    });
    expect(noMembership.statusCode).toBe(404);
    expect(await app.deps.db.select().from(delegationMemberships)).toHaveLength(before.length);
  });

  it("does not let a host secretariat change another process's delegations", async () => {
    const otherHost = await as(fixtures.processes[1]?.accounts.host.email ?? "");
    const response = await app.request({
      method: "DELETE",
      url: `/api/delegations/${p1().delegationIds.party}/members/${p1().accounts.party.id}`,
      as: otherHost,
    });
    expect(response.statusCode).toBe(403);
    const still = await app.deps.db
      .select()
      .from(delegationMemberships)
      .where(
        and(
          eq(delegationMemberships.delegationId, p1().delegationIds.party),
          eq(delegationMemberships.accountId, p1().accounts.party.id),
        ),
      );
    expect(still).toHaveLength(1);
  });
});

describe("the API document", () => {
  it("describes every account and membership endpoint from the contracts", async () => {
    const document = (await app.request({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/setup",
        "/api/accounts",
        "/api/accounts/{id}",
        "/api/me",
        "/api/me/locale",
        "/api/delegations/{delegationId}/members",
        "/api/delegations/{delegationId}/members/{accountId}",
      ]),
    );
    expect(Object.keys(document.paths["/api/accounts/{id}"])).toContain("patch");
  });
});
