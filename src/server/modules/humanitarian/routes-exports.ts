// The humanitarian exports as reads (the tier filter and the refusals of the pages they mirror), each a
// file marked with the exporting account and the time, each audited; never cached; streamed.
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import { CaseExportQuery, ListExportQuery } from "../../../contracts/humanitarian.ts";
import { ReviewQueueExportQuery } from "../../../contracts/humanitarian-matching.ts";
import { ErrorResponse } from "../../../contracts/platform.ts";
import { sendStream } from "../../platform/exports/download.ts";
import type { ServerDeps, ZodApp } from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { type ExportFile, exportCases, exportList, exportReviewQueue } from "./reads/exports.ts";

const tags = ["humanitarian"];
const IdParams = z.object({ id: RecordRef });
const produces = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];
const marked =
  "Marked with the exporting account and the time (CSV: the first line, before the header; XLSX: the document's properties, the printed pages' header and the first row), and audited (who, when, which list or filter, how many persons).";

function send(reply: Parameters<typeof sendStream>[0], file: ExportFile) {
  return sendStream(reply, file);
}

/** Exports of a list, of the cases and of the review queue, as CSV or XLSX. */
export function registerExportRoutes(app: ZodApp, deps: ServerDeps): void {
  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "humanitarian.list.export",
      path: "/humanitarian/lists/:id/export",
      tags,
      summary: "Export a list's rows (CSV or XLSX), for its readers; never to the other side (404, audited)",
      description: marked,
      params: IdParams,
      query: ListExportQuery,
      response: z.string(),
      produces,
      cache: "none",
      load: (db, actor, { params, query }) => exportList(db, actor, params.id, query),
      send,
    }),
  );
  read(
    defineRead({
      name: "humanitarian.case.export",
      path: "/processes/:id/humanitarian/cases/export",
      tags,
      summary: "Export the cases the reader may read (CSV or XLSX), with the cases list's filters",
      description: marked,
      params: IdParams,
      query: CaseExportQuery,
      response: z.string(),
      produces,
      errors: { 401: ErrorResponse, 403: ErrorResponse },
      cache: "none",
      load: (db, actor, { params, query }) => exportCases(db, actor, params.id, query),
      send,
    }),
  );
  read(
    defineRead({
      name: "humanitarian.review_queue.export",
      path: "/processes/:id/humanitarian/review-queue/export",
      tags,
      summary: "Export the review queue (CSV or XLSX): the neutral intermediary's only (403, audited)",
      description: marked,
      params: IdParams,
      query: ReviewQueueExportQuery,
      response: z.string(),
      produces,
      errors: { 401: ErrorResponse, 403: ErrorResponse },
      cache: "none",
      load: (db, actor, { params, query }) => exportReviewQueue(db, actor, params.id, query),
      send,
    }),
  );
}
