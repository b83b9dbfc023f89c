import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/server/modules/core/index.ts";
import { hashEntry, verifyAuditChain } from "../../src/server/platform/audit.ts";
import { auditGuardTrigger } from "../../src/server/platform/audit-guard.ts";
import { anonymous, systemActor } from "../../src/server/platform/authz.ts";
import { type Database, type Db, openPglite } from "../../src/server/platform/db.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { auditLog } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { cliWithDataDir } from "../helpers/cli.ts";
import { freshDatabase } from "../helpers/database.ts";
import { buildFixtures, type Fixtures, fixturePassword as password } from "../helpers/fixtures.ts";
import { touchRecord } from "./audit-fixtures.ts";

const system = systemActor("test");

async function touch(db: Db, input: Record<string, unknown>) {
  return runOperation({ db }, touchRecord, system, { processId: null, tier: "process", ...input });
}

async function entries(db: Db) {
  return db.select().from(auditLog).orderBy(asc(auditLog.seq));
}

/** Opens a fresh database with `count` audit entries written through operations. */
async function databaseWithEntries(count: number): Promise<Database> {
  const database = await freshDatabase();
  for (let index = 0; index < count; index += 1) await touch(database.db, { note: `entry ${index + 1}` });
  return database;
}

/** What an attacker with database access does first: switch the append-only trigger off. */
async function disableGuard(db: Db) {
  await db.execute(sql.raw(`alter table audit_log disable trigger ${auditGuardTrigger}`));
}

describe("the audit chain", () => {
  it("chains every operation's entry to the one before it", async () => {
    const database = await freshDatabase();
    try {
      await runOperation({ db: database.db }, createAccount, systemActor("cli"), {
        email: "first@example.org",
        name: "First",
        password,
      });
      await touch(database.db, { note: "second" });
      await runOperation({ db: database.db }, touchRecord, anonymous, {
        processId: null,
        tier: "process",
        allowed: false,
      }).catch(() => {});
      const rows = await entries(database.db);
      expect(rows.map((row) => [row.seq, row.action, row.outcome, row.actorLabel])).toEqual([
        [1, "core.account.create", "ok", "system:cli"],
        [2, "test.record.touch", "ok", "system:test"],
        [3, "test.record.touch", "denied", "anonymous"],
      ]);
      expect(rows[0]?.prevHash).toBe("0".repeat(64));
      expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
      expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 3 });
    } finally {
      await database.close();
    }
  });

  it("stays unbroken, with consecutive numbers, under 20 concurrent operations", async () => {
    const database = await freshDatabase();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          index % 5 === 4
            ? runOperation({ db: database.db }, touchRecord, anonymous, {
                processId: null,
                tier: "process",
                allowed: false,
              }).catch(() => {})
            : touch(database.db, { note: `concurrent ${index}` }),
        ),
      );
      const rows = await entries(database.db);
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect(new Set(rows.map((row) => row.prevHash)).size).toBe(20);
      expect(await verifyAuditChain(database.db, 7)).toEqual({ ok: true, entries: 20 });
    } finally {
      await database.close();
    }
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database (the migration installs the guard)", async () => {
    const database = await databaseWithEntries(2);
    try {
      await expect(
        database.db.execute(sql`update audit_log set data = '{"note":"rewritten"}' where seq = 1`),
      ).rejects.toThrow();
      await expect(database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
      await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      await touch(database.db, { note: "appending still works" });
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 3 });
    } finally {
      await database.close();
    }
  });

  it("finds a row edited behind the platform's back at that row", async () => {
    const database = await databaseWithEntries(5);
    try {
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
      await disableGuard(database.db);
      await database.db.execute(sql`update audit_log set data = '{"note":"nothing happened"}' where seq = 3`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 3, entries: 2 });
    } finally {
      await database.close();
    }
  });

  it("finds a deleted row where it is missing", async () => {
    const database = await databaseWithEntries(5);
    try {
      await disableGuard(database.db);
      await database.db.execute(sql`delete from audit_log where seq = 3`);
      const report = await verifyAuditChain(database.db);
      expect(report).toMatchObject({ ok: false, brokenAt: 3 });
      expect(report.ok === false && report.reason).toMatch(/missing/);
    } finally {
      await database.close();
    }
  });

  it("finds a forged row with a recomputed hash at the next row's link", async () => {
    const database = await databaseWithEntries(5);
    try {
      await disableGuard(database.db);
      const [row] = await database.db.select().from(auditLog).where(eq(auditLog.seq, 3));
      if (!row) throw new Error("no entry 3");
      const { hash: _old, ...fields } = row;
      const forged = { ...fields, data: { note: "nothing happened" } };
      await database.db
        .update(auditLog)
        .set({ data: forged.data, hash: hashEntry(forged) })
        .where(eq(auditLog.seq, 3));
      const report = await verifyAuditChain(database.db);
      expect(report).toMatchObject({ ok: false, brokenAt: 4, entries: 3 });
      expect(report.ok === false && report.reason).toMatch(/link/);
    } finally {
      await database.close();
    }
  });
});

