// One writer per embedded database, tried as an operator would: a real server on a data directory, the
// README's CLI commands run against that same directory while it serves, then the database checked
// after the server stops (indexes against their tables with amcheck, the audit chain, one audit entry
// per change). Also: a second server refuses, a kill -9'd server's lock is taken over, and the CLI
// endpoint is not reachable without its token nor through the public port.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/cli/common.ts";
import { acquireDataDirLock, type LockHolder, lockFileOf } from "../../src/server/platform/data-dir-lock.ts";
import { pgliteExtensions } from "../../src/server/platform/db.ts";
import { type CliOptions, runAstana } from "../helpers/cli.ts";
import { testDatabaseKind } from "../helpers/database.ts";
import { type SpawnedServer, spawnServer } from "../helpers/server.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "astana-one-writer-"));
const pgliteDir = path.join(dataDir, "pglite");
const env = { DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "off" };
const astana = (args: string[], options: CliOptions = {}) =>
  runAstana(args, { ...options, env: { ...env, ...options.env } });
const password = "correct horse battery";

let server: SpawnedServer;
let adminCookie = "";
/** The changes the CLI made while the server ran: each must be one audit entry by system:cli. */
let cliChanges = 0;

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function holder(): LockHolder {
  return JSON.parse(readFileSync(lockFileOf(pgliteDir), "utf8")) as LockHolder;
}

async function get(url: string, cookie = ""): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(`${server.baseUrl}${url}`, { headers: cookie ? { cookie } : {} });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Runs a CLI write that must succeed, counting it as one change; answers its JSON. */
async function write(args: string[], options: CliOptions = {}): Promise<Record<string, unknown>> {
  const run = await astana([...args, "--json"], options);
  expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
  cliChanges += 1;
  return run.stdout.trim() ? (JSON.parse(run.stdout) as Record<string, unknown>) : {};
}

