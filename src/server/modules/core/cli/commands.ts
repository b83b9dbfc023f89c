import type { Command } from "commander";
import { registerAccountCommands } from "./accounts.ts";
import { registerDelegationCommands } from "./delegations.ts";
import { registerMeetingCommands } from "./meetings.ts";
import { registerParticipantCommands } from "./participants.ts";
import { registerProcessCommands } from "./processes.ts";
import { registerRoundCommands } from "./rounds.ts";
import { registerUserCommands } from "./users.ts";

/** core's `astana` subcommands: users, accounts and memberships, processes, participants, rounds, meetings, delegations. */
export function registerCoreCommands(program: Command): void {
  for (const register of [
    registerUserCommands,
    registerAccountCommands,
    registerProcessCommands,
    registerParticipantCommands,
    registerRoundCommands,
    registerMeetingCommands,
    registerDelegationCommands,
  ]) {
    register(program);
  }
}
