import type { Command } from "commander";
import type { z } from "zod";
import { UsageError } from "../../../../cli/common.ts";
import { lines, roundLine, roundText } from "../../../../cli/format.ts";
import {
  clearable,
  json,
  nameOptions,
  namesFrom,
  processOption,
  type RoundOptions,
  roundNumber,
  roundSelector,
  textFrom,
  textOptions,
  versionOption,
} from "../../../../cli/options.ts";
import { act, type Output, output, type Session } from "../../../../cli/session.ts";
import type { Attendance, PrecedenceOrder, ProcessRole, RoundDetail } from "../../../../contracts/process.ts";
import * as processContracts from "../../../../contracts/process.ts";
import * as core from "../api.ts";
import { processRef, roundRef } from "./refs.ts";

type Versioned = RoundOptions & { version?: number };
type Dates = { start?: string; end?: string };
type PlaceOptions = Dates & {
  name?: string;
  nameRu?: string;
  nameAr?: string;
  city?: string;
  venue?: string;
};

/** A round as GET /api/rounds/{id} answers it, after a write. */
async function roundOutput(session: Session, roundId: string): Promise<Output<RoundDetail>> {
  return output(
    await core.getRound(session.db, session.actor, roundId),
    () => processContracts.RoundDetail,
    roundText,
  );
}

/** Participants named by slug become their ids (the contract takes ids); anything else is left to it. */
async function participantIds(session: Session, refs: string[]): Promise<string[]> {
  const { items } = await core.listParticipants(session.db, session.actor);
  const bySlug = new Map(items.map((item) => [item.slug, item.id]));
  return refs.map((ref) => bySlug.get(ref) ?? ref);
}

/** A command on one round: `astana rounds <verb> <number> [--process p] --json`, described with its operation. */
function roundCommand(rounds: Command, verb: string, description: string): Command {
  return json(roundSelector(rounds.command(verb).description(description)));
}

function placeOptions(command: Command, clearing: boolean): Command {
  const clear = clearing ? ' ("" to clear)' : "";
  return nameOptions(command, "its")
    .option("--city <city>", `its city${clearing ? clear : " (default: the process's)"}`)
    .option("--venue <venue>", `its venue${clearing ? clear : " (default: the process's)"}`)
    .option("--start <date>", `first day, YYYY-MM-DD${clear}`)
    .option("--end <date>", `last day, YYYY-MM-DD${clear}`);
}

