import type { Command } from "commander";
import { UsageError } from "../../../cli/common.ts";
import { attendanceText, conflictsText, timelineText } from "../../../cli/format.ts";
import { integer, json, oneOf, processOption, readJson } from "../../../cli/options.ts";
import { act, output, type Session } from "../../../cli/session.ts";
import { conflictKinds } from "../../../contracts/enums.ts";
import type { CiteSourceInput, RecordConflictInput, RecordSubjectType } from "../../../contracts/record.ts";
import * as recordContracts from "../../../contracts/record.ts";
import { processRef, roundRef } from "../core/index.ts";
import * as recordApi from "./api.ts";

type SubjectOptions = { subjectType?: string; subjectId?: string; round?: number; process?: string };

function subjectOptions(command: Command): Command {
  return processOption(
    command
      .option("--subject-type <type>", "what it is about: round, process, meeting, participant, …")
      .option("--subject-id <id>", "the id of what it is about")
      .option("--round <n>", "shorthand for the round of this number in --process", integer),
  );
}

/** The subject named by --subject-type and --subject-id, or by --round (in --process). */
async function subject(
  session: Session,
  options: SubjectOptions,
): Promise<{ subjectType?: RecordSubjectType; subjectId?: string }> {
  if (options.round !== undefined) {
    if (options.subjectId !== undefined)
      throw new UsageError("Give either --round or --subject-id, not both.");
    return {
      subjectType: "round",
      subjectId: await roundRef(session, undefined, { ...options, number: options.round }),
    };
  }
  return { subjectType: options.subjectType as RecordSubjectType | undefined, subjectId: options.subjectId };
}

/** `astana record …` (sources and conflicts) and the process's record: timeline, attendance, conflicts. */
export function registerRecordCommands(program: Command): void {
  const record = program.command("record").description("Sources and conflicts between them");
  json(
    subjectOptions(
      record.command("cite").description("Cite a source for a field of a subject (record.source.cite)"),
    )
      .option("--field <field>", "the field it supports: dates, city, venue, …; none for the whole subject")
      .option("--source-id <id>", "a known source, by id")
      .option("--url <url>", "or a new source's address")
      .option("--title <title>", "its title")
      .option("--published-as-shown <date>", "its date exactly as the page shows it")
      .option("--published <date>", "its date, YYYY-MM-DD")
      .option("--language <code>", "its language: en, ru, ar, …"),
  ).action(
    act(
      async (
        s,
        o: SubjectOptions & { field?: string; sourceId?: string; url?: string; title?: string } & {
          publishedAsShown?: string;
          published?: string;
          language?: string;
        },
      ) =>
        output(
          await s.run(recordApi.citeSource, {
            ...((await subject(s, o)) as Pick<CiteSourceInput, "subjectType" | "subjectId">),
            field: o.field,
            source: {
              id: o.sourceId,
              url: o.url,
              title: o.title,
              publishedAsShown: o.publishedAsShown,
              published: o.published,
              language: o.language,
            },
          }),
          () => recordContracts.CitationCreated,
          (cited) =>
            `Cited ${cited.source.url} for ${cited.subjectType} ${cited.subjectId} (${cited.field || "whole"}).`,
        ),
    ),
  );

  json(
    subjectOptions(
      record
        .command("conflict")
        .description(
          "Record a conflict between sources, each value with its sources (record.conflict.record)",
        )
        .option(
          "--file <file>",
          'JSON as POST /api/record/conflicts takes it (values, sources, …); "-" reads standard input',
        ),
    )
      .option("--kind <kind>", "disagreement, plan_changed, naming_variant, single_source or ambiguity")
      .option("--field <field>", "the field in conflict, e.g. dates")
      .option("--text <text>", "what the conflict is")
      .option("--note <note>", "a note"),
  ).action(
    act(
      async (
        s,
        o: SubjectOptions & { file?: string; kind?: string; field?: string; text?: string; note?: string },
      ) => {
        const body =
          o.file === undefined ? {} : ((await readJson(o.file, "--file")) as Partial<RecordConflictInput>);
        const given = Object.fromEntries(
          Object.entries({
            ...(await subject(s, o)),
            kind: o.kind,
            field: o.field,
            text: o.text,
            note: o.note,
          }).filter(([, value]) => value !== undefined),
        );
        const recorded = await s.run(recordApi.recordConflict, { ...body, ...given } as RecordConflictInput);
        return output(
          recorded,
          () => recordContracts.RecordConflict.extend({ subject: recordContracts.SubjectRef }),
          (value) => `Recorded a ${value.kind} conflict on ${value.subject.label}: ${value.text}`,
        );
      },
    ),
  );

  json(
    processOption(
      program
        .command("timeline")
        .description(
          "Rounds, meetings, milestones and decisions in date order, with the gaps (GET /api/processes/{id}/timeline)",
        )
        .option("--min-gap-days <days>", "the shortest pause between rounds shown as a gap", integer, 180),
    ),
  ).action(
    act(async (s, o: { process?: string; minGapDays: number }) => {
      if (o.minGapDays < 1 || o.minGapDays > 3650) throw new UsageError("--min-gap-days: from 1 to 3650.");
      return output(
        await recordApi.processTimeline(s.db, s.actor, await processRef(s, o.process), o.minGapDays),
        () => recordContracts.Timeline,
        timelineText,
      );
    }),
  );

  json(
    processOption(
      program
        .command("attendance")
        .description("Participants × rounds by role and attendance (GET /api/processes/{id}/attendance)"),
    ),
  ).action(
    act(async (s, o: { process?: string }) =>
      output(
        await recordApi.attendanceMatrix(s.db, s.actor, await processRef(s, o.process)),
        () => recordContracts.AttendanceMatrix,
        attendanceText,
      ),
    ),
  );

  json(
    processOption(
      program
        .command("conflicts")
        .description("Every conflict between sources in a process (GET /api/processes/{id}/conflicts)")
        .option(
          "--kind <kind>",
          "only this kind: disagreement, plan_changed, naming_variant, single_source, ambiguity",
        ),
    ),
  ).action(
    act(async (s, o: { process?: string; kind?: string }) => {
      const kind = oneOf(o.kind, conflictKinds, "--kind");
      return output(
        await recordApi.processConflicts(s.db, s.actor, await processRef(s, o.process), kind),
        () => recordContracts.ProcessConflicts,
        conflictsText,
      );
    }),
  );
}
