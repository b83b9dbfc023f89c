import { Command, CommanderError } from "commander";
import { appModules } from "../server/modules.ts";
import { version } from "../server/version.ts";
import { registerAuditCommands } from "./audit.ts";
import { exitCodes, exitCodesHelp, runCommand } from "./common.ts";
import { registerServeCommands } from "./serve.ts";

const program = new Command()
  .name("astana")
  .description("Astana: convene multilateral peace talks and follow through what they agree.")
  .version(version, "-V, --version", "print the version and exit")
  .showHelpAfterError()
  .addHelpText("after", `\n${exitCodesHelp()}`)
  .exitOverride()
  // Options after a subcommand belong to it: `astana rounds update 23 --version 4` is the round's version.
  .enablePositionalOptions();

// The platform's own commands, then each module's, from its manifest, in the modules' order.
registerServeCommands(program);
for (const module of appModules) module.cli?.(program);
registerAuditCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version exit 0; every other complaint of the parser is a usage error.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    await runCommand(async () => {
      throw error;
    });
  }
}
