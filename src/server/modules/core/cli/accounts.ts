import type { Command } from "commander";
import { lines } from "../../../../cli/format.ts";
import { json } from "../../../../cli/options.ts";
import { act, output, type Session } from "../../../../cli/session.ts";
import type { Account, Locale } from "../../../../contracts/accounts.ts";
import * as accountContracts from "../../../../contracts/accounts.ts";
import { NotFound } from "../../../platform/errors.ts";
import * as core from "../api.ts";

function accountLine(account: Account): string {
  const flags = [
    account.isAdmin && "administrator",
    account.twoFactorEnabled && "2FA",
    account.disabled && "disabled",
  ].filter(Boolean);
  return `${account.email.padEnd(32)}  ${account.locale}  ${account.name}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
}

/** An account named by its id or its e-mail address (the operations take ids). */
async function accountId(session: Session, ref: string): Promise<string> {
  const { accounts } = await core.listAccounts(session.db);
  const wanted = ref.trim().toLowerCase();
  const found = accounts.find((account) => account.id === ref || account.email === wanted);
  if (!found) throw new NotFound("Account", ref);
  return found.id;
}

type MembershipOptions = { delegation: string; account: string };

/** `astana accounts …` and `astana memberships …`: people, and who sits on which delegation. */
export function registerAccountCommands(program: Command): void {
  const accounts = program
    .command("accounts")
    .description("Accounts (create them with `astana user create`)");
  json(accounts.command("list").description("Every account (GET /api/accounts)")).action(
    act(async (s) =>
      output(
        await core.listAccounts(s.db),
        () => accountContracts.AccountList,
        (list) => lines(list.accounts.map(accountLine), "No accounts."),
      ),
    ),
  );

  json(
    accounts
      .command("update")
      .description("Change an account's name, language or administrator right (core.account.update)")
      .argument("<account>", "id or e-mail address")
      .option("--name <name>", "the person's name as it should be shown")
      .option("--locale <locale>", "interface language: en, ru or ar")
      .option("--admin", "make the account an administrator")
      .option("--no-admin", "take the administrator right away")
      .option("--disabled", "disable the account: its sessions end at once (core.account.disable)")
      .option("--no-disabled", "let a disabled account sign in again (core.account.enable)"),
  ).action(
    act(async (s, o: { name?: string; locale?: Locale; admin?: boolean; disabled?: boolean }, [ref]) => {
      const id = await accountId(s, ref as string);
      const changes = o.name !== undefined || o.locale !== undefined || o.admin !== undefined;
      let account = changes
        ? await s.run(core.updateAccount, {
            accountId: id,
            name: o.name,
            locale: o.locale,
            isAdmin: o.admin,
          })
        : undefined;
      if (o.disabled !== undefined)
        account = await s.run(o.disabled ? core.disableAccount : core.enableAccount, { accountId: id });
      if (account === undefined)
        account = await s.run(core.updateAccount, {
          accountId: id,
          name: o.name,
          locale: o.locale,
          isAdmin: o.admin,
        });
      return output(
        account,
        () => accountContracts.Account,
        (updated) => `Updated ${accountLine(updated)}`,
      );
    }),
  );

  const memberships = program
    .command("memberships")
    .description("Who sits on which delegation (which gives them its roles in the process)");
  const membership = (verb: string, description: string) =>
    json(
      memberships
        .command(verb)
        .description(description)
        .requiredOption(
          "--delegation <id>",
          "the delegation (its delegationId in `astana delegations list --json`)",
        )
        .requiredOption("--account <account>", "id or e-mail address"),
    );

  membership("add", "Put an account on a delegation (core.membership.add)")
    .option("--position <position>", 'e.g. "head of delegation"', "member")
    .action(
      act(async (s, o: MembershipOptions & { position: string }) =>
        output(
          await s.run(core.addMembership, {
            delegationId: o.delegation,
            accountId: await accountId(s, o.account),
            position: o.position,
          }),
          () => accountContracts.DelegationMember,
          (member) => `Added ${o.account} to delegation ${member.delegationId} as ${member.position}.`,
        ),
      ),
    );

  membership(
    "remove",
    "Take an account off a delegation (core.membership.remove); --json prints nothing, as the API answers 204",
  ).action(
    act(async (s, o: MembershipOptions) =>
      output(
        await s.run(core.removeMembership, {
          delegationId: o.delegation,
          accountId: await accountId(s, o.account),
        }),
        null,
        (member) => `Removed ${o.account} from delegation ${member.delegationId}.`,
      ),
    ),
  );
}
