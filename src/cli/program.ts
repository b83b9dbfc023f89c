import { Command } from "commander";
import { version } from "../server/version.ts";
import { registerAccountCommands } from "./accounts.ts";
import { registerAuditCommands } from "./audit.ts";
import { registerBackupCommands } from "./backup.ts";
import { exitCodesHelp } from "./common.ts";
import { registerDelegationCommands } from "./delegations.ts";
import { registerDemoCommands } from "./demo.ts";
import { registerMeetingCommands } from "./meetings.ts";
import { registerParticipantCommands } from "./participants.ts";
import { registerProcessCommands } from "./processes.ts";
import { registerRecordCommands } from "./record.ts";
import { registerRoundCommands } from "./rounds.ts";
import { registerServeCommands } from "./serve.ts";
import { registerUserCommands } from "./users.ts";

/**
 * The whole `astana` program. A new one per run: commander keeps the parsed options on its commands,
 * so the server builds one for each command it runs on a CLI's behalf.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name("astana")
    .description("Astana: convene multilateral peace talks and follow through what they agree.")
    .version(version, "-V, --version", "print the version and exit")
    .showHelpAfterError()
    .addHelpText("after", `\n${exitCodesHelp()}`)
    .exitOverride()
    // Options after a subcommand belong to it: `astana rounds update 23 --version 4` is the round's version.
    .enablePositionalOptions();

  registerServeCommands(program, buildProgram);
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
  registerBackupCommands(program);
  return program;
}