describe("astana audit verify", () => {
  const { dataDir, astana } = cliWithDataDir("astana-audit-cli-", { LOG_LEVEL: "warn" });
  const cli = (args: string[], env: Record<string, string> = {}) => astana(args, { env });

  it("passes on an intact log and exits 1 naming the broken entry after tampering", async () => {
    for (const email of ["admin@example.org", "clerk@example.org"]) {
      const created = await cli(["user", "create", "--email", email, "--name", "Someone"], {
        ASTANA_PASSWORD: password,
      });
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
    }
    const intact = await cli(["audit", "verify"]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intact: 2 entries/);

    const instance = await openPglite(path.join(dataDir, "pglite"));
    try {
      const { openDatabase } = await import("../../src/server/platform/db.ts");
      const database = await openDatabase({ kind: "pglite-instance", instance });
      await disableGuard(database.db);
      await database.db.execute(
        sql`update audit_log set data = jsonb_set(data, '{email}', '"someone-else@example.org"') where seq = 1`,
      );
    } finally {
      await instance.close();
    }

    const broken = await cli(["audit", "verify"]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at entry 1\b/);
    const json = await cli(["audit", "verify", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, brokenAt: 1, entries: 0 });
  }, 180_000); // five cold starts of the CLI, slow on a busy machine
});

