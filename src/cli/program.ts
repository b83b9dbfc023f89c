import { Command } from "commander";
import type { AppModule } from "../server/platform/module.ts";
import { version } from "../server/version.ts";
import { registerAuditCommands } from "./audit.ts";
import { exitCodesHelp } from "./common.ts";
import { registerServeCommands } from "./serve.ts";

/**
 * The `astana` command: the platform's own subcommands (serve, migrate, audit) and each module's,
 * registered by its manifest's `cli`, in the modules' order. The CLI knows no module by name.
 */
export function buildProgram(modules: readonly AppModule[]): Command {
  const program = new Command()
    .name("astana")
    .description("Astana: convene multilateral peace talks and follow through what they agree.")
    .version(version, "-V, --version", "print the version and exit")
    .showHelpAfterError()
    .addHelpText("after", `\n${exitCodesHelp()}`)
    .exitOverride()
    // Options after a subcommand belong to it: `astana rounds update 23 --version 4` is the round's version.
    .enablePositionalOptions();
  registerServeCommands(program);
  for (const module of modules) module.cli?.(program);
  registerAuditCommands(program);
  return program;
}
