// A side's list upload over HTTP: in the request (up to 32 MiB, with the preview), or kept sealed in the
// data directory and imported by a background job with progress (up to 512 MiB); both read the file
// through the same code (list-import.ts) and import it by the same operation.
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  ColumnMapping,
  ListImportJob,
  ListImportReport,
  ListImportStarted,
  ListUploadQuery,
} from "../../../contracts/humanitarian.ts";
import { ErrorResponse } from "../../../contracts/platform.ts";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import { BadRequest, Conflict, DomainError, NotFound } from "../../platform/errors.ts";
import { getJob, presentJob } from "../../platform/jobs.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { sealStream } from "../../platform/personal-data.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { listImportJobKind, listUploads } from "./jobs/list-import-job.ts";
import { tooLarge } from "./list-file.ts";
import { importListFile } from "./list-import.ts";
import { loadProcess, loadSide } from "./operations/shared.ts";
import { startListImport } from "./operations/start-list-import.ts";
import { canSubmitFor } from "./policies.ts";
import { humLists } from "./schema.ts";

const tags = ["humanitarian"];
const IdParams = z.object({ id: RecordRef });
/** The largest list file taken in the request; larger ones go to the job (or the CLI, any size). */
export const listUploadMaxBytes = 32 * 1024 * 1024;
/** The largest list file the job takes over HTTP (500,000 rows are about 100 MiB); the CLI streams any size. */
export const listJobMaxBytes = 512 * 1024 * 1024;
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The request's body as a stream and its format, or a 415 naming what to send; a declared size over the limit is a 413 at once. */
function listBody(
  request: { body: unknown; headers: Record<string, unknown> },
  maxBytes: number,
): { body: Readable; format: "csv" | "xlsx" } {
  const body = request.body as Readable | undefined;
  const type = String(request.headers["content-type"] ?? "")
    .split(";")[0]
    ?.trim()
    .toLowerCase();
  if (!body || typeof body.pipe !== "function" || (type !== "text/csv" && type !== xlsxType))
    throw new DomainError(
      "unsupported_media_type",
      415,
      `Send the list as the body, with Content-Type: text/csv or ${xlsxType}.`,
    );
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) {
    body.resume();
    throw tooLarge(maxBytes);
  }
  return { body, format: type === "text/csv" ? "csv" : "xlsx" };
}

/** The options of an upload, from its query. */
function uploadOptions(processId: string, query: z.infer<typeof ListUploadQuery>) {
  return {
    processId,
    delegationId: query.delegationId,
    title: query.title,
    fileName: query.fileName ?? query.title,
    kind: query.kind,
    sharing: query.sharing,
    mapping: parseMapping(query.mapping),
    dayMonth: query.dayMonth,
    dryRun: query.dryRun !== "false",
  };
}

/** A list import job the actor may follow (its side's delegation, in SQL); any other answers 404. */
async function getListImport(db: Db, actor: Actor, jobId: string): Promise<z.infer<typeof ListImportJob>> {
  const row = await getJob(db, actor, jobId);
  if (row.kind !== listImportJobKind) throw new NotFound("List import", jobId);
  return {
    job: presentJob(row, actor),
    report: row.state === "succeeded" && row.result ? (row.result as ListImportReport) : null,
  };
}

