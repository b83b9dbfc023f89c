import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

/** The repository root: the CLI runs from here, as `npm run astana` would. */
const root = fileURLToPath(new URL("../..", import.meta.url));
const main = path.join(root, "src/cli/main.ts");

export type CliRun = { code: number | null; stdout: string; stderr: string };
export type CliOptions = { env?: Record<string, string>; input?: string; cwd?: string };

/**
 * Runs `astana …` as an operator or a script would: a new process on vitest's own Node (24), no
 * terminal, this process's environment with `env` on top (logs silenced unless `env` says otherwise),
 * and `input` (or nothing) on its standard input.
 */
export function runAstana(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, LOG_LEVEL: "silent", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
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
    child.stdin.end(options.input ?? "");
  });
}

/**
 * A data directory of the calling test file (or `describe`) alone, removed after its tests, and
 * `astana …` run against it on the embedded database, never a DATABASE_URL the test run may have set.
 * `env` is added to every run; a run's own `env` is added on top.
 */
export function cliWithDataDir(prefix: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const astana = (args: string[], options: CliOptions = {}) =>
    runAstana(args, { ...options, env: { DATA_DIR: dataDir, DATABASE_URL: "", ...env, ...options.env } });
  return { dataDir, astana };
}
