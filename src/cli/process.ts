import type { Command } from "commander";
import type { ParticipantSummary, ProcessSummary, RoundSummary } from "../contracts/process.ts";
import {
  announceRound,
  cancelRound,
  concludeRound,
  createParticipant,
  createProcess,
  findRoundIdByNumber,
  getRound,
  listParticipants,
  listProcesses,
  listProcessRounds,
  openRound,
  planRound,
  postponeRound,
} from "../server/modules/core/index.ts";
import { systemActor } from "../server/platform/authz.ts";
import type { Db } from "../server/platform/db.ts";
import { type Operation, runOperation } from "../server/platform/operation.ts";
import { runCommand, withDatabase } from "./common.ts";

const actor = systemActor("cli");

function print(value: unknown, json: boolean | undefined, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

function dates(round: { startDate: string | null; endDate: string | null }): string {
  if (!round.startDate) return "dates not set";
  return round.endDate && round.endDate !== round.startDate
    ? `${round.startDate} – ${round.endDate}`
    : round.startDate;
}

function roundLine(round: RoundSummary): string {
  return `${String(round.number).padStart(3)}  ${round.status.padEnd(10)}  ${dates(round).padEnd(25)}  ${round.city ?? "—"}`;
}

function processLine(item: ProcessSummary): string {
  return `${item.slug.padEnd(20)}  ${item.status.padEnd(10)}  host ${item.host.name}  ${item.name}`;
}

function participantLine(item: ParticipantSummary): string {
  return `${item.slug.padEnd(28)}  ${item.kind.padEnd(12)}  ${item.name}`;
}

const toNumber = (value: string) => Number(value);

/**
 * Runs one round operation on the round named by process and number, then prints the round as it is
 * now. The operation is the same one the API calls, under the system actor "cli".
 */
async function roundCommand<Input>(
  options: { process: string; number: number; json?: boolean },
  operation: Operation<never, unknown, unknown>,
  input: Input,
): Promise<void> {
  await runCommand(async () => {
    const round = await withDatabase(async (database) => {
      const roundId = await findRoundIdByNumber(database.db, actor, options.process, options.number);
      await runOperation({ db: database.db }, operation, actor, { ...input, roundId });
      return getRound(database.db, actor, roundId);
    });
    print(
      round,
      options.json,
      () => `Round ${round.number} of ${round.processSlug}: ${roundLine(round).trim()}`,
    );
    return undefined;
  });
}

async function withDb<T>(body: (db: Db) => Promise<T>): Promise<T> {
  return withDatabase((database) => body(database.db));
}

/** `astana processes …`, `astana participants …` and `astana rounds …`: the process record from the shell. */
export function registerProcessCommands(program: Command): void {
  const processes = program.command("processes").description("Negotiation processes");
  processes
    .command("list")
    .description("List every process")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await runCommand(async () => {
        const list = await withDb((db) => listProcesses(db, actor));
        print(list.items, options.json, () => list.items.map(processLine).join("\n") || "No processes.");
        return undefined;
      });
    });
  processes
    .command("create")
    .description("Create a process (core.process.create)")
    .requiredOption("--slug <slug>", "its address, e.g. astana")
    .requiredOption("--name <name>", "its English name")
    .requiredOption("--host <participant>", "the host participant (id or slug)")
    .option("--guarantor <participant...>", "guarantor participants (ids or slugs)")
    .option("--city <city>", "default city of its rounds")
    .option("--venue <venue>", "default venue of its rounds")
    .option("--json", "print JSON")
    .action(async (options: Record<string, string | string[] | boolean | undefined>) => {
      await runCommand(async () => {
        const created = await withDb(async (db) => {
          const { id } = await runOperation({ db }, createProcess, actor, {
            slug: options.slug,
            names: { en: options.name },
            hostParticipantId: options.host,
            guarantorIds: options.guarantor,
            defaultCity: options.city,
            defaultVenue: options.venue,
          });
          return (await listProcesses(db, actor)).items.find((item) => item.id === id);
        });
        print(created, options.json === true, () => `Created process ${created?.slug} (${created?.id}).`);
        return undefined;
      });
    });

  const participants = program.command("participants").description("States, parties and organizations");
  participants
    .command("list")
    .description("List every participant")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await runCommand(async () => {
        const list = await withDb((db) => listParticipants(db, actor));
        print(
          list.items,
          options.json,
          () => list.items.map(participantLine).join("\n") || "No participants.",
        );
        return undefined;
      });
    });
  participants
    .command("create")
    .description("Add a participant (core.participant.create)")
    .requiredOption("--slug <slug>", "its address, e.g. kazakhstan")
    .requiredOption("--kind <kind>", "state, party or organization")
    .requiredOption("--name <name>", "its English name")
    .option("--name-ru <name>", "its Russian name")
    .option("--name-ar <name>", "its Arabic name")
    .option("--exists-from <date>", "the date it came into existence (YYYY-MM-DD)")
    .option("--json", "print JSON")
    .action(async (options: Record<string, string | boolean | undefined>) => {
      await runCommand(async () => {
        const created = await withDb(async (db) => {
          const { id } = await runOperation({ db }, createParticipant, actor, {
            slug: options.slug,
            kind: options.kind,
            names: { en: options.name, ru: options.nameRu, ar: options.nameAr },
            existsFrom: options.existsFrom,
          });
          return (await listParticipants(db, actor)).items.find((item) => item.id === id);
        });
        print(created, options.json === true, () => `Created participant ${created?.slug} (${created?.id}).`);
        return undefined;
      });
    });

  const rounds = program.command("rounds").description("The numbered rounds of a process");
  rounds
    .command("list")
    .description("List a process's rounds")
    .requiredOption("--process <process>", "the process (id or slug)")
    .option("--json", "print JSON")
    .action(async (options: { process: string; json?: boolean }) => {
      await runCommand(async () => {
        const list = await withDb((db) => listProcessRounds(db, actor, options.process));
        print(list.items, options.json, () => list.items.map(roundLine).join("\n") || "No rounds.");
        return undefined;
      });
    });
  rounds
    .command("plan")
    .description("Plan a round (core.round.plan)")
    .requiredOption("--process <process>", "the process (id or slug)")
    .requiredOption("--number <n>", "the round's number", toNumber)
    .option("--name <name>", "its English name (default: Round <n>)")
    .option("--city <city>", "its city (default: the process's)")
    .option("--venue <venue>", "its venue (default: the process's)")
    .option("--start <date>", "first day, YYYY-MM-DD")
    .option("--end <date>", "last day, YYYY-MM-DD")
    .option("--json", "print JSON")
    .action(async (options: Record<string, string | number | boolean | undefined> & { process: string }) => {
      await runCommand(async () => {
        const round = await withDb(async (db) => {
          const { id } = await runOperation({ db }, planRound, actor, {
            processId: options.process,
            number: options.number,
            ...(options.name !== undefined && { names: { en: options.name } }),
            city: options.city,
            venue: options.venue,
            startDate: options.start,
            endDate: options.end,
          });
          return getRound(db, actor, id);
        });
        print(
          round,
          options.json === true,
          () => `Planned round ${round.number} of ${round.processSlug} (${round.id}).`,
        );
        return undefined;
      });
    });

  const byNumber = (command: Command) =>
    command
      .requiredOption("--process <process>", "the process (id or slug)")
      .requiredOption("--number <n>", "the round's number", toNumber)
      .option("--expected-version <version>", "refuse if the round changed since this version", toNumber)
      .option("--json", "print JSON");
  type ByNumber = { process: string; number: number; expectedVersion?: number; json?: boolean };

  byNumber(rounds.command("announce").description("Announce a round (core.round.announce)"))
    .requiredOption("--published <date>", "the announcement's date, YYYY-MM-DD")
    .requiredOption("--text <text>", "the announcement's text")
    .action(async (options: ByNumber & { published: string; text: string }) => {
      await roundCommand(options, announceRound as never, {
        publishedOn: options.published,
        text: options.text,
        version: options.expectedVersion,
      });
    });
  byNumber(rounds.command("open").description("Open an announced round's session (core.round.open)")).action(
    async (options: ByNumber) => {
      await roundCommand(options, openRound as never, { version: options.expectedVersion });
    },
  );
  byNumber(
    rounds.command("conclude").description("Conclude a round in session (core.round.conclude)"),
  ).action(async (options: ByNumber) => {
    await roundCommand(options, concludeRound as never, { version: options.expectedVersion });
  });
  byNumber(
    rounds.command("postpone").description("Postpone a planned or announced round (core.round.postpone)"),
  )
    .requiredOption("--reason <reason>", "why")
    .option("--start <date>", "new first day, YYYY-MM-DD")
    .option("--end <date>", "new last day, YYYY-MM-DD")
    .action(async (options: ByNumber & { reason: string; start?: string; end?: string }) => {
      await roundCommand(options, postponeRound as never, {
        reason: options.reason,
        startDate: options.start,
        endDate: options.end,
        version: options.expectedVersion,
      });
    });
  byNumber(rounds.command("cancel").description("Cancel a round that has not met (core.round.cancel)"))
    .requiredOption("--reason <reason>", "why")
    .action(async (options: ByNumber & { reason: string }) => {
      await roundCommand(options, cancelRound as never, {
        reason: options.reason,
        version: options.expectedVersion,
      });
    });
}
