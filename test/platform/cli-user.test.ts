import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { openDatabase } from "../../src/server/platform/db.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const password = "a long enough password";

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "astana-cli-user-"));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `astana …` as an operator would, on Node 24 (vitest's own Node), against a temporary data directory. */
function astana(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["src/cli/main.ts", ...args], {
      cwd: root,
      env: { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("astana user create", () => {
  it("creates an administrator who can then sign in", async () => {
    const result = await astana(
      ["user", "create", "--admin", "--email", "Operator@Example.org", "--name", "The Operator", "--json"],
      { ASTANA_PASSWORD: password },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: "operator@example.org", isAdmin: true });

    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", SERVE_WEB: "off", DEMO: "off" });
    const database = await openDatabase(config.database);
    const { app } = await buildApp({ config, database, logger: false });
    try {
      const signIn = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email: "operator@example.org", password },
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      expect(me.json()).toMatchObject({ email: "operator@example.org", isAdmin: true, name: "The Operator" });
      const setup = await app.inject({ method: "GET", url: "/api/setup" });
      expect(setup.json()).toEqual({ needed: false });
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);

  it("exits 4 for an e-mail that is already taken", async () => {
    const result = await astana(["user", "create", "--email", "operator@example.org", "--name", "Again"], {
      ASTANA_PASSWORD: password,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("email_taken");
  }, 60_000);

  it("exits 4 for a password the platform refuses", async () => {
    const result = await astana(["user", "create", "--email", "short@example.org", "--name", "Short"], {
      ASTANA_PASSWORD: "tiny-pw",
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("password: At least 10 characters.");
    expect(result.stderr).not.toContain("tiny-pw");
  }, 60_000);

  it("exits 2 when a required option is missing", async () => {
    const result = await astana(["user", "create", "--email", "nameless@example.org"], {
      ASTANA_PASSWORD: password,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--name");
  }, 60_000);
});
