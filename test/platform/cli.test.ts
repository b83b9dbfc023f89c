import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exitCodes } from "../../src/cli/common.ts";
import { runAstana as astana, cliWithDataDir } from "../helpers/cli.ts";

const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;

// Sequential on purpose: each run loads the whole server (about a second of CPU), and the machine is small.
describe("astana --help and usage errors", () => {
  it("prints usage with every command and the exit codes, and exits 0", async () => {
    const run = await astana(["--help"]);
    expect(run.code).toBe(exitCodes.ok);
    expect(run.stdout).toContain("Usage: astana");
    for (const command of ["serve", "migrate", "user", "audit"]) expect(run.stdout).toContain(command);
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*\b3\b.*configuration/);
  });

  it.each(["serve", "migrate", "user create", "audit verify"])(
    "`astana %s --help` prints that command's usage and exits 0",
    async (command) => {
      const run = await astana([...command.split(" "), "--help"]);
      expect(run.code, run.stderr).toBe(exitCodes.ok);
      expect(run.stdout).toContain(`Usage: astana ${command} [options]`);
    },
  );

  it("`astana help user` prints the commands of `user` and exits 0", async () => {
    const run = await astana(["help", "user"]);
    expect(run.code).toBe(exitCodes.ok);
    expect(run.stdout).toContain("Usage: astana user");
    expect(run.stdout).toContain("create");
  });

  it("prints the version with --version and exits 0", async () => {
    const run = await astana(["--version"]);
    expect(run.code).toBe(exitCodes.ok);
    expect(run.stdout.trim()).toBe(version);
  });

  it("exits 2 on an unknown command, naming it", async () => {
    const run = await astana(["frobnicate"]);
    expect(run.code).toBe(exitCodes.usage);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it("exits 2 on an unknown option", async () => {
    const run = await astana(["serve", "--frobnicate"]);
    expect(run.code).toBe(exitCodes.usage);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });

  it("exits 2 when a required option is missing, or no command is given", async () => {
    const missing = await astana(["user", "create", "--name", "A"]);
    const none = await astana([]);
    expect(missing.code).toBe(exitCodes.usage);
    expect(missing.stderr).toContain("--email");
    expect(none.code).toBe(exitCodes.usage);
    expect(none.stderr).toContain("Usage: astana");
  });

  it("exits 3 on a bad configuration, naming the variable, before touching the database", async () => {
    const run = await astana(["migrate"], {
      env: { DATABASE_URL: "mysql://x", SESSION_SECRET: "s".repeat(40) },
    });
    expect(run.code).toBe(exitCodes.config);
    expect(run.stderr).toContain("DATABASE_URL");
  });
});

describe("exit codes of a command that runs", () => {
  const { astana } = cliWithDataDir("astana-cli-", { DEMO: "off" });

  it("0 when an account is created, 4 when the same e-mail is refused", async () => {
    const created = await astana(
      ["user", "create", "--email", "ops@example.org", "--name", "Ops", "--admin"],
      {
        input: "correct horse battery\n",
      },
    );
    expect(created.code, created.stderr).toBe(exitCodes.ok);
    expect(created.stdout).toContain("ops@example.org");

    const duplicate = await astana(["user", "create", "--email", "ops@example.org", "--name", "Again"], {
      env: { ASTANA_PASSWORD: "correct horse battery" },
    });
    expect(duplicate.code).toBe(exitCodes.refused);
    expect(duplicate.stderr).toContain("email_taken");
  }, 120_000);
});
