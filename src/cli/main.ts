import { CommanderError } from "commander";
import { appModules } from "../server/modules.ts";
import { exitCodes, runCommand } from "./common.ts";
import { buildProgram } from "./program.ts";

const program = buildProgram(appModules);

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
