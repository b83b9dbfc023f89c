import type { Command } from "commander";
import { callerPath, UsageError, writeCallerFile } from "../../../cli/common.ts";
import { integer, oneOf, processOption } from "../../../cli/options.ts";
import { act, output } from "../../../cli/session.ts";
import { exportLanguages, RecordSubjectType } from "../../../contracts/record.ts";
import { citationFormats } from "../../platform/exports/citations.ts";
import { processRef, roundRef } from "../core/index.ts";
import { citationFile, type ExportFile, processExportFile, processExportKinds } from "./exports/files.ts";

const routeOf: Record<(typeof processExportKinds)[number], string> = {
  rounds: "GET /api/processes/{id}/export/rounds.csv",
  attendance: "GET /api/processes/{id}/export/attendance.csv",
  conflicts: "GET /api/processes/{id}/export/conflicts.csv",
  sources: "GET /api/processes/{id}/export/sources.csv",
  atom: "GET /api/processes/{id}/feed.atom",
  ics: "GET /api/processes/{id}/rounds.ics",
};

type ExportOptions = { process?: string; lang?: string; out?: string };
type CiteOptions = ExportOptions & {
  format?: string;
  subjectType?: string;
  subjectId?: string;
  round?: number;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Writes the file where the caller said (or under its own name in the working directory) and says so. */
async function save(file: ExportFile, out: string | undefined) {
  const target = out ?? file.filename;
  await writeCallerFile(target, file.body);
  const bytes = Buffer.byteLength(file.body, "utf8");
  return output(
    { file: callerPath(target), bytes, mediaType: file.mediaType },
    null,
    (value) => `Wrote ${value.file} (${value.mediaType}, ${value.bytes} bytes).`,
  );
}

function common(command: Command): Command {
  return processOption(command)
    .option("--lang <lang>", `the language of names and titles: ${exportLanguages.join(", ")}`, "en")
    .option("--out <file>", "the file to write (default: the export's own name, in this directory)");
}

/**
 * `astana export …`: every export the web app offers, from the same reads and presenters as its routes,
 * tier-filtered as the CLI's actor sees the record, written to a file.
 */
export function registerExportCommands(program: Command): void {
  const exports = program
    .command("export")
    .description("Write the record's exports to files: CSV, feeds, citations (as the web app offers them)");

  for (const kind of processExportKinds) {
    common(exports.command(kind).description(`The same file as ${routeOf[kind]}`)).action(
      act(async (s, o: ExportOptions) => {
        const lang = oneOf(o.lang, exportLanguages, "--lang") ?? "en";
        const file = await processExportFile({
          db: s.db,
          actor: s.actor,
          processRef: await processRef(s, o.process),
          lang,
          publicUrl: s.config.publicUrl,
          kind,
          today: today(),
        });
        return save(file, o.out);
      }),
    );
  }

  common(
    exports
      .command("cite")
      .description(
        "The citation of a record, fact or source, as GET /api/cite/{subjectType}/{id} gives it (CSL-JSON, BibTeX, RIS)",
      ),
  )
    .option("--format <format>", `${citationFormats.join(", ")}`, "csl")
    .option("--subject-type <type>", "process, round, meeting, process_decision, fact, conflict, source, …")
    .option("--subject-id <id>", "its id")
    .option("--round <n>", "shorthand for the round of this number in --process", integer)
    .action(
      act(async (s, o: CiteOptions) => {
        const lang = oneOf(o.lang, exportLanguages, "--lang") ?? "en";
        const format = oneOf(o.format, citationFormats, "--format") ?? "csl";
        let subjectType: string | undefined = o.subjectType;
        let id: string | undefined = o.subjectId;
        if (o.round !== undefined) {
          if (id !== undefined) throw new UsageError("Give either --round or --subject-id, not both.");
          subjectType = "round";
          id = await roundRef(s, undefined, { process: o.process, number: o.round });
        }
        if (subjectType === undefined || id === undefined)
          throw new UsageError("Name what to cite: --subject-type and --subject-id, or --round.");
        const checked = RecordSubjectType.safeParse(subjectType);
        if (!checked.success) throw new UsageError(`--subject-type: ${checked.error.issues[0]?.message}`);
        const file = await citationFile({
          db: s.db,
          actor: s.actor,
          subjectType: checked.data,
          id,
          lang,
          format,
          publicUrl: s.config.publicUrl,
          today: today(),
        });
        return save(file, o.out);
      }),
    );
}
