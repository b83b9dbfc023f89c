// A signed-in secretariat member for the benchmarks, made with the CLI before the server starts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const benchPassword = "bench passphrase, long enough";

/** Runs an `astana` command on a data directory (the server not running yet); throws on failure. */
export function astanaCli(dataDir: string, args: string[]): string {
  const result = spawnSync(process.execPath, ["src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DEMO: "on", ASTANA_PASSWORD: benchPassword, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`astana ${args.join(" ")}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** An administrator who is also on Kazakhstan's delegation (the host secretariat of `astana`). */
export function makeSecretariat(dataDir: string, email: string): void {
  astanaCli(dataDir, ["user", "create", "--admin", "--email", email, "--name", "Bench Secretariat"]);
  astanaCli(dataDir, [
    "memberships",
    "add",
    "--delegation",
    "demo-astana-delegation-kazakhstan",
    "--account",
    email,
    "--position",
    "head of delegation",
  ]);
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
