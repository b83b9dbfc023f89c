// What every module's commands share: one database session under the system actor "cli", each
// module's `onOpen` run first (as on a server's start: an empty database with DEMO on gets the
// demonstration record), and one way to print the answer. The CLI knows no module: commands come
// from the manifests (`cli` in each module's module.ts).
import type { Command } from "commander";
import type { z } from "zod";
import type { Config } from "../server/config.ts";
import type { Actor } from "../server/platform/authz.ts";
import type { Db } from "../server/platform/db.ts";
import type { Operation } from "../server/platform/operation.ts";
import { runCommand, withDatabase } from "./common.ts";
import type { JsonOption } from "./options.ts";

/** One command's access to the platform: the same operations and reads the HTTP routes use. */
export type Session = {
  db: Db;
  actor: Actor;
  /** The validated configuration (e.g. PUBLIC_URL, which exports build their addresses on). */
  config: Config;
  /** Runs an operation exactly as the route does (one transaction, audited), as `system:cli`. */
  run<Schema extends z.ZodType, Result, Target>(
    operation: Operation<Schema, Result, Target>,
    input: z.input<Schema>,
  ): Promise<Result>;
};

/** What a command answers: the value, the route's response contract, and its text for a person. */
export type Output<T> = {
  value: T;
  /** The matching route's response schema, so `--json` prints exactly what the API answers. */
  contract: (() => z.ZodType) | null;
  text: (value: T) => string;
  exitCode?: number;
};

/** An output; a function rather than an object literal so that `text` gets the value's type. */
export function output<T>(
  value: T,
  contract: Output<T>["contract"],
  text: (value: T) => string,
  exitCode?: number,
): Output<T> {
  return { value, contract, text, exitCode };
}

/** The start-up logger of the CLI: what a module's start-up task says goes to standard error. */
const startLog = {
  info: (...args: unknown[]) =>
    process.stderr.write(`${String(args.findLast((arg) => typeof arg === "string") ?? "")}\n`),
  warn: (...args: unknown[]) =>
    process.stderr.write(`${String(args.findLast((arg) => typeof arg === "string") ?? "")}\n`),
};

/**
 * Opens the database for one command, running every installed module's `onOpen` first, as a
 * server's start does (an empty database with DEMO on gets the demonstration record).
 */
async function openSession<T>(body: (session: Session) => Promise<T>): Promise<T> {
  const [authz, operations, registry] = await Promise.all([
    import("../server/platform/authz.ts"),
    import("../server/platform/operation.ts"),
    import("../server/platform/registry.ts"),
  ]);
  return withDatabase(async (database, config) => {
    const db = database.db;
    const actor = authz.systemActor("cli");
    for (const module of registry.installedModules())
      await module.onOpen?.({ config, database, db, log: startLog as never });
    return body({
      db,
      actor,
      config,
      run: (operation, input) => operations.runOperation({ db }, operation, actor, input),
    });
  });
}

/**
 * Makes a commander action of a command body: it gets a session, its options and its arguments; its
 * output is printed as the API's JSON with --json, as text otherwise; errors become exit codes.
 */
export function act<Options extends object, T>(
  body: (session: Session, options: Options, args: (string | undefined)[]) => Promise<Output<T>>,
): (...params: unknown[]) => Promise<void> {
  return async (...params) => {
    const command = params.at(-1) as Command;
    const options = command.opts<Options & JsonOption>();
    const args = params.slice(0, -2) as (string | undefined)[];
    await runCommand(async () => {
      const output = await openSession((session) => body(session, options, args));
      if (!options.json) process.stdout.write(`${output.text(output.value)}\n`);
      else if (output.contract) {
        const contract = output.contract();
        process.stdout.write(`${JSON.stringify(contract.encode(output.value))}\n`);
      }
      return output.exitCode;
    });
  };
}
