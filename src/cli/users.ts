import type { Command } from "commander";
import { createAccount } from "../server/modules/core/index.ts";
import { systemActor } from "../server/platform/authz.ts";
import { runOperation } from "../server/platform/operation.ts";
import { runCommand, withDatabase } from "./common.ts";

/** `astana user create`: the operator's way to create accounts, including the first administrator. */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("Manage accounts");
  user
    .command("create")
    .description("Create an account (the password is read from ASTANA_PASSWORD or standard input)")
    .requiredOption("--email <email>", "the account's e-mail address, used to sign in")
    .requiredOption("--name <name>", "the person's name as it should be shown")
    .option("--admin", "make the account a platform administrator")
    .option("--locale <locale>", "interface language: en, ru or ar", "en")
    .option("--json", "print the created account as JSON")
    .action(
      async (options: { email: string; name: string; admin?: boolean; locale: string; json?: boolean }) => {
        await runCommand(async () => {
          const password = process.env.ASTANA_PASSWORD ?? (await readStdin()).replace(/\r?\n$/, "");
          const created = await withDatabase((database) =>
            runOperation({ db: database.db }, createAccount, systemActor("cli"), {
              email: options.email,
              name: options.name,
              password,
              isAdmin: options.admin === true,
              locale: options.locale,
            }),
          );
          process.stdout.write(
            options.json
              ? `${JSON.stringify(created)}\n`
              : `Created ${created.isAdmin ? "administrator " : ""}${created.email} (${created.id}).\n`,
          );
        });
      },
    );
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password: ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
