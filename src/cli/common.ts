// Kept light on purpose: `--help` and usage errors load this file and commander only; the server's
// modules (the database drivers, the operations) are imported inside the actions that need them.
import { AsyncLocalStorage } from "node:async_hooks";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, CommanderError } from "commander";
import type { Config } from "../server/config.ts";
import type { Database } from "../server/platform/db.ts";
import { DomainError } from "../server/platform/errors.ts";

/** Exit codes scripts can rely on; the README lists them. */
export const exitCodes = {
  ok: 0,
  /** The command ran and found a problem (e.g. a broken audit chain). */
  failed: 1,
  /** Wrong arguments or options. */
  usage: 2,
  /** The configuration is invalid. */
  config: 3,
  /** The input was refused by the platform's rules (a duplicate, a bad value). */
  refused: 4,
  /** Anything else: the database could not be reached, a bug. */
  error: 70,
  /** The embedded database is held by another process (a running server, for a command that cannot go through it). */
  busy: 75,
} as const;

/** The exit codes as the top-level `--help` lists them, so a script's author need not read the source. */
export function exitCodesHelp(): string {
  return [
    "Exit codes:",
    `  ${exitCodes.ok}   success`,
    `  ${exitCodes.failed}   the command ran and found a problem (e.g. a broken audit chain)`,
    `  ${exitCodes.usage}   wrong command, arguments or options`,
    `  ${exitCodes.config}   invalid configuration (the message names the variable)`,
    `  ${exitCodes.refused}   the input was refused (a duplicate, a bad value)`,
    `  ${exitCodes.error}  anything else (the database could not be reached, a bug)`,
    `  ${exitCodes.busy}  the embedded database is held by another process (the message names it and what to do)`,
  ].join("\n");
}

/**
 * A mistake in the command line found only once the command runs (a missing round number, an unknown
 * --order): it exits 2 like the parser's own complaints, so scripts tell it from a refused input.
 */
export class UsageError extends Error {}

/**
 * A command run inside the server on behalf of a CLI process (see remote.ts): the server's database,
 * what the caller sent (standard input, working directory, ASTANA_PASSWORD), and what the command
 * answers, kept per call so concurrent calls never mix their output or exit codes.
 */
export type InServerCall = {
  database: Database;
  config: Config;
  cwd: string;
  stdin: string | undefined;
  env: Record<string, string>;
  stdout: string[];
  stderr: string[];
  exitCode: number;
  files: { path: string; content: Buffer; private: boolean }[];
};

/** The call being run inside the server, if this command runs there. */
export const inServerCall = new AsyncLocalStorage<InServerCall>();

/** Sets the exit code of the command being run: the process's, or the in-server call's. */
export function setExitCode(code: number): void {
  const call = inServerCall.getStore();
  if (call) call.exitCode = code;
  else process.exitCode = code;
}

/** Thrown once a command has been done elsewhere (by the running server): only its exit code remains. */
export class CommandDone extends Error {
  readonly exitCode: number;
  constructor(exitCode: number) {
    super("done");
    this.exitCode = exitCode;
  }
}

/**
 * Thrown instead of reporting "busy" when the database was taken between the look at its lock and the
 * opening (a server starting meanwhile): nothing was touched, so the command is run again from the top.
 */
export class RunAgain extends Error {}

let runAgainWhenBusy = false;

/** Whether a command that finds the database busy on opening it is run again (the CLI's first tries). */
export function setRunAgainWhenBusy(value: boolean): void {
  runAgainWhenBusy = value;
}

/** Runs a command body, turning the platform's errors into a message and an exit code. */
export async function runCommand(body: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await body();
    setExitCode(typeof code === "number" ? code : exitCodes.ok);
  } catch (error) {
    if (error instanceof RunAgain) throw error;
    if (
      error instanceof Error &&
      error.name === "DataDirectoryBusy" &&
      runAgainWhenBusy &&
      !inServerCall.getStore()
    ) {
      throw new RunAgain();
    }
    if (error instanceof CommandDone) {
      setExitCode(error.exitCode);
    } else if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      setExitCode(exitCodes.usage);
    } else if (error instanceof DomainError) {
      const details = error.details ? `\n${JSON.stringify(error.details, null, 2)}` : "";
      process.stderr.write(`${error.code}: ${error.message}${details}\n`);
      setExitCode(error.status === 401 || error.status === 403 ? exitCodes.failed : exitCodes.refused);
    } else if (error instanceof Error && error.name === "ConfigError") {
      process.stderr.write(`${error.message}\n`);
      setExitCode(exitCodes.config);
    } else if (error instanceof Error && error.name === "DataDirectoryBusy") {
      process.stderr.write(`${error.message}\n`);
      setExitCode(exitCodes.busy);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      setExitCode(exitCodes.error);
    }
  }
}

