import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.ts";

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "astana-config-"));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const secret = "s".repeat(40);

/** The ConfigError that loading this environment raises (fails the test if none is raised). */
function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ SESSION_SECRET: secret, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe("configuration", () => {
  it("has working defaults: port 3000, embedded database in ./data, demo on, info logs", () => {
    const dataDir = temporaryDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("0.0.0.0");
    expect(config.DEMO).toBe(true);
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.secureCookies).toBe(false);
    expect(config.database).toEqual({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    expect(loadConfig({ SESSION_SECRET: secret }).dataDir).toBe(path.resolve("data"));
  });

  it("treats an empty variable as unset", () => {
    const config = loadConfig({ SESSION_SECRET: secret, PORT: "", LOG_LEVEL: "" });
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe("info");
  });

  it("switches to a PostgreSQL server with DATABASE_URL, and to secure cookies behind https", () => {
    const config = loadConfig({
      SESSION_SECRET: secret,
      DATABASE_URL: "postgres://astana:pw@db.example.org:5432/astana",
      PUBLIC_URL: "https://talks.example.org/",
      PORT: "8080",
      DEMO: "off",
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://astana:pw@db.example.org:5432/astana",
    });
    expect(config.publicUrl).toBe("https://talks.example.org");
    expect(config.secureCookies).toBe(true);
    expect(config.PORT).toBe(8080);
    expect(config.DEMO).toBe(false);
  });

  const badValues: [string, string][] = [
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["PORT", "1e3"],
    ["PORT", "Infinity"],
    ["DATABASE_URL", "mysql://x"],
    ["DATABASE_URL", "postgres://"],
    ["PUBLIC_URL", "not-a-url"],
    ["PUBLIC_URL", "ftp://example.org"],
    ["PUBLIC_URL", "javascript:alert(1)"],
    ["SESSION_SECRET", "too-short"],
    ["DEMO", "maybe"],
    ["TRUST_PROXY", "sometimes"],
    ["SERVE_WEB", "2"],
    ["LOG_LEVEL", "loud"],
    ["BODY_LIMIT_BYTES", "1"],
    ["BODY_LIMIT_BYTES", "1.5"],
    ["AUTH_RATE_LIMIT_PER_MINUTE", "0"],
    ["SIGN_IN_REQUESTS_PER_MINUTE", "0"],
  ];
  it.each(badValues)("refuses %s=%s with a ConfigError naming the variable", (name, value) => {
    const error = configErrorFor({ [name]: value });
    expect(error.variables).toEqual([name]);
    expect(error.message).toContain(`${name}:`);
  });

  it("takes the test servers' job hold as kind:ms pairs, and refuses it with NODE_ENV=production", () => {
    const dataDir = temporaryDir();
    const config = loadConfig({
      SESSION_SECRET: secret,
      DATA_DIR: dataDir,
      ASTANA_TEST_HOLD_JOBS: "followup.import:3000,programme.solve:10",
    });
    expect(config.ASTANA_TEST_HOLD_JOBS).toEqual({ "followup.import": 3000, "programme.solve": 10 });
    expect(loadConfig({ SESSION_SECRET: secret, DATA_DIR: dataDir }).ASTANA_TEST_HOLD_JOBS).toBeUndefined();
    expect(configErrorFor({ DATA_DIR: dataDir, ASTANA_TEST_HOLD_JOBS: "followup.import" }).variables).toEqual(
      ["ASTANA_TEST_HOLD_JOBS"],
    );
    const production = configErrorFor({
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      ASTANA_PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
      ASTANA_TEST_HOLD_JOBS: "followup.import:3000",
    });
    expect(production.variables).toEqual(["ASTANA_TEST_HOLD_JOBS"]);
    expect(production.message).toContain("NODE_ENV=production");
  });

  it("names every bad variable at once", () => {
    const error = configErrorFor({ PORT: "abc", LOG_LEVEL: "loud", DEMO: "maybe" });
    expect(error.variables.sort()).toEqual(["DEMO", "LOG_LEVEL", "PORT"]);
  });

  it("never echoes a supplied secret or database password in the message", () => {
    const error = configErrorFor({ SESSION_SECRET: "hunter2", DATABASE_URL: "mysql://u:pa55word@h/db" });
    expect(error.message).not.toContain("hunter2");
    expect(error.message).not.toContain("pa55word");
  });
});

describe("the session secret", () => {
  it("is generated once in DATA_DIR, readable by its owner only, and the same on the next start", () => {
    const dataDir = path.join(temporaryDir(), "nested", "data");
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = path.join(dataDir, "session-secret");
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: temporaryDir() }).sessionSecret).not.toBe(first.sessionSecret);
  });

  it("uses SESSION_SECRET when supplied and writes nothing", () => {
    const dataDir = temporaryDir();
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: secret }).sessionSecret).toBe(secret);
    expect(() => statSync(path.join(dataDir, "session-secret"))).toThrow();
  });

  it("refuses a damaged secret file instead of silently replacing it (which would sign everyone out)", () => {
    const dataDir = temporaryDir();
    writeFileSync(path.join(dataDir, "session-secret"), "short\n");
    const error = (() => {
      try {
        loadConfig({ DATA_DIR: dataDir });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.variables).toContain("DATA_DIR");
    expect(readFileSync(path.join(dataDir, "session-secret"), "utf8")).toBe("short\n");
  });

  it("names DATA_DIR when the directory cannot hold the secret", () => {
    const blocker = path.join(temporaryDir(), "a-file");
    writeFileSync(blocker, "");
    const error = (() => {
      try {
        loadConfig({ DATA_DIR: path.join(blocker, "data") });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.variables).toEqual(["DATA_DIR"]);
  });
});

describe("astana serve with a bad configuration", () => {
  it("exits 3 and names the variable", () => {
    const result = spawnSync(process.execPath, ["src/cli/main.ts", "serve"], {
      env: { ...process.env, PORT: "abc", SESSION_SECRET: secret, DATA_DIR: temporaryDir() },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
