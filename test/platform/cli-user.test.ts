import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { openDatabase } from "../../src/server/platform/db.ts";
import { cliWithDataDir } from "../helpers/cli.ts";

const password = "a long enough password";

const cli = cliWithDataDir("astana-cli-user-");
const dataDir = cli.dataDir;

/** Runs `astana …` as an operator would, with `env` (the password) added, against a temporary data directory. */
const astana = (args: string[], env: Record<string, string> = {}) => cli.astana(args, { env });

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