/** The list upload routes: in the request, or as a job with its progress and report. */
export function registerListRoutes(app: ZodApp, deps: ServerDeps): void {
  // The list file is streamed from the request as it arrives: never held whole in memory.
  for (const type of ["text/csv", xlsxType])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  const bodyDescription = `Send the file as the body (\`Content-Type: text/csv\` or \`${xlsxType}\`). \`mapping\` is a JSON object from our columns (\`given_ar\`, …, \`birth\`, \`kind\`) to the file's headers; columns named as ours need no mapping. \`dryRun=true\` (the default) writes nothing: the validation report (and, in the request, the first rows as mapped); \`dryRun=false\` imports the valid rows, one case per new person, all or nothing. The same file twice: 409. A CSV not in UTF-8 is read as Windows-1256 (the report says which).`;
  app.post(
    "/processes/:id/humanitarian/lists",
    {
      schema: {
        tags,
        summary:
          "Upload a side's list (CSV or XLSX as the body) in the request: a preview by default, then the import",
        description: `${bodyDescription} At most ${listUploadMaxBytes / 1024 / 1024} MiB (larger: 413; send it to \`…/humanitarian/list-imports\`, a background job, or use the CLI).`,
        params: IdParams,
        querystring: ListUploadQuery,
        response: { 200: ListImportReport, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      const { body, format } = listBody(request, listUploadMaxBytes);
      return importListFile(deps.db, request.actor, {
        ...uploadOptions(request.params.id, request.query),
        format,
        source: body,
        maxBytes: listUploadMaxBytes,
        requestId: request.id,
        warn: (details, message) => request.log.warn(details, message),
      });
    },
  );

  app.post(
    "/processes/:id/humanitarian/list-imports",
    {
      schema: {
        tags,
        summary: "Upload a side's list as a background job with progress (large files)",
        description: `${bodyDescription} At most ${listJobMaxBytes / 1024 / 1024} MiB (larger: 413; the CLI streams any size). The file is kept sealed in the data directory until its job has read it. Answers 202 with the job's id at once (409 at once for a file already imported); follow it at \`/humanitarian/list-imports/{jobId}\` or \`/jobs/{jobId}\` (progress: rows and bytes read of the total), or on the live stream (\`platform.job.progress\`); then the report, without the preview's persons.`,
        params: IdParams,
        querystring: ListUploadQuery,
        response: { 202: ListImportStarted, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { body, format } = listBody(request, listJobMaxBytes);
      const options = { ...uploadOptions(request.params.id, request.query), format };
      const { processId } = await loadProcess(deps.db, options.processId);
      const side = await loadSide(deps.db, processId, options.delegationId);
      if (!canSubmitFor(request.actor, processId, side.delegationId)) {
        body.resume();
        // Refused (and audited) by the operation itself, before a byte is kept.
        await perform(request, deps.db, startListImport, {
          ...options,
          file: listUploads.newName(),
          bytes: 0,
        });
      }
      const hash = createHash("sha256");
      const { name, bytes } = await listUploads.save(body, deps.config.dataDir, {
        maxBytes: listJobMaxBytes,
        tooLarge: () => tooLarge(listJobMaxBytes),
        inspect: (chunk) => hash.update(chunk),
        transform: (source, file) => sealStream(source, file),
      });
      try {
        const contentHash = hash.digest("hex");
        const [already] = await deps.db
          .select({ id: humLists.id })
          .from(humLists)
          .where(and(eq(humLists.processId, processId), eq(humLists.contentHash, contentHash)));
        if (already)
          throw new Conflict(
            "This file was already uploaded in this process (the same content): nothing was imported.",
            { listId: already.id, contentHash },
            "list_already_imported",
          );
        const started = await perform(request, deps.db, startListImport, { ...options, file: name, bytes });
        return reply.status(202).send(started);
      } catch (error) {
        await listUploads.discard(deps.config.dataDir, name);
        throw error;
      }
    },
  );

  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "humanitarian.list-import.get",
      path: "/humanitarian/list-imports/:id",
      tags,
      summary:
        "One list import job: its progress (rows and bytes read of the total), then its report (without persons)",
      params: IdParams,
      response: ListImportJob,
      cache: "none",
      canaryNote:
        "A list import job exists only once a file was uploaded to …/list-imports (no operation creates one from a canary record); it is read by its side's delegation only, in SQL (platform jobs' tier rule), which test/humanitarian/list-import-job.test.ts checks role by role.",
      load: (db, actor, { params }) => getListImport(db, actor, params.id),
    }),
  );
}

/** The `mapping` query parameter: a JSON object of our columns to the file's headers. */
export function parseMapping(text: string | undefined): z.infer<typeof ColumnMapping> {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequest(
      "mapping: not JSON (a JSON object of our columns to the file's headers).",
      { field: "mapping" },
      "invalid_mapping",
    );
  }
  const parsed = ColumnMapping.safeParse(value);
  if (!parsed.success)
    throw new BadRequest(
      "mapping: our columns to the file's headers.",
      { field: "mapping", issues: parsed.error.issues },
      "invalid_mapping",
    );
  return parsed.data;
}
