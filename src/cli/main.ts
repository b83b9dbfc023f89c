import { Command, CommanderError } from "commander";
import { registerAuditCommands } from "./audit.ts";
import { exitCodes, runCommand } from "./common.ts";
import { registerDemoCommands } from "./demo.ts";
import { registerServeCommands } from "./serve.ts";
import { registerUserCommands } from "./users.ts";

const program = new Command()
  .name("astana")
  .description("Astana: convene multilateral peace talks and follow through what they agree.")
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerDemoCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    await runCommand(async () => {
      throw error;
    });
  }
}
