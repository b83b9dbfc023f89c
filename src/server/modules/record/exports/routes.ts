// The record's exports as reads (so tiers apply and answers are cached per reader): CSV of a
// process's rounds, attendance, conflicts and sources; its Atom and iCalendar feeds; the citation of
// any record, fact or source.
import { z } from "zod";
import { CiteParams, CiteQuery, ExportQuery, ProcessParams } from "../../../../contracts/record.ts";
import { citationFormats } from "../../../platform/exports/citations.ts";
import { sendFile } from "../../../platform/exports/download.ts";
import type { ServerDeps, ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { citationFile, processExportFile } from "./files.ts";
import { processCsvKinds } from "./process-csv.ts";

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
  const publicUrl = deps.config.publicUrl;

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
          processExportFile({
            db,
            actor,
            processRef: params.id,
            lang: query.lang,
            publicUrl,
            kind,
            today: today(),
          }),
        send: sendFile,
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
      load: (db, actor, { params, query }) =>
        processExportFile({
          db,
          actor,
          processRef: params.id,
          lang: query.lang,
          publicUrl,
          kind: "atom",
          today: today(),
        }),
      send: sendFile,
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
      load: (db, actor, { params, query }) =>
        processExportFile({
          db,
          actor,
          processRef: params.id,
          lang: query.lang,
          publicUrl,
          kind: "ics",
          today: today(),
        }),
      send: sendFile,
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
      load: (db, actor, { params, query }) =>
        citationFile({
          db,
          actor,
          subjectType: params.subjectType,
          id: params.subjectId,
          lang: query.lang,
          format: query.format,
          publicUrl,
          today: today(),
        }),
      send: sendFile,
    }),
  );
}