describe("GET /api/audit", () => {
  let app: TestApp;
  let fixtures: Fixtures;
  const world = {
    get processId() {
      return fixtures.processes[0]?.id ?? "";
    },
    get otherProcessId() {
      return fixtures.processes[1]?.id ?? "";
    },
    get guarantorDelegation() {
      return fixtures.processes[0]?.delegationIds.guarantor ?? "";
    },
  };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    fixtures = await buildFixtures(app.deps.db, 2);
    for (const [role, email] of Object.entries({
      admin: "admin@example.org",
      host: "host@p1.example.org",
      guarantor: "guarantor@p1.example.org",
      observer: "observer@p1.example.org",
      plain: "outsider@example.org",
    })) {
      cookies[role] = await app.signIn(email, password);
    }
    const db = app.deps.db;
    await runOperation({ db }, createAccount, systemActor("cli"), {
      email: "new@example.org",
      name: "New",
      password,
    });
    const p = world.processId;
    await touch(db, { processId: p, tier: "process", subjectId: "round-1", note: "announced" });
    await touch(db, { processId: p, tier: "public", subjectId: "round-1", note: "published" });
    await touch(db, { processId: p, tier: "guarantors", subjectId: "draft-1", note: "secret draft" });
    await touch(db, { processId: p, tier: "observers-excluded", subjectId: "draft-2", note: "for parties" });
    await touch(db, {
      processId: p,
      tier: "delegation",
      delegationId: world.guarantorDelegation,
      subjectId: "position-1",
      note: "guarantor's own",
    });
    await touch(db, { processId: world.otherProcessId, tier: "process", subjectId: "x", note: "elsewhere" });
    await runOperation({ db }, touchRecord, anonymous, {
      processId: p,
      tier: "process",
      subjectId: "round-1",
      allowed: false,
    }).catch(() => {});
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (as: string | undefined, query = "") =>
    app.request({ method: "GET", url: `/api/audit${query}`, ...(as ? { as } : {}) });
  const notes = (body: { entries: { data: Record<string, unknown> }[] }) =>
    body.entries.map((entry) => entry.data.note);

  it("answers 401 without a session and 403 to an account that is neither administrator nor secretariat", async () => {
    expect((await get(undefined)).statusCode).toBe(401);
    for (const role of ["plain", "guarantor", "observer"]) {
      const response = await get(cookies[role]);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("forbidden");
    }
  });

  it("shows administrators the platform's records and nothing of any process", async () => {
    const response = await get(cookies.admin);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const actions: string[] = body.entries.map((entry: { action: string }) => entry.action);
    // Besides the account, the platform's own records: the sign-ins and the setup token issued at start.
    expect(new Set(actions)).toEqual(
      new Set(["core.account.create", "auth.sign-in", "core.setup.issue-token"]),
    );
    expect(body.entries.every((entry: { processId: string | null }) => entry.processId === null)).toBe(true);
    expect(body.entries.find((entry: { action: string }) => entry.action === "core.account.create")).toEqual({
      seq: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actorLabel: "system:cli",
      action: "core.account.create",
      outcome: "ok",
      subjectType: "account",
      subjectId: expect.any(String),
      processId: null,
      tier: "process",
      data: { email: "new@example.org", name: "New", isAdmin: false },
    });
    expect(body.nextBefore).toBeNull();
  });

  it("shows the secretariat its process's entries, newest first, never a guarantors-only one", async () => {
    const body = (await get(cookies.host)).json();
    expect(body.entries.map((entry: { processId: string }) => entry.processId)).toEqual(
      Array(4).fill(world.processId),
    );
    expect(notes(body)).toEqual([undefined, "for parties", "published", "announced"]);
    expect(body.entries[0]).toMatchObject({ outcome: "denied", actorLabel: "anonymous" });
    const seqs = body.entries.map((entry: { seq: number }) => entry.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    expect(JSON.stringify(body)).not.toMatch(/secret draft|guarantor's own|elsewhere/);
  });

  it("filters by action prefix, actor, outcome, subject, process and time", async () => {
    const host = cookies.host;
    expect(notes((await get(host, "?action=test.")).json())).toHaveLength(4);
    expect((await get(host, "?action=core.")).json().entries).toEqual([]);
    expect((await get(host, "?action=test_record")).json().entries).toEqual([]);
    expect(notes((await get(host, "?actor=SYSTEM:")).json())).toEqual([
      "for parties",
      "published",
      "announced",
    ]);
    expect((await get(host, "?outcome=denied")).json().entries).toHaveLength(1);
    expect(notes((await get(host, "?subjectType=record&subjectId=round-1&outcome=ok")).json())).toEqual([
      "published",
      "announced",
    ]);
    expect((await get(host, `?processId=${world.otherProcessId}`)).json().entries).toEqual([]);
    expect((await get(host, `?processId=${world.processId}&actor=`)).json().entries).toHaveLength(4);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(host, `?from=${today}&to=${today}`)).json().entries).toHaveLength(4);
    expect((await get(host, "?to=2000-01-01")).json().entries).toEqual([]);
    expect(
      (await get(host, `?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json()
        .entries,
    ).toEqual([]);
  });

  it("pages with limit and the before cursor", async () => {
    const first = (await get(cookies.host, "?limit=3")).json();
    expect(first.entries).toHaveLength(3);
    expect(first.nextBefore).toBe(first.entries[2].seq);
    const second = (await get(cookies.host, `?limit=3&before=${first.nextBefore}`)).json();
    expect(notes(second)).toEqual(["announced"]);
    expect(second.nextBefore).toBeNull();
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    for (const query of [
      "?limit=0",
      "?limit=201",
      "?limit=Infinity",
      "?before=abc",
      "?outcome=maybe",
      "?from=yesterday",
      "?colour=red",
    ]) {
      const response = await get(cookies.host, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe("invalid_input");
    }
  });
});
