// The record's exports as reads (so tiers apply and answers are cached per reader): CSV of a
// process's rounds, attendance, conflicts and sources; its Atom and iCalendar feeds; the citation of
// any record, fact or source.
import { z } from "zod";
import { CiteParams, CiteQuery, ExportQuery, ProcessParams } from "../../../../contracts/record.ts";
import { citationFormats, formatCitation } from "../../../platform/exports/citations.ts";
import { fileSlug, sendFile } from "../../../platform/exports/download.ts";
import type { ServerDeps, ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { findProcess } from "../../core/index.ts";
import { citationOf } from "./cite.ts";
import { processAtom, processCalendar } from "./feeds.ts";
import { processCsv, processCsvKinds } from "./process-csv.ts";

const tags = ["exports"];
const today = () => new Date().toISOString().slice(0, 10);

const csvSummaries = {
  rounds:
    "The rounds of a process as CSV: number, status, dates, place, participants by role, what is disputed",
  attendance:
    "The attendance matrix as CSV: one row per participation, with its wording, sources and disputes",
  conflicts: "The conflicts of the record as CSV: one row per value, with the sources that give it",
  sources: "Every source the record of a process cites, as CSV, with what cites it",
} as const;

/** Registers the export routes; addresses in pages and files are built on PUBLIC_URL. */
export function registerExportRoutes(app: ZodApp, deps: ServerDeps): void {
  const webUrl = (path: string) => `${deps.config.publicUrl}${path}`;

  for (const kind of processCsvKinds) {
    registerRead(
      app,
      deps.db,
      defineRead({
        name: `record.export.${kind}-csv`,
        path: `/processes/:id/export/${kind}.csv`,
        tags,
        summary: csvSummaries[kind],
        description:
          "UTF-8 with a byte order mark, CRLF line ends, every text quoted; cells a spreadsheet would run as a formula start with an apostrophe. Tier-filtered like the pages.",
        params: ProcessParams,
        query: ExportQuery,
        response: z.string(),
        produces: ["text/csv"],
        cache: "per-actor",
        load: (db, actor, { params, query }) =>
          processCsv({ db, actor, processRef: params.id, lang: query.lang, webUrl, kind, today: today() }),
        send: (reply, file) => sendFile(reply, { ...file, mediaType: "text/csv" }),
      }),
    );
  }

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.feed.atom",
      path: "/processes/:id/feed.atom",
      tags,
      summary: "An Atom feed of a process's announcements and published decisions",
      params: ProcessParams,
      query: ExportQuery,
      response: z.string(),
      produces: ["application/atom+xml"],
      cache: "per-actor",
      feed: true,
      load: async (db, actor, { params, query }) => {
        const process = await findProcess(db, params.id);
        const self = webUrl(`/api/processes/${encodeURIComponent(process.slug)}/feed.atom`);
        return processAtom({ db, actor, processRef: process.id, lang: query.lang, webUrl, self });
      },
      send: (reply, body) =>
        sendFile(reply, {
          body,
          mediaType: "application/atom+xml",
          filename: "feed.atom",
          disposition: "inline",
        }),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.feed.ics",
      path: "/processes/:id/rounds.ics",
      tags,
      summary:
        "An iCalendar feed of a process's rounds (all-day events; held dates once held, announced before)",
      params: ProcessParams,
      query: ExportQuery,
      response: z.string(),
      produces: ["text/calendar"],
      cache: "per-actor",
      feed: true,
      load: async (db, actor, { params, query }) => {
        const process = await findProcess(db, params.id);
        return {
          body: await processCalendar({ db, actor, processRef: process.id, lang: query.lang, webUrl }),
          filename: `${fileSlug(process.slug)}-rounds.ics`,
        };
      },
      send: (reply, file) => sendFile(reply, { ...file, mediaType: "text/calendar", disposition: "inline" }),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.cite",
      path: "/cite/:subjectType/:subjectId",
      tags,
      summary:
        "The citation of a record, fact or source in CSL-JSON, BibTeX or RIS, with the sources it rests on",
      description: `format: ${citationFormats.join(", ")}. The record's page address (PUBLIC_URL), title, date, sources and the day accessed.`,
      params: CiteParams,
      query: CiteQuery,
      response: z.string(),
      produces: [
        "application/vnd.citationstyles.csl+json",
        "application/x-bibtex",
        "application/x-research-info-systems",
      ],
      cache: "per-actor",
      load: async (db, actor, { params, query }) => {
        const { work, name } = await citationOf({
          db,
          actor,
          subjectType: params.subjectType,
          id: params.subjectId,
          lang: query.lang,
          webUrl,
          today: today(),
          publisher: `Astana (${new URL(deps.config.publicUrl).host})`,
        });
        const formatted = formatCitation(work, query.format);
        return { ...formatted, filename: `${name}.${formatted.extension}` };
      },
      send: (reply, file) => sendFile(reply, { ...file }),
    }),
  );
}
