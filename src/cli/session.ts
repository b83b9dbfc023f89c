// What every command of the process record shares: the server's modules loaded on demand (so `--help`
// stays quick), one database session under the system actor "cli", and one way to print the answer.
import type { Command } from "commander";
import type { z } from "zod";
import type * as AccountContracts from "../contracts/accounts.ts";
import type * as ProcessContracts from "../contracts/process.ts";
import type * as RecordContracts from "../contracts/record.ts";
import type * as CoreModule from "../server/modules/core/index.ts";
import type * as RecordModule from "../server/modules/record/index.ts";
import type { Actor } from "../server/platform/authz.ts";
import type { Db } from "../server/platform/db.ts";
import type { Operation } from "../server/platform/operation.ts";
import { runCommand, UsageError, withDatabase } from "./common.ts";
import { type JsonOption, type RoundOptions, roundNumber } from "./options.ts";

export type Contracts = {
  process: typeof ProcessContracts;
  record: typeof RecordContracts;
  accounts: typeof AccountContracts;
};

/** One command's access to the platform: the same operations and reads the HTTP routes use. */
export type Session = {
  db: Db;
  actor: Actor;
  core: typeof CoreModule;
  record: typeof RecordModule;
  contracts: Contracts;
  /** Runs an operation exactly as the route does (one transaction, audited), as `system:cli`. */
  run<Schema extends z.ZodType, Result, Target>(
    operation: Operation<Schema, Result, Target>,
    input: z.input<Schema>,
  ): Promise<Result>;
  /** The process named by --process, or the only one there is. */
  processRef(given: string | undefined): Promise<string>;
  /** The id of the round named by its number (argument or --number) in --process. */
  roundId(argument: string | undefined, options: RoundOptions): Promise<string>;
};

/** What a command answers: the value, the route's response contract, and its text for a person. */
export type Output<T> = {
  value: T;
  /** The matching route's response schema, so `--json` prints exactly what the API answers. */
  contract: ((contracts: Contracts) => z.ZodType) | null;
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

async function loadContracts(): Promise<Contracts> {
  const [process, record, accounts] = await Promise.all([
    import("../contracts/process.ts"),
    import("../contracts/record.ts"),
    import("../contracts/accounts.ts"),
  ]);
  return { process, record, accounts };
}

/**
 * Opens the database for one command. As on the server's first start, an empty database with DEMO on
 * gets the demonstration record first, so the CLI and the web app show the same record.
 */
async function openSession<T>(body: (session: Session) => Promise<T>): Promise<T> {
  const [core, record, authz, operations, contracts] = await Promise.all([
    import("../server/modules/core/index.ts"),
    import("../server/modules/record/index.ts"),
    import("../server/platform/authz.ts"),
    import("../server/platform/operation.ts"),
    loadContracts(),
  ]);
  return withDatabase(async (database, config) => {
    const db = database.db;
    const actor = authz.systemActor("cli");
    const session: Session = {
      db,
      actor,
      core,
      record,
      contracts,
      run: (operation, input) => operations.runOperation({ db }, operation, actor, input),
      processRef: async (given) => given ?? (await onlyProcess(session)),
      roundId: async (argument, options) =>
        core.findRoundIdByNumber(
          db,
          actor,
          await session.processRef(options.process),
          roundNumber(argument, options),
        ),
    };
    if (config.DEMO && (await core.listProcesses(db, actor)).items.length === 0) {
      const { DomainError } = await import("../server/platform/errors.ts");
      await operations
        .runOperation({ db }, record.loadDemo, authz.systemActor("start-up"), {})
        .then(() => process.stderr.write("Loaded the demonstration record (empty database, DEMO on).\n"))
        .catch((error: unknown) => {
          if (!(error instanceof DomainError && error.status === 409)) throw error;
        });
    }
    return body(session);
  });
}

async function onlyProcess(session: Session): Promise<string> {
  const { items } = await session.core.listProcesses(session.db, session.actor);
  const [only] = items;
  if (only && items.length === 1) return only.slug;
  throw new UsageError(
    items.length === 0
      ? "There is no process yet: create one with `astana processes create`."
      : `Name the process with --process (one of: ${items.map((item) => item.slug).join(", ")}).`,
  );
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
        const contract = output.contract(await loadContracts());
        process.stdout.write(`${JSON.stringify(contract.encode(output.value))}\n`);
      }
      return output.exitCode;
    });
  };
}
