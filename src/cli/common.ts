// What every command shares: exit codes, turning errors into them, and one database per command. The
// database drivers and the configuration are imported inside the actions that need them.
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
  ].join("\n");
}

/**
 * A mistake in the command line found only once the command runs (a missing round number, an unknown
 * --order): it exits 2 like the parser's own complaints, so scripts tell it from a refused input.
 */
export class UsageError extends Error {}

/** Runs a command body, turning the platform's errors into a message and an exit code. */
export async function runCommand(body: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = typeof code === "number" ? code : exitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = exitCodes.usage;
    } else if (error instanceof DomainError) {
      const details = error.details ? `\n${JSON.stringify(error.details, null, 2)}` : "";
      process.stderr.write(`${error.code}: ${error.message}${details}\n`);
      process.exitCode = error.status === 401 || error.status === 403 ? exitCodes.failed : exitCodes.refused;
    } else if (error instanceof Error && error.name === "ConfigError") {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = exitCodes.config;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = exitCodes.error;
    }
  }
}

/** Opens the configured database, migrated, for the length of one command, and always closes it. */
export async function withDatabase<T>(body: (database: Database, config: Config) => Promise<T>): Promise<T> {
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
