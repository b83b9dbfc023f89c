import { Command, CommanderError } from "commander";
import { version } from "../server/version.ts";
import { registerAccountCommands } from "./accounts.ts";
import { registerAuditCommands } from "./audit.ts";
import { exitCodes, exitCodesHelp, runCommand } from "./common.ts";
import { registerDelegationCommands } from "./delegations.ts";
import { registerDemoCommands } from "./demo.ts";
import { registerMeetingCommands } from "./meetings.ts";
import { registerParticipantCommands } from "./participants.ts";
import { registerProcessCommands } from "./processes.ts";
import { registerRecordCommands } from "./record.ts";
import { registerRoundCommands } from "./rounds.ts";
import { registerServeCommands } from "./serve.ts";
import { registerUserCommands } from "./users.ts";

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
registerUserCommands(program);
registerAccountCommands(program);
registerAuditCommands(program);
registerProcessCommands(program);
registerParticipantCommands(program);
registerRoundCommands(program);
registerMeetingCommands(program);
registerDelegationCommands(program);
registerRecordCommands(program);
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
