import type { Command } from "commander";
import type { CreateAccountInput } from "../contracts/accounts.ts";
import { BadRequest } from "../server/platform/errors.ts";
import {
  callerEnvironment,
  readStandardInput,
  readsStandardInput,
  runCommand,
  standardInputIsTerminal,
  withDatabase,
} from "./common.ts";

type CreateOptions = { email: string; name: string; admin?: boolean; locale: string; json?: boolean };

/** `astana user create`: the operator's way to create accounts, including the first administrator. */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("Manage accounts");
  const create = user
    .command("create")
    .description(
      "Create an account (the password is read from ASTANA_PASSWORD or standard input). Exit codes: 0 created, 2 wrong options, 4 refused (e-mail taken, password too short, bad value)",
    )
    .requiredOption("--email <email>", "the account's e-mail address, used to sign in")
    .requiredOption("--name <name>", "the person's name as it should be shown")
    .option("--admin", "make the account a platform administrator")
    .option("--locale <locale>", "interface language: en, ru or ar", "en")
    .option("--json", "print the created account as JSON")
    .action(async (options: CreateOptions) => {
      await runCommand(async () => {
        const password = callerEnvironment("ASTANA_PASSWORD") ?? (await readStdin()).replace(/\r?\n$/, "");
        const input = await checkedInput(options, password);
        const { createAccount } = await import("../server/modules/core/index.ts");
        const { systemActor } = await import("../server/platform/authz.ts");
        const { runOperation } = await import("../server/platform/operation.ts");
        const created = await withDatabase((database) =>
          runOperation({ db: database.db }, createAccount, systemActor("cli"), input),
        );
        process.stdout.write(
          options.json
            ? `${JSON.stringify(created)}\n`
            : `Created ${created.isAdmin ? "administrator " : ""}${created.email} (${created.id}).\n`,
        );
      });
    });
  readsStandardInput(create, () => process.env.ASTANA_PASSWORD === undefined);
}

/**
 * Checks the account before the database is opened, so a refused value fails at once and the message
 * names the option at fault (`password: At least 10 characters.`), never echoing the password.
 */
async function checkedInput(options: CreateOptions, password: string): Promise<CreateAccountInput> {
  const { CreateAccountInput } = await import("../contracts/accounts.ts");
  const parsed = CreateAccountInput.safeParse({
    email: options.email,
    name: options.name,
    password,
    isAdmin: options.admin === true,
    locale: options.locale,
  });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new BadRequest(`The account was refused:\n  ${lines.join("\n  ")}`, null, "invalid_input");
}

async function readStdin(): Promise<string> {
  if (standardInputIsTerminal()) {
    process.stderr.write("Password: ");
  }
  return readStandardInput();
}
