import { Command, CommanderError } from "commander";
import { version } from "../server/version.ts";
import { registerAuditCommands } from "./audit.ts";
import { exitCodes, exitCodesHelp, runCommand } from "./common.ts";
import { registerDemoCommands } from "./demo.ts";
import { registerProcessCommands } from "./process.ts";
import { registerServeCommands } from "./serve.ts";
import { registerUserCommands } from "./users.ts";

const program = new Command()
  .name("astana")
  .description("Astana: convene multilateral peace talks and follow through what they agree.")
  .version(version, "-V, --version", "print the version and exit")
  .showHelpAfterError()
  .addHelpText("after", `\n${exitCodesHelp()}`)
  .exitOverride();

registerServeCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerProcessCommands(program);
registerDemoCommands(program);

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
