// Starts a throwaway PostgreSQL cluster, runs a command with TEST_DATABASE_URL pointing at it, and
// always stops and removes the cluster afterwards (also on failure, SIGINT or SIGTERM).
//
//   node scripts/with-postgres.ts vitest run
//
// The server binaries come from Debian's postgresql package (/usr/lib/postgresql/<version>/bin);
// 15 is preferred because it is the oldest server we support (PGlite is PostgreSQL 18).
// Without them it prints a loud warning and fails, unless ASTANA_ALLOW_NO_POSTGRES=1 (never under CI).

import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const postgresRoot = "/usr/lib/postgresql";
const preferredMajor = "15";

/** The bin directory of the installed PostgreSQL server (15 if present, else the newest), or undefined. */
export function findPostgresBinaries(): string | undefined {
  if (!existsSync(postgresRoot)) return undefined;
  const versions = readdirSync(postgresRoot)
    .filter((version) => existsSync(path.join(postgresRoot, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  const chosen = versions.includes(preferredMajor) ? preferredMajor : versions[0];
  return chosen === undefined ? undefined : path.join(postgresRoot, chosen, "bin");
}

/** The block printed when no server can be found: loud, because a silent skip looks like a pass. */
export function missingPostgresWarning(): string {
  const bar = "!".repeat(78);
  return [
    "",
    bar,
    "!!  NO POSTGRESQL SERVER FOUND: the integration tests did NOT run on PostgreSQL 15.",
    `!!  Looked for ${postgresRoot}/*/bin/initdb.`,
    "!!  Install it:  apt-get update && apt-get install -y postgresql   (npm test installs it on Debian)",
    "!!  To skip this stage knowingly on a developer machine: ASTANA_ALLOW_NO_POSTGRES=1",
    "!!  (never honoured when CI=true).",
    bar,
    "",
  ].join("\n");
}

/** Whether a missing server may be skipped: only when asked for, and never in CI. */
export function missingPostgresMayBeSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ASTANA_ALLOW_NO_POSTGRES === "1" && env.CI !== "true";
}

export type PostgresCluster = {
  /** Superuser address of the cluster's `postgres` database. */
  url: string;
  dir: string;
  /** Stops the server and removes its directory; safe to call more than once, and synchronous. */
  stop(): void;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function run(command: string, args: string[]): void {
  const [file, fileArgs] = asServerUser(command, args);
  execFileSync(file, fileArgs, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

function describeFailure(error: unknown): string {
  const failed = error as { message?: string; stdout?: string; stderr?: string };
  return [failed.message, failed.stdout, failed.stderr].filter(Boolean).join("\n");
}

/**
 * Creates and starts a cluster in a fresh temporary directory on a free loopback port, with its socket
 * in that directory (never /var/run/postgresql), trust authentication and fsync off (tests only).
 */
export async function startPostgres(binDir: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "astana-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  let stopped = false;
  let started = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      try {
        run(path.join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } catch {
        // Already gone (an interrupt reaches the server too); try the hard way, then remove anyway.
        try {
          run(path.join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
        } catch {}
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  try {
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
    run(path.join(binDir, "initdb"), [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    const port = await freePort();
    started = true;
    run(path.join(binDir, "pg_ctl"), [
      "-D",
      dataDir,
      "-l",
      logFile,
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      "start",
    ]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    const log = existsSync(logFile) ? `\n--- server log ---\n${readFileSync(logFile, "utf8")}` : "";
    stop();
    throw new Error(`Could not start a PostgreSQL server from ${binDir}:\n${describeFailure(error)}${log}`);
  }
}

/** Runs a command to completion with inherited output; resolves with its exit code (128+n if killed). */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; signal?: NodeJS.Signals }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGTERM", forward);
    process.on("SIGINT", forward);
    const done = (code: number, signal?: NodeJS.Signals) => {
      process.off("SIGTERM", forward);
      process.off("SIGINT", forward);
      resolve(signal ? { code, signal } : { code });
    };
    child.on("error", (error) => {
      process.stderr.write(`could not run ${command}: ${error.message}\n`);
      done(127);
    });
    child.on("exit", (code, signal) => {
      done(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0), signal ?? undefined);
    });
  });
}

/** The environment for tools run from here: node_modules/.bin first, so the pinned Node 24 runs them. */
export function toolEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const bin = path.resolve("node_modules", ".bin");
  return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, ...extra };
}

let interrupted = false;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command) {
    process.stderr.write("usage: node scripts/with-postgres.ts <command> [args...]\n");
    return 2;
  }
  const binDir = findPostgresBinaries();
  if (!binDir) {
    process.stderr.write(missingPostgresWarning());
    return missingPostgresMayBeSkipped() ? 0 : 1;
  }
  const cluster = await startPostgres(binDir);
  if (interrupted) {
    cluster.stop();
    return 130;
  }
  try {
    process.stderr.write(`PostgreSQL from ${binDir} at ${cluster.url}\n`);
    const result = await runCommand(command, args, toolEnvironment({ TEST_DATABASE_URL: cluster.url }));
    return result.code;
  } finally {
    cluster.stop();
  }
}

if (import.meta.main) {
  // Signals are forwarded to the command while it runs; the cluster is stopped once it has exited.
  process.on("SIGINT", () => {
    interrupted = true;
  });
  process.on("SIGTERM", () => {
    interrupted = true;
  });
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