const localOnly = new WeakMap<Command, string>();
const stdinReaders = new WeakMap<Command, (options: Record<string, unknown>) => boolean>();

/**
 * Marks a command that cannot run through a running server (it must open the database itself):
 * while a server holds the embedded database it refuses before touching anything, saying `why`.
 */
export function runsWithoutServer(command: Command, why: string): Command {
  localOnly.set(command, why);
  return command;
}

/** Why a command cannot run through the server, or undefined if it can. */
export function whyNotThroughServer(command: Command): string | undefined {
  return localOnly.get(command);
}

/** Marks a command that reads standard input when `when(options)`, so it is sent along to the server. */
export function readsStandardInput(
  command: Command,
  when: (options: Record<string, unknown>) => boolean = () => true,
): Command {
  stdinReaders.set(command, when);
  return command;
}

/** Whether this command, with these options, reads standard input. */
export function commandReadsStandardInput(command: Command): boolean {
  return stdinReaders.get(command)?.(command.opts()) ?? false;
}

/** An environment variable of the caller (the CLI process, even when the command runs in the server). */
export function callerEnvironment(name: string): string | undefined {
  const call = inServerCall.getStore();
  return call ? call.env[name] : process.env[name];
}

/** Whether standard input is a terminal (never, for a command run inside the server). */
export function standardInputIsTerminal(): boolean {
  return inServerCall.getStore() ? false : process.stdin.isTTY === true;
}

let ownStandardInput: Promise<string> | undefined;

/** The caller's whole standard input (read once: a command run again reads the same). */
export async function readStandardInput(): Promise<string> {
  const call = inServerCall.getStore();
  if (call) return call.stdin ?? "";
  ownStandardInput ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  })();
  return ownStandardInput;
}

/** A path the caller gave, resolved against the caller's working directory. */
export function callerPath(file: string): string {
  return path.resolve(inServerCall.getStore()?.cwd ?? process.cwd(), file);
}

/** Reads a file the caller named. */
export function readCallerFile(file: string): Promise<string> {
  return readFile(callerPath(file), "utf8");
}

/**
 * Writes a file the caller asked for. Inside the server the content goes back to the CLI process,
 * which writes it, so the file lands where the caller asked and belongs to the caller. The file is
 * written whole (a temporary file renamed into place), readable by its owner only when `private`.
 */
export async function writeCallerFile(
  file: string,
  content: string | Buffer,
  options: { private?: boolean } = {},
): Promise<void> {
  const target = callerPath(file);
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const call = inServerCall.getStore();
  if (call) {
    call.files.push({ path: target, content: bytes, private: options.private === true });
    return;
  }
  await writeFileAtomically(target, bytes, options.private ? 0o600 : 0o644);
}

/** Writes a file through a temporary file in the same directory, so no reader sees half of it. */
export async function writeFileAtomically(target: string, content: Buffer, mode: number): Promise<void> {
  const draft = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(draft, content, { mode });
    await rename(draft, target);
  } finally {
    await rm(draft, { force: true });
  }
}

/**
 * Opens the configured database, migrated, for the length of one command, and always closes it.
 * Inside the server it is the server's own database, already migrated and left open.
 */
export async function withDatabase<T>(body: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const call = inServerCall.getStore();
  if (call) return body(call.database, call.config);
  const { loadConfig } = await import("../server/config.ts");
  const { migrateDatabase, openDatabase } = await import("../server/platform/db.ts");
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    return await body(database, config);
  } finally {
    await database.close();
  }
}

/** Parses and runs one command line (`from: "user"` for the arguments alone), setting its exit code. */
export async function runProgram(program: Command, argv: string[], from: "node" | "user"): Promise<void> {
  try {
    await program.parseAsync(argv, { from });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every other complaint of the parser is a usage error.
      setExitCode(error.exitCode === 0 ? exitCodes.ok : exitCodes.usage);
    } else {
      await runCommand(async () => {
        throw error;
      });
    }
  }
}
