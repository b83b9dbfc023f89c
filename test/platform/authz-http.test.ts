import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { buildFixtures, type Fixtures, fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";

// (c) of the authorization tests (authz.test.ts has the tier rule and its SQL filter): every
// protected endpoint answers 401 without a session, 403 for a role that lacks the right (and audits
// the denial), and 2xx for the right role.

let app: TestApp;
let fixtures: Fixtures;

beforeAll(async () => {
  app = await startTestApp();
  fixtures = await buildFixtures(app.deps.db, 2);
});
afterAll(async () => {
  await app?.close();
});

describe("protected endpoints: 401 without a session, 403 for a role lacking the right, 2xx for the right one", () => {
  const as = (email: string) => fixtureSession(app, email);
  const p = (index: number) => fixtureProcess(fixtures, index);

  async function deniedAuditEntries(action: string, actorId: string) {
    return app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId), eq(auditLog.outcome, "denied")));
  }

  type Case = {
    name: string;
    action: string;
    request: () => { method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"; url: string; payload?: object };
    forbidden: () => { email: string; id: string }[];
    allowed: () => { email: string; status: number; request?: ReturnType<Case["request"]> }[];
  };

  const endpoints: Case[] = [
    {
      name: "GET /api/accounts",
      action: "core.account.list",
      request: () => ({ method: "GET", url: "/api/accounts" }),
      forbidden: () => [p(0).accounts.host, fixtures.outsider],
      allowed: () => [{ email: fixtures.admin.email, status: 200 }],
    },
    {
      name: "POST /api/accounts",
      action: "core.account.create",
      request: () => ({
        method: "POST",
        url: "/api/accounts",
        payload: { email: "new@example.org", name: "New", password: "a long enough password" },
      }),
      forbidden: () => [p(0).accounts.host, p(0).accounts.guarantor],
      allowed: () => [{ email: fixtures.admin.email, status: 201 }],
    },
    {
      name: "PATCH /api/accounts/:id",
      action: "core.account.update",
      request: () => ({
        method: "PATCH",
        url: `/api/accounts/${fixtures.outsider.id}`,
        payload: { name: "Renamed" },
      }),
      forbidden: () => [p(0).accounts.guarantor, p(0).accounts.host],
      allowed: () => [{ email: fixtures.admin.email, status: 200 }],
    },
    {
      name: "GET /api/me",
      action: "core.me",
      request: () => ({ method: "GET", url: "/api/me" }),
      forbidden: () => [],
      allowed: () => [{ email: fixtures.outsider.email, status: 200 }],
    },
    {
      name: "PUT /api/me/locale",
      action: "core.account.set-locale",
      request: () => ({ method: "PUT", url: "/api/me/locale", payload: { locale: "ar" } }),
      forbidden: () => [],
      allowed: () => [{ email: fixtures.outsider.email, status: 200 }],
    },
    {
      name: "POST /api/delegations/:delegationId/members",
      action: "core.membership.add",
      request: () => ({
        method: "POST",
        url: `/api/delegations/${p(0).delegationIds.guarantor}/members`,
        payload: { accountId: fixtures.outsider.id, position: "adviser" },
      }),
      forbidden: () => [
        p(0).accounts.guarantor,
        p(0).accounts.party,
        p(0).accounts.observer,
        p(0).accounts.international_organization,
        p(0).accounts.intermediary,
        p(0).accounts.monitor,
        p(1).accounts.host,
        fixtures.outsider,
      ],
      allowed: () => [
        { email: p(0).accounts.host.email, status: 201 },
        {
          email: fixtures.admin.email,
          status: 201,
          request: {
            method: "POST",
            url: `/api/delegations/${p(1).delegationIds.party}/members`,
            payload: { accountId: fixtures.outsider.id, position: "adviser" },
          },
        },
      ],
    },
    {
      name: "DELETE /api/delegations/:delegationId/members/:accountId",
      action: "core.membership.remove",
      request: () => ({
        method: "DELETE",
        url: `/api/delegations/${p(0).delegationIds.guarantor}/members/${fixtures.outsider.id}`,
      }),
      forbidden: () => [p(0).accounts.party, p(1).accounts.host, p(0).accounts.guarantor],
      allowed: () => [
        { email: p(0).accounts.host.email, status: 204 },
        {
          email: fixtures.admin.email,
          status: 204,
          request: {
            method: "DELETE",
            url: `/api/delegations/${p(1).delegationIds.party}/members/${fixtures.outsider.id}`,
          },
        },
      ],
    },
  ];

  it.each(endpoints)("$name", async (endpoint) => {
    const anonymousAnswer = await app.request(endpoint.request());
    expect(anonymousAnswer.statusCode).toBe(401);
    expect(anonymousAnswer.json().error.code).toBe("unauthenticated");

    for (const account of endpoint.forbidden()) {
      const before = (await deniedAuditEntries(endpoint.action, account.id)).length;
      const answer = await app.request({ ...endpoint.request(), as: await as(account.email) });
      expect(answer.statusCode, account.email).toBe(403);
      expect(answer.json().error.code).toBe("forbidden");
      const after = await deniedAuditEntries(endpoint.action, account.id);
      expect(after.length, `denial of ${account.email} audited`).toBe(before + 1);
    }

    for (const allowed of endpoint.allowed()) {
      const answer = await app.request({
        ...(allowed.request ?? endpoint.request()),
        as: await as(allowed.email),
      });
      expect(answer.statusCode, `${allowed.email}: ${answer.body}`).toBe(allowed.status);
    }
  });
});
