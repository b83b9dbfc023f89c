// Option parsing shared by the commands of the process record: how a process, a round and a version
// are named on the command line, and how names, texts and JSON bodies become an operation's input.
import { type Command, InvalidArgumentError } from "commander";
import { BadRequest } from "../server/platform/errors.ts";
import { readCallerFile, readStandardInput, standardInputIsTerminal, UsageError } from "./common.ts";

/** A whole number for a command-line value; anything else is a usage error (exit 2), not a refused input. */
export function integer(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError("Use a whole number.");
  return Number(value);
}

export type JsonOption = { json?: boolean };
export type ProcessOption = { process?: string };
export type VersionOption = { version?: number };
export type RoundOptions = ProcessOption & { number?: number };

/** `--json`: print exactly what the HTTP API answers. */
export function json(command: Command): Command {
  return command.option("--json", "print the API's JSON answer instead of text");
}

/** `--process`: by id or slug; may be left out when the database holds a single process. */
export function processOption(command: Command): Command {
  return command.option("--process <process>", "the process, by id or slug (default: the only one)");
}

/** The round a command acts on: `<number>` (or `--number`), in `--process`. */
export function roundSelector(command: Command): Command {
  return processOption(
    command
      .argument("[number]", "the round's number")
      .option("--number <n>", "the round's number (instead of the argument)", integer),
  );
}

/** The round number given as the argument or as `--number`; exactly one of them, or the same. */
export function roundNumber(argument: string | undefined, options: RoundOptions): number {
  const given = argument === undefined ? undefined : parseWhole(argument, "number");
  if (given !== undefined && options.number !== undefined && given !== options.number) {
    throw new UsageError(`The round is given twice: ${given} and --number ${options.number}.`);
  }
  const number = given ?? options.number;
  if (number === undefined) throw new UsageError("Name the round: give its number.");
  return number;
}

function parseWhole(value: string, what: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${what}: use a whole number, not "${value}".`);
  return Number(value);
}

/** `--version`: the version last read; a write based on an older one is refused with the current one. */
export function versionOption(command: Command, required = false): Command {
  const flags = "--version <n>";
  const description = "the version you read (refused with 409 stale_version if it changed since)";
  return required
    ? command.requiredOption(flags, description, integer)
    : command.option(flags, description, integer);
}

/** `--name`, `--name-ru`, `--name-ar`: a record's names in the three languages. */
export function nameOptions(command: Command, what: string, required = false): Command {
  const english = `${what}'s English name`;
  if (required) command.requiredOption("--name <name>", english);
  else command.option("--name <name>", english);
  return command
    .option("--name-ru <name>", `${what}'s Russian name`)
    .option("--name-ar <name>", `${what}'s Arabic name`);
}

type NameFlags = { name?: string; nameRu?: string; nameAr?: string };

/** The names object of the API, or undefined when no name was given (an update leaves them as they are). */
export function namesFrom(options: NameFlags): { en?: string; ru?: string; ar?: string } | undefined {
  if (options.name === undefined && options.nameRu === undefined && options.nameAr === undefined) {
    return undefined;
  }
  if (options.name === undefined)
    throw new UsageError("--name (English) is needed with --name-ru or --name-ar.");
  return {
    en: options.name,
    ...(options.nameRu !== undefined && { ru: options.nameRu }),
    ...(options.nameAr !== undefined && { ar: options.nameAr }),
  };
}

/** A text an update may clear: `--city ""` sends null, a missing option sends nothing. */
export function clearable(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value.trim() === "" ? null : value;
}

/**
 * A JSON body read from a file, or from standard input for "-" or no path. Unreadable files are usage
 * errors; malformed JSON is refused input, as the API answers it (400 invalid_json).
 */
export async function readJson(path: string | undefined, option: string): Promise<unknown> {
  let text: string;
  if (path === undefined || path === "-") {
    if (standardInputIsTerminal()) throw new UsageError(`Give ${option} <file>, or pipe the JSON in.`);
    text = await readStandardInput();
  } else {
    try {
      text = await readCallerFile(path);
    } catch (error) {
      throw new UsageError(`${option}: cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`${option}: not valid JSON (${(error as Error).message})`, null, "invalid_json");
  }
}

/** One of the values a contract allows for a query option (`--order`, `--kind`, `--lang`), or exit 2. */
export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option}: use one of ${allowed.join(", ")} (not "${value}").`);
}

/**
 * `--<flag>` (English), `--<flag>-ru`, `--<flag>-ar` and `--<flag>-original`: a text of the record in
 * several languages, as the API and the forms take it (announcements, decisions, statements).
 */
export function textOptions(command: Command, flag: string, what: string): Command {
  return command
    .option(`--${flag} <text>`, `${what}, in English`)
    .option(`--${flag}-ru <text>`, `${what}, in Russian`)
    .option(`--${flag}-ar <text>`, `${what}, in Arabic`)
    .option(
      `--${flag}-original <lang>`,
      `the language ${what} was written in (en, ru, ar; default en), the one the others translate`,
    );
}

/**
 * The API's text input from `textOptions`: one English string when only English is given, else the
 * versions with their original; undefined when none is given. The contract checks the rest (that the
 * original's version is there).
 */
export function textFrom(
  options: Record<string, unknown>,
  flag: string,
): string | { original: "en" | "ru" | "ar"; en?: string; ru?: string; ar?: string } | undefined {
  const key = flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const en = options[key] as string | undefined;
  const ru = options[`${key}Ru`] as string | undefined;
  const ar = options[`${key}Ar`] as string | undefined;
  const original =
    oneOf(
      options[`${key}Original`] as string | undefined,
      ["en", "ru", "ar"] as const,
      `--${flag}-original`,
    ) ?? "en";
  if (en === undefined && ru === undefined && ar === undefined) return undefined;
  if (original === "en" && ru === undefined && ar === undefined) return en;
  return {
    original,
    ...(en !== undefined && { en }),
    ...(ru !== undefined && { ru }),
    ...(ar !== undefined && { ar }),
  };
}
