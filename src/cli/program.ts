import { Command } from "commander";
import type { AppModule } from "../server/platform/module.ts";
import { installedModules } from "../server/platform/registry.ts";
import { version } from "../server/version.ts";
import { registerAuditCommands } from "./audit.ts";
import { registerBackupCommands } from "./backup.ts";
import { exitCodesHelp } from "./common.ts";
import { registerServeCommands } from "./serve.ts";

/**
 * The whole `astana` program: the platform's own subcommands (serve, migrate, audit, backup) and each
 * module's, registered by its manifest's `cli`, in the modules' order; the CLI knows no module by
 * name. A new one per run: commander keeps the parsed options on its commands, so the server builds
 * one for each command it runs on a CLI's behalf.
 */
export function buildProgram(modules: readonly AppModule[] = installedModules()): Command {
  const program = new Command()
    .name("astana")
    .description("Astana: convene multilateral peace talks and follow through what they agree.")
    .version(version, "-V, --version", "print the version and exit")
    .showHelpAfterError()
    .addHelpText("after", `\n${exitCodesHelp()}`)
    .exitOverride()
    // Options after a subcommand belong to it: `astana rounds update 23 --version 4` is the round's version.
    .enablePositionalOptions();

  registerServeCommands(program, () => buildProgram(modules));
  for (const module of modules) module.cli?.(program);
  registerAuditCommands(program);
  registerBackupCommands(program);
  return program;
}
