import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { delegationMemberships } from "../../src/server/modules/core/schema.ts";
import type { TestApp } from "../helpers/app.ts";
import { type Fixtures, fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";
import { recordsOf, withAccountFixtures } from "./accounts-setup.ts";

let app: TestApp;
let fixtures: Fixtures;
let admin: string;
const as = (email: string) => fixtureSession(app, email);
const p1 = () => fixtureProcess(fixtures);
withAccountFixtures((started) => ({ app, fixtures, admin } = started));
const { lastEvents, lastAudit } = recordsOf(() => app);

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