// About the embedded database only: the PostgreSQL stage of the suite has nothing to add here.
describe.skipIf(testDatabaseKind === "postgres")(
  "the CLI while the server runs on the same embedded database",
  () => {
    beforeAll(async () => {
      server = await spawnServer(env);
    }, 180_000);

    it("a second server on the same directory refuses at once, naming the first and what to do", async () => {
      const second = await astana(["serve"], { env: { PORT: "0", HOST: "127.0.0.1" } });
      expect(second.code).toBe(exitCodes.busy);
      expect(second.stderr).toContain(`in use by process ${server.child.pid}`);
      expect(second.stderr).toContain(`kill -TERM ${server.child.pid}`);
      expect(holder()).toMatchObject({ pid: server.child.pid, server: { url: expect.any(String) } });
      expect(statSync(lockFileOf(pgliteDir)).mode & 0o777).toBe(0o600);
      // Commands that must open the database themselves refuse the same way, before touching anything.
      for (const args of [["migrate"], ["restore", "--from", __filename]]) {
        const refused = await astana(args);
        expect(refused.code, refused.stderr).toBe(exitCodes.busy);
        expect(refused.stderr).toContain(`process ${server.child.pid}`);
      }
    }, 60_000);

    it("every write goes through the server, which sees it at once", async () => {
      await write(["user", "create", "--admin", "--email", "admin@example.org", "--name", "Admin"], {
        input: `${password}\n`,
      });
      expect((await get("/api/setup")).body).toEqual({ needed: false });
      adminCookie = await signIn("admin@example.org");

      await write(["user", "create", "--email", "sec@example.org", "--name", "Secretary"], {
        env: { ASTANA_PASSWORD: password },
      });
      expect((await get("/api/accounts", adminCookie)).text).toContain("sec@example.org");

      await write([
        "participants",
        "create",
        "--slug",
        "kazakhstan",
        "--kind",
        "state",
        "--name",
        "Kazakhstan",
      ]);
      await write(["participants", "create", "--slug", "russia", "--kind", "state", "--name", "Russia"]);
      expect((await get("/api/participants/russia")).status).toBe(200);

      await write([
        "processes",
        "create",
        "--slug",
        "astana",
        "--name",
        "Astana format",
        "--host",
        "kazakhstan",
        "--guarantor",
        "russia",
        "--city",
        "Astana",
      ]);
      expect((await get("/api/processes/astana")).status).toBe(200);

      const standing = (await get("/api/processes/astana/delegations", adminCookie)).body as {
        items: { id: string; participant: { slug: string } }[];
      };
      const secretariat = standing.items.find((item) => item.participant.slug === "kazakhstan");
      expect(secretariat).toBeDefined();
      const delegation = secretariat?.id ?? "";
      await write(["memberships", "add", "--delegation", delegation, "--account", "sec@example.org"]);
      const secretaryCookie = await signIn("sec@example.org");
      expect((await get("/api/me", secretaryCookie)).text).toContain(delegation);

      await write([
        "rounds",
        "plan",
        "23",
        "--name",
        "Astana 23",
        "--start",
        "2025-05-12",
        "--end",
        "2025-05-13",
      ]);
      const planned = (await get("/api/processes/astana/rounds", secretaryCookie)).body as {
        items: { id: string; number: number; status: string }[];
      };
      expect(planned.items).toEqual([expect.objectContaining({ number: 23, status: "planned" })]);
      const roundId = planned.items[0]?.id ?? "";

      await write(["rounds", "announce", "23", "--published", "2025-04-20", "--text", "Astana, 12–13 May."]);
      expect((await get("/api/processes/astana/rounds")).body).toMatchObject({
        items: [expect.objectContaining({ number: 23, status: "announced" })],
      });

      await write([
        "record",
        "cite",
        "--round",
        "23",
        "--field",
        "dates",
        "--url",
        "https://www.mfa.kz/en/astana-23",
        "--title",
        "Announcement",
        "--language",
        "en",
      ]);
      expect((await get(`/api/record/round/${roundId}`)).text).toContain("https://www.mfa.kz/en/astana-23");

      await write(["memberships", "remove", "--delegation", delegation, "--account", "sec@example.org"]);
      expect((await get("/api/me", secretaryCookie)).text).not.toContain(delegation);

      // A file a command writes lands where its caller asked, relative to the caller's directory.
      const callerDir = path.join(dataDir, "caller");
      mkdirSync(callerDir);
      const printed = await astana(["delegations", "participants-list", "23", "--html", "list.html"], {
        cwd: callerDir,
      });
      expect(printed.code, printed.stderr).toBe(0);
      expect(readFileSync(path.join(callerDir, "list.html"), "utf8")).toContain("<html");

      // The server ran every one of them: it logged each, and the lock never left it.
      const ran = server
        .output()
        .split("\n")
        .filter((line) => line.includes('"msg":"cli command"'));
      expect(ran.length).toBeGreaterThanOrEqual(cliChanges + 1);
      expect(holder().pid).toBe(server.child.pid);
    }, 180_000);

    it("a read-only command goes through the server too", async () => {
      const before = server.output().split('"msg":"cli command"').length;
      const verified = await astana(["audit", "verify", "--json"]);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
      expect(server.output().split('"msg":"cli command"').length).toBe(before + 1);
      expect(server.output()).toContain('"command":"audit verify"');
    }, 60_000);

    it("the CLI endpoint is loopback, token-only and not part of the public API", async () => {
      const endpoint = holder().server;
      if (!endpoint) throw new Error("the server published no endpoint");
      const body = JSON.stringify({ argv: ["audit", "verify"], cwd: "/", env: {} });
      for (const authorization of [undefined, "Bearer wrong", `Bearer ${endpoint.token}x`]) {
        const refused = await fetch(`${endpoint.url}/cli`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(authorization && { authorization }) },
          body,
        });
        expect(refused.status).toBe(401);
      }
      const accepted = await fetch(`${endpoint.url}/cli`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${endpoint.token}` },
        body,
      });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ exitCode: 0 });
      const onPublicPort = await fetch(`${server.baseUrl}/cli`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${endpoint.token}` },
        body,
      });
      expect(onPublicPort.status).toBe(404);
      expect((await get("/api/openapi.json")).text).not.toMatch(/"\/cli"|internal/);
    }, 60_000);

    it("after the server stops, the indexes agree with their tables and the audit log has one entry per change", async () => {
      expect(await server.stop()).toBe(0);
      expect(() => readFileSync(lockFileOf(pgliteDir))).toThrow(/ENOENT/);

      // Opened as every opener must: holding the lock.
      const lock = acquireDataDirLock(pgliteDir);
      const instance = await PGlite.create({
        dataDir: pgliteDir,
        extensions: { ...pgliteExtensions, amcheck },
      });
      try {
        await instance.exec("create extension if not exists amcheck");
        const indexes = await instance.query<{ name: string }>(
          `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
         join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
         where a.amname = 'btree' and n.nspname = 'public'`,
        );
        expect(indexes.rows.length).toBeGreaterThan(10);
        for (const { name } of indexes.rows) {
          // Throws if the index is corrupt or misses a row of its table (heapallindexed).
          await instance.query(`select bt_index_check(index => $1::regclass, heapallindexed => true)`, [
            `public."${name}"`,
          ]);
        }
        const byCli = await instance.query<{ count: number }>(
          `select count(*)::int as count from audit_log where actor_label = 'system:cli' and outcome = 'ok'`,
        );
        expect(byCli.rows[0]?.count).toBe(cliChanges);
        const users = await instance.query<{ email: string }>(`select email from "user" where email = $1`, [
          "sec@example.org",
        ]);
        expect(users.rows).toHaveLength(1);
      } finally {
        await instance.close();
        lock.release();
      }
      const verified = await astana(["audit", "verify", "--json"]);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    }, 120_000);

    it("a server killed with SIGKILL leaves a stale lock that the next start takes over", async () => {
      const killed = await spawnServer(env);
      const pid = killed.child.pid;
      killed.child.kill("SIGKILL");
      await killed.exited;
      expect(holder().pid).toBe(pid);
      server = await spawnServer(env);
      expect(holder().pid).toBe(server.child.pid);
      const verified = await astana(["audit", "verify", "--json"]);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
      expect(await server.stop()).toBe(0);
    }, 180_000);
  },
);
