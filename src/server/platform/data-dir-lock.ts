// One writer per embedded database. PGlite is one process's PostgreSQL: a second process opening the
// same data directory corrupts it (lost commits, indexes that no longer find their rows). Whoever opens
// a directory therefore holds `<dir>.lock` alone; the file names the holder (its PID and the start time
// the kernel gives that PID, so a reused PID is not mistaken for the holder) and, for a server, the
// loopback address and token through which the CLI sends it commands. The file is readable by its
// owner only, since the token lets a command act as `system:cli`.
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Where a running server takes CLI commands: a loopback address and the token it requires. */
export type ServerEndpoint = { url: string; token: string };

/** What a lock file says about its holder. */
export type LockHolder = {
  pid: number;
  /** The kernel's start time of that PID (clock ticks since boot), when /proc tells it. */
  startTime: number | null;
  host: string;
  command: string;
  acquiredAt: string;
  nonce: string;
  server?: ServerEndpoint;
};

/** Raised when another live process holds the data directory; the CLI exits 75 on it. */
export class DataDirectoryBusy extends Error {
  override name = "DataDirectoryBusy";
  readonly holder: LockHolder;

  constructor(message: string, holder: LockHolder) {
    super(message);
    this.holder = holder;
  }
}

/** A held lock: published as a server's endpoint once it listens, released on close or exit. */
export type DataDirLock = {
  readonly dataDir: string;
  publishServer(endpoint: ServerEndpoint): void;
  release(): void;
};

/** The lock file of an embedded data directory: beside it, so PGlite's own files are untouched. */
export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** The kernel's start time of a process, or null where /proc does not say (not Linux, gone). */
function processStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const value = Number(fields[19]);
    return Number.isSafeInteger(value) ? value : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the holder named in a lock file still runs. A lock from another host cannot be checked and
 * counts as held; a dead PID, or a live PID whose start time differs (the PID was reused), is stale.
 */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (!processIsAlive(holder.pid)) return false;
  if (holder.startTime === null) return true;
  const startTime = processStartTime(holder.pid);
  return startTime === null || startTime === holder.startTime;
}

function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    // Written whole through a link, so never half-written by us; treat garbage as a dead holder.
    return { pid: 0, startTime: null, host: hostname(), command: "?", acquiredAt: "?", nonce: text };
  }
}

/** The live process holding a data directory, if any (a stale lock counts as none). */
export function dataDirHolder(dataDir: string): LockHolder | undefined {
  const holder = readHolder(lockFileOf(dataDir));
  return holder && holderIsAlive(holder) ? holder : undefined;
}

/** A person's description of a holder and what to do about it, for every refusal to say the same. */
export function describeHolder(dataDir: string, holder: LockHolder): string {
  const who = `process ${holder.pid} (${holder.command}, since ${holder.acquiredAt})`;
  const own = holder.pid === process.pid ? " — this very process" : "";
  const what = holder.server
    ? `Commands of the CLI go through that server while it runs; to do this one, stop the server first (kill -TERM ${holder.pid}).`
    : `Wait for it to finish, or stop it (kill -TERM ${holder.pid}).`;
  return `The embedded database ${dataDir} is in use by ${who}${own}. Only one process may open it at a time. ${what}`;
}

const held = new Map<string, string>();
let exitHookInstalled = false;

function writeLockFile(file: string, holder: LockHolder, replace: boolean): void {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { mode: 0o600, flag: "wx" });
  try {
    // link() fails if the lock exists, so taking it is atomic; rename() replaces our own lock whole.
    if (replace) renameSync(draft, file);
    else linkSync(draft, file);
  } finally {
    rmSync(draft, { force: true });
  }
}

function releaseIfOurs(file: string, nonce: string): void {
  if (held.get(file) !== nonce) return;
  held.delete(file);
  try {
    if (readHolder(file)?.nonce === nonce) rmSync(file, { force: true });
  } catch {
    // The lock is gone or unreadable: nothing of ours to remove.
  }
}

/**
 * Takes the data directory for this process alone, or throws DataDirectoryBusy naming the live
 * holder. A stale lock (its process died, e.g. by kill -9) is moved aside and taken over; the lock is
 * released by `release()` and, failing that, when this process exits normally.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = lockFileOf(dataDir);
  const mine: LockHolder = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: hostname(),
    command: commandLine(),
    acquiredAt: new Date().toISOString(),
    nonce: randomBytes(16).toString("hex"),
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      writeLockFile(file, mine, false);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      if (!holder) continue;
      if (holderIsAlive(holder)) throw new DataDirectoryBusy(describeHolder(dataDir, holder), holder);
      takeOverStale(file, holder);
      continue;
    }
    held.set(file, mine.nonce);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on("exit", () => {
        for (const [lockFile, nonce] of held) releaseIfOurs(lockFile, nonce);
      });
    }
    return {
      dataDir,
      publishServer: (endpoint) => {
        if (held.get(file) !== mine.nonce) return;
        writeLockFile(file, { ...mine, server: endpoint }, true);
      },
      release: () => releaseIfOurs(file, mine.nonce),
    };
  }
  throw new Error(`Could not take the lock ${file}: other processes keep taking it.`);
}

/**
 * Moves a stale lock aside. If what was moved is no longer the stale lock judged (another process took
 * over in between), it is put back, so a fresh holder never loses its lock to a late taker.
 */
function takeOverStale(file: string, stale: LockHolder): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    if (readHolder(aside)?.nonce !== stale.nonce) linkSync(aside, file);
  } catch {
    // Someone holds it again already: the next attempt reads that holder.
  } finally {
    rmSync(aside, { force: true });
  }
}

function commandLine(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : "node";
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const name = script === "main.ts" || script === "astana.js" || script === "astana" ? "astana" : script;
  return [name, ...args.slice(0, 2)].join(" ");
}
