import type { Command } from "commander";
import type { z } from "zod";
import { UsageError } from "../../../../cli/common.ts";
import { lines, meetingLine, meetingText } from "../../../../cli/format.ts";
import {
  clearable,
  json,
  nameOptions,
  namesFrom,
  processOption,
  versionOption,
} from "../../../../cli/options.ts";
import { act, type Output, output, type Session } from "../../../../cli/session.ts";
import type { Meeting, MeetingKind, ProcessRole } from "../../../../contracts/process.ts";
import * as processContracts from "../../../../contracts/process.ts";
import { NotFound } from "../../../platform/errors.ts";
import * as core from "../api.ts";
import { processRef } from "./refs.ts";

type MeetingOptions = {
  process?: string;
  kind?: z.infer<typeof MeetingKind>;
  level?: string;
  name?: string;
  nameRu?: string;
  nameAr?: string;
  city?: string;
  venue?: string;
  host?: string;
  start?: string;
  end?: string;
  precision?: "day" | "month" | "year";
  dateNote?: string;
  participant?: string[];
};
type Role = z.infer<typeof ProcessRole>;

/** `--participant russia:guarantor turkey:guarantor` as the API's list of participants with roles. */
function participantsFrom(values: string[] | undefined): { participantId: string; role: Role }[] | undefined {
  return values?.map((value) => {
    const [participantId, role] = value.split(":");
    if (!participantId || !role)
      throw new UsageError(`--participant: write participant:role, not "${value}".`);
    return { participantId, role: role as Role };
  });
}

/** A meeting named by id, or by slug within the process. */
async function findMeetingId(session: Session, ref: string, process: string | undefined): Promise<string> {
  const { items } = await core.listMeetings(session.db, session.actor, await processRef(session, process));
  const found = items.find((item) => item.id === ref || item.slug === ref);
  if (!found) throw new NotFound("Meeting", ref);
  return found.id;
}

async function meetingOutput(session: Session, id: string): Promise<Output<Meeting>> {
  return output(
    await core.getMeeting(session.db, session.actor, id),
    () => processContracts.Meeting,
    meetingText,
  );
}

function fieldOptions(command: Command, creating: boolean): Command {
  const clear = creating ? "" : ' ("" to clear)';
  const kind = "ministerial, summit, quadrilateral, congress or technical";
  if (creating) command.requiredOption("--kind <kind>", kind);
  else command.option("--kind <kind>", kind);
  return json(
    processOption(nameOptions(command, "its", creating))
      .option("--level <level>", `e.g. "foreign ministers"${clear}`)
      .option("--city <city>", `where it met${clear}`)
      .option("--venue <venue>", `its venue${clear}`)
      .option("--host <host>", `who hosted it${clear}`)
      .option("--start <date>", `first day, YYYY-MM-DD${clear}`)
      .option("--end <date>", `last day, YYYY-MM-DD${clear}`)
      .option("--precision <precision>", "day, month or year (how exact the dates are)")
      .option("--date-note <note>", `a note on the dates${clear}`)
      .option(
        "--participant <participant:role...>",
        `participants with their roles, e.g. russia:guarantor${creating ? "" : " (replaces the list)"}`,
      ),
  );
}

/** `astana meetings …`: meetings in the format outside the rounds. */
export function registerMeetingCommands(program: Command): void {
  const meetings = program
    .command("meetings")
    .description("Meetings outside the rounds: ministerial meetings, summits, consultations, congresses");
  json(
    processOption(
      meetings.command("list").description("A process's meetings (GET /api/processes/{id}/meetings)"),
    ),
  ).action(
    act(async (s, o: { process?: string }) =>
      output(
        await core.listMeetings(s.db, s.actor, await processRef(s, o.process)),
        () => processContracts.MeetingList,
        (list) => lines(list.items.map(meetingLine), "No meetings."),
      ),
    ),
  );

  json(
    processOption(
      meetings
        .command("show")
        .description("One meeting with its participants (GET /api/meetings/{id})")
        .argument("<meeting>", "id, or slug in --process"),
    ),
  ).action(
    act(async (s, o: { process?: string }, [ref]) =>
      meetingOutput(s, await findMeetingId(s, ref as string, o.process)),
    ),
  );

  fieldOptions(
    meetings.command("create").description("Record a meeting with its participants (core.meeting.create)"),
    true,
  )
    .requiredOption("--slug <slug>", "its address, e.g. sochi-congress-2018")
    .action(
      act(async (s, o: MeetingOptions & { slug: string; kind: z.infer<typeof MeetingKind> }) => {
        const { id } = await s.run(core.createMeeting, {
          processId: await processRef(s, o.process),
          slug: o.slug,
          kind: o.kind,
          level: o.level,
          names: namesFrom(o) as { en: string },
          city: o.city,
          venue: o.venue,
          host: o.host,
          startDate: o.start,
          endDate: o.end,
          datePrecision: o.precision,
          dateNote: o.dateNote,
          participants: participantsFrom(o.participant),
        });
        return meetingOutput(s, id);
      }),
    );

  versionOption(
    fieldOptions(
      meetings
        .command("update")
        .description("Correct a meeting from the version read (core.meeting.update)")
        .argument("<meeting>", "id, or slug in --process"),
      false,
    ),
    true,
  ).action(
    act(async (s, o: MeetingOptions & { version: number }, [ref]) => {
      const { id } = await s.run(core.updateMeeting, {
        meetingId: await findMeetingId(s, ref as string, o.process),
        version: o.version,
        kind: o.kind,
        level: clearable(o.level),
        names: namesFrom(o) as { en: string } | undefined,
        city: clearable(o.city),
        venue: clearable(o.venue),
        host: clearable(o.host),
        startDate: clearable(o.start),
        endDate: clearable(o.end),
        datePrecision: o.precision,
        dateNote: clearable(o.dateNote),
        participants: participantsFrom(o.participant),
      });
      return meetingOutput(s, id);
    }),
  );
}
