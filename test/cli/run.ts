import { spawn } from "node:child_process";
import path from "node:path";

export type Run = { code: number | null; stdout: string; stderr: string };

const main = path.resolve("src/cli/main.ts");

/**
 * Runs `astana …` as a script would: a new process on this Node (24 under vitest), no terminal, on the
 * given data directory, with optional standard input.
 */
export function astana(env: Record<string, string>, args: string[], input = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: "", ...env },
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
    child.stdin.end(input);
  });
}

/** The command's JSON answer, failing the test with its error output when it did not succeed. */
export function answer(run: Run): unknown {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
