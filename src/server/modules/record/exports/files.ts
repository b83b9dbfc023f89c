// Every export of the record as a file (its body, the name to save it under, its media type), built
// once for the HTTP routes and the `astana export` command alike, from the same tier-filtered reads
// and presenters, so a file saved by either is the same file for the same reader.
import type { ExportLanguage, RecordSubjectType } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type CitationFormat, formatCitation } from "../../../platform/exports/citations.ts";
import { fileSlug } from "../../../platform/exports/download.ts";
import { findProcess } from "../../core/index.ts";
import { citationOf } from "./cite.ts";
import { processAtom, processCalendar } from "./feeds.ts";
import { processCsv, processCsvKinds } from "./process-csv.ts";

/** The exports of a process: four CSV files and two feeds. */
export const processExportKinds = [...processCsvKinds, "atom", "ics"] as const;
export type ProcessExportKind = (typeof processExportKinds)[number];

export type ExportFile = {
  body: string;
  filename: string;
  mediaType: string;
  disposition?: "attachment" | "inline";
};

type Common = {
  db: Db;
  actor: Actor;
  lang: ExportLanguage;
  /** PUBLIC_URL: the addresses in the files point at the web app. */
  publicUrl: string;
  /** YYYY-MM-DD: in file names and as a citation's day accessed. */
  today: string;
};

/** A process's export as the actor may see it (tier-filtered like the pages). */
export async function processExportFile(
  input: Common & { processRef: string; kind: ProcessExportKind },
): Promise<ExportFile> {
  const { db, actor, lang, kind } = input;
  const webUrl = (path: string) => `${input.publicUrl}${path}`;
  const process = await findProcess(db, input.processRef);
  if (kind === "atom") {
    const self = webUrl(`/api/processes/${encodeURIComponent(process.slug)}/feed.atom`);
    return {
      body: await processAtom({ db, actor, processRef: process.id, lang, webUrl, self }),
      mediaType: "application/atom+xml",
      filename: `${fileSlug(process.slug)}-feed.atom`,
      disposition: "inline",
    };
  }
  if (kind === "ics") {
    return {
      body: await processCalendar({ db, actor, processRef: process.id, lang, webUrl }),
      mediaType: "text/calendar",
      filename: `${fileSlug(process.slug)}-rounds.ics`,
      disposition: "inline",
    };
  }
  const file = await processCsv({
    db,
    actor,
    processRef: process.id,
    lang,
    webUrl,
    kind,
    today: input.today,
  });
  return { ...file, mediaType: "text/csv" };
}

/** The citation of a record, fact or source the actor may see, in CSL-JSON, BibTeX or RIS. */
export async function citationFile(
  input: Common & { subjectType: RecordSubjectType | "source"; id: string; format: CitationFormat },
): Promise<ExportFile> {
  const { work, name } = await citationOf({
    db: input.db,
    actor: input.actor,
    subjectType: input.subjectType,
    id: input.id,
    lang: input.lang,
    webUrl: (path: string) => `${input.publicUrl}${path}`,
    today: input.today,
    publisher: `Astana (${new URL(input.publicUrl).host})`,
  });
  const formatted = formatCitation(work, input.format);
  return { body: formatted.body, mediaType: formatted.mediaType, filename: `${name}.${formatted.extension}` };
}