/** `astana rounds …`: the numbered rounds of a process, their lifecycle and their record. */
export function registerRoundCommands(program: Command): void {
  const rounds = program.command("rounds").description("The numbered rounds of a process");
  json(
    processOption(
      rounds.command("list").description("List a process's rounds (GET /api/processes/{id}/rounds)"),
    ),
  ).action(
    act(async (s, o: { process?: string }) =>
      output(
        await core.listProcessRounds(s.db, s.actor, await processRef(s, o.process)),
        () => processContracts.RoundList,
        (list) => lines(list.items.map(roundLine), "No rounds."),
      ),
    ),
  );

  roundCommand(
    rounds,
    "show",
    "A round: dates, place, participants, announcements, delegations (GET /api/rounds/{id})",
  ).action(act(async (s, o: RoundOptions, [number]) => roundOutput(s, await roundRef(s, number, o))));

  placeOptions(roundCommand(rounds, "plan", "Plan a round (core.round.plan)"), false).action(
    act(async (s, o: RoundOptions & PlaceOptions, [number]) => {
      // No --name: the contract refuses it (exit 4), with the message the API and the form give.
      const names = namesFrom(o) as { en: string };
      const { id } = await s.run(core.planRound, {
        processId: await processRef(s, o.process),
        number: roundNumber(number, o),
        names,
        city: o.city,
        venue: o.venue,
        startDate: o.start,
        endDate: o.end,
      });
      return roundOutput(s, id);
    }),
  );

  versionOption(
    placeOptions(
      roundCommand(
        rounds,
        "update",
        "Edit a round from the version read; a stale version is refused (core.round.update)",
      ),
      true,
    ),
    true,
  ).action(
    act(async (s, o: RoundOptions & PlaceOptions & { version: number }, [number]) => {
      const roundId = await roundRef(s, number, o);
      await s.run(core.updateRound, {
        roundId,
        version: o.version,
        names: namesFrom(o) as { en: string } | undefined,
        city: clearable(o.city),
        venue: clearable(o.venue),
        startDate: clearable(o.start),
        endDate: clearable(o.end),
      });
      return roundOutput(s, roundId);
    }),
  );

  /**
   * A round's lifecycle step: runs the operation on the round named on the command line with the
   * options' input (the operation's contract checks it, as the route's does), then shows the round.
   */
  const write = <O>(operation: RoundWrite, input: (options: O) => Record<string, unknown>) =>
    act(async (s, o: Versioned & O, [number]) => {
      const roundId = await roundRef(s, number, o);
      const step = roundWrites[operation] as unknown as Parameters<Session["run"]>[0];
      await s.run(step, { ...input(o), roundId, version: o.version });
      return roundOutput(s, roundId);
    });

  const announce = versionOption(
    roundCommand(rounds, "announce", "Announce a round: its dates become public (core.round.announce)"),
  ).requiredOption("--published <date>", "the announcement's date, YYYY-MM-DD");
  textOptions(announce, "text", "the announcement's text").action(
    write("announceRound", (o: { published: string }) => {
      const text = textFrom(o, "text");
      if (text === undefined)
        throw new UsageError("Give the text: --text (English), or --text-ru/--text-ar with --text-original.");
      return { publishedOn: o.published, text };
    }),
  );
  versionOption(roundCommand(rounds, "open", "Open an announced round's session (core.round.open)")).action(
    write("openRound", () => ({})),
  );
  versionOption(roundCommand(rounds, "conclude", "Conclude a round in session (core.round.conclude)")).action(
    write("concludeRound", () => ({})),
  );
  versionOption(
    roundCommand(rounds, "postpone", "Postpone a planned or announced round (core.round.postpone)"),
  )
    .requiredOption("--reason <reason>", "why")
    .option("--start <date>", "new first day, YYYY-MM-DD")
    .option("--end <date>", "new last day, YYYY-MM-DD")
    .action(
      write("postponeRound", (o: Dates & { reason: string }) => ({
        reason: o.reason,
        startDate: o.start,
        endDate: o.end,
      })),
    );
  versionOption(roundCommand(rounds, "cancel", "Cancel a round that has not met (core.round.cancel)"))
    .requiredOption("--reason <reason>", "why")
    .action(write("cancelRound", (o: { reason: string }) => ({ reason: o.reason })));

  textOptions(
    textOptions(
      roundCommand(
        rounds,
        "next-round",
        "Record the round's decision on the next one (core.next-round-decision.record)",
      ),
      "wording",
      'the decision as worded (e.g. "in Astana, in the second half of 2024")',
    ),
    "city",
    "the city decided on",
  )
    .option("--window-start <date>", "first day of the window decided on, YYYY-MM-DD")
    .option("--window-end <date>", "last day of the window decided on, YYYY-MM-DD")
    .action(
      act(async (s, o: RoundOptions & { windowStart?: string; windowEnd?: string }, [n]) => {
        const wording = textFrom(o, "wording");
        if (wording === undefined)
          throw new UsageError(
            "Give the wording: --wording (English), or --wording-ru/--wording-ar with --wording-original.",
          );
        const roundId = await roundRef(s, n, o);
        await s.run(core.recordNextRoundDecision, {
          roundId,
          wording,
          city: textFrom(o, "city"),
          windowStart: o.windowStart,
          windowEnd: o.windowEnd,
        });
        return roundOutput(s, roundId);
      }),
    );

  roundCommand(
    rounds,
    "attendance",
    "Record a participant's attendance of the round (core.round-participation.record)",
  )
    .requiredOption("--participant <participant>", "id or slug")
    .requiredOption("--role <role>", "the role it attended in: guarantor, party, observer, …")
    .requiredOption("--attendance <attendance>", "attended, absent, declined, boycotted or unknown")
    .option("--note <note>", "a note")
    .option("--cited-text <text>", "the words of the source")
    .action(
      act(
        async (
          s,
          o: RoundOptions & {
            participant: string;
            role: z.infer<typeof ProcessRole>;
            attendance: z.infer<typeof Attendance>;
            note?: string;
            citedText?: string;
          },
          [n],
        ) => {
          const roundId = await roundRef(s, n, o);
          await s.run(core.recordRoundParticipation, {
            roundId,
            participantId: o.participant,
            role: o.role,
            attendance: o.attendance,
            note: o.note,
            citedText: o.citedText,
          });
          return roundOutput(s, roundId);
        },
      ),
    );

  roundCommand(
    rounds,
    "precedence",
    "Choose the order of precedence of the list of participants (core.round-precedence.set)",
  )
    .requiredOption("--order <order>", "english_alphabetical, role_then_alphabetical or custom")
    .option("--custom-order <participant...>", "participants (ids or slugs), first to last, for custom")
    .action(
      act(
        async (
          s,
          o: RoundOptions & { order: z.infer<typeof PrecedenceOrder>; customOrder?: string[] },
          [n],
        ) => {
          const roundId = await roundRef(s, n, o);
          const customOrder = o.customOrder && (await participantIds(s, o.customOrder));
          await s.run(core.setRoundPrecedence, { roundId, order: o.order, customOrder });
          return roundOutput(s, roundId);
        },
      ),
    );
}

const roundWrites = {
  announceRound: core.announceRound,
  openRound: core.openRound,
  concludeRound: core.concludeRound,
  postponeRound: core.postponeRound,
  cancelRound: core.cancelRound,
};
type RoundWrite = keyof typeof roundWrites;
