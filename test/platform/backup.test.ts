// Backup and restore, as an operator does it: `astana backup` while a real server takes writes (through
// the server on the embedded database; directly on a PostgreSQL server), then `astana restore` into an
// empty database; every write acknowledged before the backup began is there, and the audit chain holds.
// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/cli/common.ts";
import { runAstana } from "../helpers/cli.ts";
import { testDatabaseKind } from "../helpers/database.ts";
import { type SpawnedServer, spawnServer } from "../helpers/server.ts";

const workDir = mkdtempSync(path.join(tmpdir(), "astana-backup-"));
const password = "correct horse battery";
const cleanups: (() => Promise<void>)[] = [];
let server: SpawnedServer | undefined;

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  for (const cleanup of cleanups) await cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

/** The environment of an empty database of the suite's kind: a new data directory or a new database. */
async function emptyDatabase(name: string): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { DATA_DIR: path.join(workDir, name), DATABASE_URL: "", DEMO: "off" };
  const database = `astana_backup_${name}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists ${database} with (force)`);
    await client.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return { DATA_DIR: path.join(workDir, name), DATABASE_URL: url.toString(), DEMO: "off" };
}

describe(`backup under writes and restore (${testDatabaseKind})`, () => {
  it("restores every acknowledged write with the audit chain intact, and refuses a non-empty target", async () => {
    const source = await emptyDatabase("source");
    const target = await emptyDatabase("target");
    const astana = (args: string[], env: Record<string, string>) => runAstana(args, { env });

    server = await spawnServer(source);
    const baseUrl = server.baseUrl;
    const created = await astana(
      ["user", "create", "--admin", "--email", "admin@example.org", "--name", "A"],
      {
        ...source,
        ASTANA_PASSWORD: password,
      },
    );
    expect(created.code, created.stderr).toBe(0);
    const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email: "admin@example.org", password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");

    // Writes keep coming through the API while the backup is taken.
    const acknowledged: { email: string; at: number }[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index++) {
        const email = `writer-${index}@example.org`;
        const response = await fetch(`${baseUrl}/api/accounts`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, origin: baseUrl },
          body: JSON.stringify({ email, name: `Writer ${index}`, password }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
        acknowledged.push({ email, at: Date.now() });
      }
    })();
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 50));
    const backupFile = path.join(workDir, "astana.backup");
    const backupStartedAt = Date.now();
    const backup = await astana(["backup", "--out", backupFile, "--json"], source);
    expect(backup.code, backup.stderr).toBe(0);
    const countAtBackupStart = acknowledged.filter((write) => write.at < backupStartedAt).length;
    while (acknowledged.length < countAtBackupStart + 3)
      await new Promise((resolve) => setTimeout(resolve, 50));
    writing = false;
    await writer;
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(await server.stop()).toBe(0);

    const restored = await astana(["restore", "--from", backupFile, "--json"], target);
    expect(restored.code, restored.stderr).toBe(0);
    const accounts = await astana(["accounts", "list", "--json"], target);
    expect(accounts.code, accounts.stderr).toBe(0);
    const emails = new Set(
      (JSON.parse(accounts.stdout) as { accounts: { email: string }[] }).accounts.map((item) => item.email),
    );
    for (const write of acknowledged.filter((entry) => entry.at < backupStartedAt)) {
      expect(emails.has(write.email), write.email).toBe(true);
    }
    const verified = await astana(["audit", "verify", "--json"], target);
    expect(verified.code, verified.stdout).toBe(0);
    const report = JSON.parse(verified.stdout) as { ok: boolean; entries: number };
    expect(report.ok).toBe(true);
    // At least one audit entry per account (sign-ins may be audited too): the chain came whole.
    expect(report.entries).toBeGreaterThanOrEqual(emails.size);

    // The restored database takes new writes: its sequences were moved past the restored rows.
    const more = await astana(["user", "create", "--email", "after@example.org", "--name", "After"], {
      ...target,
      ASTANA_PASSWORD: password,
    });
    expect(more.code, more.stderr).toBe(0);

    const again = await astana(["restore", "--from", backupFile], target);
    expect(again.code).toBe(exitCodes.refused);
    expect(again.stderr).toContain("database_not_empty");
  }, 300_000);
});
