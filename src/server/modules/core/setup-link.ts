import { systemActor } from "../../platform/authz.ts";
import type { ServerDeps } from "../../platform/module.ts";
import { runOperation } from "../../platform/operation.ts";
import { issueSetupToken } from "./operations/issue-setup-token.ts";
import { needsFirstAdministrator } from "./operations/shared/setup-token.ts";

/** The address of the first-run setup page with its one-time token. */
export function setupLinkFor(publicUrl: string, token: string): string {
  return `${publicUrl}/setup?token=${encodeURIComponent(token)}`;
}

/**
 * At start-up, while no administrator exists: issues a one-time setup token and prints the setup link
 * on the console (a plain line for the person who started the server, and a log entry), since only
 * the operator sees the console. Prints nothing once an administrator exists. Returns the link.
 */
export async function announceSetupLink(deps: ServerDeps): Promise<string | null> {
  if (!(await needsFirstAdministrator(deps.db))) return null;
  const { token } = await runOperation({ db: deps.db }, issueSetupToken, systemActor("start-up"), {});
  const link = setupLinkFor(deps.config.publicUrl, token);
  deps.log.warn({ setupUrl: link }, "no administrator yet: open the setup link to create the first one");
  if (deps.config.LOG_LEVEL !== "silent") {
    process.stdout.write(
      `\nNo administrator exists yet. To create the first one, open this one-time link:\n\n    ${link}\n\n(It works once; restart the server to print a new one, or use \`astana user create --admin\`.)\n\n`,
    );
  }
  return link;
}
