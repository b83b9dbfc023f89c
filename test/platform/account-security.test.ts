import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { session, user } from "../../src/server/platform/auth-schema.ts";
import { apiToken } from "../../src/server/platform/schema.ts";
import type { TestApp } from "../helpers/app.ts";
import { type Fixtures, fixturePassword, fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";
import { recordsOf, withAccountFixtures } from "./accounts-setup.ts";

let app: TestApp;
let fixtures: Fixtures;
let admin: string;
withAccountFixtures((started) => ({ app, fixtures, admin } = started));
const { lastAudit } = recordsOf(() => app);

const evil = { origin: "https://evil.example" };

function cookieOf(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((cookie) => cookie.value !== "")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

function signIn(email: string, password = fixturePassword) {
  return app.request({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: app.config.publicUrl },
    payload: { email, password },
  });
}

async function planRound(host: string, number: number) {
  const response = await app.request({
    method: "POST",
    url: `/api/processes/${fixtureProcess(fixtures).id}/rounds`,
    as: host,
    payload: { names: { en: `Round ${number}` }, number, city: "Astana" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; city: string | null };
}

describe("state-changing requests with a session cookie must come from our own pages", () => {
  it("refuses PATCH /api/rounds/{id} from a foreign or missing Origin, before anything changes", async () => {
    const host = await fixtureSession(app, fixtureProcess(fixtures).accounts.host.email);
    const round = await planRound(host, 71);
    const patch = (headers: Record<string, string | undefined>) =>
      app.request({
        method: "PATCH",
        url: `/api/rounds/${round.id}`,
        as: host,
        headers,
        payload: { version: round.version, city: "Elsewhere" },
      });
    const foreign = await patch(evil);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("invalid_origin");
    const missing = await patch({ origin: undefined });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toMatchObject({ code: "missing_origin" });
    expect(missing.json().error.message).toMatch(/API token/);
    const read = await app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: host,
      headers: evil,
    });
    expect(read.json().city).toBe("Astana");
    // From our own page it works.
    expect((await patch({})).statusCode).toBe(200);
  });

  it("does not apply to requests without a session cookie (the public, API tokens)", async () => {
    const anonymous = await app.request({
      method: "POST",
      url: "/api/accounts",
      headers: evil,
      payload: { email: "x@example.org", name: "X", password: fixturePassword },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("disabling an account", () => {
  it("ends its sessions at once, refuses its sign-in with a clear message, keeps its history; enabling restores sign-in", async () => {
    const target = fixtureProcess(fixtures).accounts.observer;
    const victimSession = await fixtureSession(app, target.email);
    expect((await app.request({ method: "GET", url: "/api/me", as: victimSession })).statusCode).toBe(200);

    const disabled = await app.request({
      method: "POST",
      url: `/api/accounts/${target.id}/disable`,
      as: admin,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ id: target.id, disabled: true });
    expect((await app.request({ method: "GET", url: "/api/me", as: victimSession })).statusCode).toBe(401);
    expect(await app.deps.db.select().from(session).where(eq(session.userId, target.id))).toHaveLength(0);

    const refused = await signIn(target.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("account_disabled");
    expect(refused.json().error.message).toMatch(/disabled/);
    expect(cookieOf(refused)).not.toContain("session_token");

    expect(await lastAudit("core.account.disable")).toMatchObject({
      outcome: "ok",
      subjectType: "account",
      subjectId: target.id,
      data: { email: target.email, sessionsEnded: 1 },
    });
    // Its history stays: the account, its membership and its audit entries are all still there.
    const listed = (await app.request({ method: "GET", url: "/api/accounts", as: admin })).json();
    expect(listed.accounts.find((account: { id: string }) => account.id === target.id)).toMatchObject({
      disabled: true,
    });

    const enabled = await app.request({
      method: "POST",
      url: `/api/accounts/${target.id}/enable`,
      as: admin,
    });
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect((await signIn(target.email)).statusCode).toBe(200);
    expect(await lastAudit("core.account.enable")).toMatchObject({ outcome: "ok", subjectId: target.id });
  });

  it("is for administrators only, never of one's own account, never of the last active administrator", async () => {
    const host = await fixtureSession(app, fixtureProcess(fixtures).accounts.host.email);
    const byHost = await app.request({
      method: "POST",
      url: `/api/accounts/${fixtures.outsider.id}/disable`,
      as: host,
    });
    expect(byHost.statusCode).toBe(403);
    const own = await app.request({
      method: "POST",
      url: `/api/accounts/${fixtures.admin.id}/disable`,
      as: admin,
    });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("own_account");
    const [self] = await app.deps.db.select().from(user).where(eq(user.id, fixtures.admin.id));
    expect(self?.disabledAt).toBeNull();
  });
});

describe("passwords and sessions", () => {
  it("a password change ends the account's other sessions and keeps the one that changed it", async () => {
    const email = fixtureProcess(fixtures).accounts.party.email;
    const laptop = cookieOf(await signIn(email));
    const phone = cookieOf(await signIn(email));
    const changed = await app.request({
      method: "POST",
      url: "/api/auth/change-password",
      as: laptop,
      // Even a client that asks to keep the other sessions does not get to.
      payload: {
        currentPassword: fixturePassword,
        newPassword: "a brand new password",
        revokeOtherSessions: false,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const current = cookieOf(changed) || laptop;
    expect((await app.request({ method: "GET", url: "/api/me", as: phone })).statusCode).toBe(401);
    expect((await app.request({ method: "GET", url: "/api/me", as: current })).statusCode).toBe(200);
    expect((await signIn(email, "a brand new password")).statusCode).toBe(200);
    expect(await lastAudit("auth.password.change")).toMatchObject({ outcome: "ok", actorLabel: email });
  });

  it("refuses to revoke a session that is not one's own, and that session lives on", async () => {
    const mine = cookieOf(await signIn(fixtureProcess(fixtures).accounts.monitor.email));
    const theirs = await signIn(fixtureProcess(fixtures).accounts.intermediary.email);
    const theirToken = (theirs.json() as { token: string }).token;
    const attempt = await app.request({
      method: "POST",
      url: "/api/auth/revoke-session",
      as: mine,
      payload: { token: theirToken },
    });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().error.code).toBe("session_not_found");
    expect((await app.request({ method: "GET", url: "/api/me", as: cookieOf(theirs) })).statusCode).toBe(200);
  });
});

describe("personal API tokens", () => {
  async function createToken(as: string, body: Record<string, unknown>) {
    const response = await app.request({ method: "POST", url: "/api/me/tokens", as, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; token: string; access: string };
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("are shown once, stored hashed, act as their owner without a cookie or Origin, and are audited", async () => {
    const hostEmail = fixtureProcess(fixtures).accounts.host.email;
    const host = await fixtureSession(app, hostEmail);
    const created = await createToken(host, { name: "nightly script", access: "write" });
    expect(created.token).toMatch(/^astana_[A-Za-z0-9_-]{43}$/);
    const [stored] = await app.deps.db.select().from(apiToken).where(eq(apiToken.id, created.id));
    expect(stored?.tokenHash).not.toContain(created.token);
    const listed = await app.request({ method: "GET", url: "/api/me/tokens", as: host });
    expect(listed.json().tokens[0]).toMatchObject({
      id: created.id,
      name: "nightly script",
      revokedAt: null,
    });
    expect(listed.body).not.toContain(created.token);
    const audit = await lastAudit("core.api-token.create");
    expect(audit).toMatchObject({ outcome: "ok", subjectType: "api_token", subjectId: created.id });
    expect(JSON.stringify(audit)).not.toContain(created.token);

    const me = await app.request({ method: "GET", url: "/api/me", headers: bearer(created.token) });
    expect(me.json().email).toBe(hostEmail);
    const round = await app.request({
      method: "POST",
      url: `/api/processes/${fixtureProcess(fixtures).id}/rounds`,
      headers: { ...bearer(created.token), ...evil },
      payload: { names: { en: "Round 72" }, number: 72 },
    });
    expect(round.statusCode, round.body).toBe(201);

    // A token cannot make more tokens.
    const minted = await app.request({
      method: "POST",
      url: "/api/me/tokens",
      headers: bearer(created.token),
      payload: { name: "child", access: "write" },
    });
    expect(minted.statusCode).toBe(403);

    const revoked = await app.request({ method: "DELETE", url: `/api/me/tokens/${created.id}`, as: host });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await lastAudit("core.api-token.revoke")).toMatchObject({ outcome: "ok", subjectId: created.id });
    const after = await app.request({ method: "GET", url: "/api/me", headers: bearer(created.token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("invalid_token");
  });

  it("a read-only token reads but changes nothing", async () => {
    const host = await fixtureSession(app, fixtureProcess(fixtures).accounts.host.email);
    const { token } = await createToken(host, { name: "reader", access: "read" });
    expect((await app.request({ method: "GET", url: "/api/me", headers: bearer(token) })).statusCode).toBe(
      200,
    );
    const write = await app.request({
      method: "POST",
      url: `/api/processes/${fixtureProcess(fixtures).id}/rounds`,
      headers: bearer(token),
      payload: { names: { en: "Round 73" }, number: 73 },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("token_read_only");
  });

  it("a token scoped to one delegation acts only as that delegation, never as an administrator", async () => {
    const process = fixtureProcess(fixtures);
    const ownDelegation = process.delegationIds.guarantor;
    const guarantor = await fixtureSession(app, process.accounts.guarantor.email);
    const { token } = await createToken(guarantor, {
      name: "delegation",
      access: "write",
      delegationId: ownDelegation,
    });
    const me = (await app.request({ method: "GET", url: "/api/me", headers: bearer(token) })).json();
    expect(me.memberships.map((m: { delegationId: string }) => m.delegationId)).toEqual([ownDelegation]);
    const other = await app.request({
      method: "POST",
      url: "/api/me/tokens",
      as: guarantor,
      payload: { name: "not mine", access: "read", delegationId: process.delegationIds.party },
    });
    expect(other.statusCode).toBe(422);

    const adminToken = await createToken(admin, {
      name: "admin scoped",
      access: "write",
      delegationId: null,
    });
    expect(
      (await app.request({ method: "GET", url: "/api/accounts", headers: bearer(adminToken.token) }))
        .statusCode,
    ).toBe(200);
  });

  it("someone else's token cannot be revoked (404, it lives on)", async () => {
    const host = await fixtureSession(app, fixtureProcess(fixtures).accounts.host.email);
    const { id, token } = await createToken(host, { name: "host's", access: "read" });
    const outsider = await fixtureSession(app, fixtures.outsider.email);
    const attempt = await app.request({ method: "DELETE", url: `/api/me/tokens/${id}`, as: outsider });
    expect(attempt.statusCode).toBe(404);
    expect((await app.request({ method: "GET", url: "/api/me", headers: bearer(token) })).statusCode).toBe(
      200,
    );
  });
});

describe("security headers", () => {
  it("sends a Content-Security-Policy that forbids framing, and no HSTS over http", async () => {
    const response = await app.request({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });
});
