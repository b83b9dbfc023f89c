import type { Command } from "commander";
import { lines, participantLine, participantText } from "../../../../cli/format.ts";
import { clearable, json, nameOptions, namesFrom, versionOption } from "../../../../cli/options.ts";
import { act, type Output, output, type Session } from "../../../../cli/session.ts";
import type { ParticipantDetail } from "../../../../contracts/process.ts";
import * as processContracts from "../../../../contracts/process.ts";
import * as core from "../api.ts";

type Kind = "state" | "party" | "organization";
type FieldOptions = {
  name?: string;
  nameRu?: string;
  nameAr?: string;
  kind?: Kind;
  shortName?: string;
  existsFrom?: string;
  alias?: string[];
};

/** A participant as GET /api/participants/{id} answers it, after a write. */
async function participantOutput(session: Session, ref: string): Promise<Output<ParticipantDetail>> {
  return output(
    await core.getParticipant(session.db, session.actor, ref),
    () => processContracts.ParticipantDetail,
    participantText,
  );
}

function fieldOptions(command: Command, creating: boolean): Command {
  const kind = "state, party or organization";
  if (creating) command.requiredOption("--kind <kind>", kind);
  else command.option("--kind <kind>", kind);
  return nameOptions(command, "its", creating)
    .option("--short-name <name>", 'a short name, e.g. "US"')
    .option("--exists-from <date>", "the day it came into existence, YYYY-MM-DD")
    .option("--alias <name...>", "other names it is known by");
}

/** `astana participants …`: states, parties and organizations, shared by every process. */
export function registerParticipantCommands(program: Command): void {
  const participants = program.command("participants").description("States, parties and organizations");
  json(participants.command("list").description("List every participant (GET /api/participants)")).action(
    act(async (s) =>
      output(
        await core.listParticipants(s.db, s.actor),
        () => processContracts.ParticipantList,
        (list) => lines(list.items.map(participantLine), "No participants."),
      ),
    ),
  );

  json(
    participants
      .command("show")
      .description("A participant: roles in each process, rounds, role changes (GET /api/participants/{id})")
      .argument("<participant>", "id or slug"),
  ).action(act(async (s, _options, [ref]) => participantOutput(s, ref as string)));

  json(
    fieldOptions(
      participants.command("create").description("Add a participant (core.participant.create)"),
      true,
    ).requiredOption("--slug <slug>", "its address, e.g. kazakhstan"),
  ).action(
    act(async (s, o: FieldOptions & { slug: string; kind: Kind }) => {
      const { id } = await s.run(core.createParticipant, {
        slug: o.slug,
        kind: o.kind,
        names: namesFrom(o) as { en: string },
        shortName: o.shortName,
        existsFrom: o.existsFrom,
        aliases: o.alias,
      });
      return participantOutput(s, id);
    }),
  );

  json(
    versionOption(
      fieldOptions(
        participants
          .command("update")
          .description("Correct a participant from the version read (core.participant.update)")
          .argument("<participant>", "id or slug"),
        false,
      ),
      true,
    ).option("--slug <slug>", "a new address"),
  ).action(
    act(async (s, o: FieldOptions & { version: number; slug?: string }, [ref]) => {
      const { id } = await s.run(core.updateParticipant, {
        participantId: ref as string,
        version: o.version,
        slug: o.slug,
        kind: o.kind,
        names: namesFrom(o) as { en: string } | undefined,
        shortName: clearable(o.shortName),
        existsFrom: clearable(o.existsFrom),
        aliases: o.alias,
      });
      return participantOutput(s, id);
    }),
  );
}
