import { sql } from "drizzle-orm";
import { z } from "zod";
import { SetupBody } from "../../../../contracts/accounts.ts";
import { Conflict, DomainError } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { accountEvent } from "../presenters.ts";
import { insertAccount } from "./create-account.ts";
import { discardSetupTokens, isValidSetupToken, needsFirstAdministrator } from "./shared/setup-token.ts";

export { needsFirstAdministrator };

const whereTheLinkIs =
  "the setup link the server printed on its console when it started (`npm start` or `astana serve`); restart the server to print a new one, or create the administrator with `astana user create --admin`";

/**
 * core.setup.first-administrator: whoever holds a one-time setup token (from the link printed on
 * the server's console) may create the first administrator, only while there is none. The check
 * runs under a lock inside the transaction, so two racing visitors cannot both succeed; the token is
 * used up with it.
 */
export const setUpFirstAdministrator = defineOperation({
  name: "core.setup.first-administrator",
  input: SetupBody.extend({ isAdmin: z.literal(true).default(true) }),
  authorize: () => true,
  scope: () => ({ subjectType: "account", tier: "process", processId: null }),
  run: async (ctx, input) => {
    await ctx.tx.execute(sql`select pg_advisory_xact_lock(7246002)`);
    if (!(await needsFirstAdministrator(ctx.tx))) {
      throw new Conflict(
        "This platform already has an administrator. Ask them to create your account.",
        null,
        "setup_done",
      );
    }
    if (input.token === undefined || input.token.length === 0) {
      throw new DomainError("setup_token_required", 403, `Setting up needs ${whereTheLinkIs}.`);
    }
    if (!(await isValidSetupToken(ctx.tx, input.token))) {
      throw new DomainError(
        "setup_token_invalid",
        403,
        `This setup token is not valid (it may have been used or has expired). Open ${whereTheLinkIs}.`,
      );
    }
    const { token: _token, ...account } = input;
    const created = await insertAccount(ctx.tx, { ...account, isAdmin: true });
    await discardSetupTokens(ctx.tx);
    ctx.audit({ subjectId: created.id, data: { email: created.email, name: created.name, isAdmin: true } });
    ctx.emit(accountEvent("core.setup.first-administrator", created));
    return created;
  },
});
