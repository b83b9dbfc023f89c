// The ACLED import over HTTP: in the request (small files, as before), or uploaded to the data directory
// and run as a background job with progress, its report kept with the job.
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  ImportJob,
  ImportJobList,
  ImportQuery,
  ImportReport,
  ImportStarted,
} from "../../../contracts/followup.ts";
import { CommitmentStatusImportReport } from "../../../contracts/followup-files.ts";
import { ErrorResponse } from "../../../contracts/platform.ts";
import { BadRequest, DomainError } from "../../platform/errors.ts";
import { testHoldFromHeader, testHoldHeader } from "../../platform/jobs.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { fileTooLarge, importAcledFile } from "./acled-file.ts";
import { acledUploads, importJobKind } from "./jobs/import-job.ts";
import { bulkUpdateCommitmentStatus } from "./operations/bulk-update-commitment-status.ts";
import { loadProcess } from "./operations/shared.ts";
import { startImport } from "./operations/start-import.ts";
import { canMonitor } from "./policies.ts";
import { getImport, listImports } from "./reads/imports.ts";

const tags = ["followup"];
const IdParams = z.object({ id: RecordRef });
/** The largest ACLED file taken over HTTP; the CLI streams any size. */
export const acledUploadMaxBytes = 512 * 1024 * 1024;

/** The request's body as a stream, or a 415 naming what to send; a declared size over the limit is a 413 at once. */
function csvBody(request: { body: unknown; headers: Record<string, unknown> }): Readable {
  const body = request.body as Readable | undefined;
  if (!body || typeof body.pipe !== "function")
    throw new DomainError(
      "unsupported_media_type",
      415,
      "Send the ACLED file as the body, with Content-Type: text/csv.",
    );
  if (Number(request.headers["content-length"] ?? 0) > acledUploadMaxBytes) {
    body.resume();
    throw fileTooLarge(acledUploadMaxBytes);
  }
  return body;
}

/**
 * Writes the upload to a file, counting its bytes (413 past the limit) and checking it is UTF-8 as it
 * arrives (400 at the first invalid byte), so a refused file is refused before a job starts.
 */
function saveUpload(body: Readable, dataDir: string): Promise<{ name: string; bytes: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return acledUploads.save(body, dataDir, {
    maxBytes: acledUploadMaxBytes,
    tooLarge: () => fileTooLarge(acledUploadMaxBytes),
    inspect: (chunk, bytes) => {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        throw new BadRequest(
          `The file is not UTF-8 (an invalid byte near byte ${bytes - chunk.byteLength + 1}): it may be Windows-1256 or Latin-1. Save it as UTF-8 and import it again.`,
          { near: bytes - chunk.byteLength },
          "invalid_encoding",
        );
      }
    },
  });
}

/** The ACLED import routes: in the request, or as a job with its progress and report. */
export function registerImportRoutes(app: ZodApp, deps: ServerDeps): void {
  // The ACLED file is streamed from the request as it arrives: never held whole in memory.
  app.addContentTypeParser("text/csv", (_request, payload, done) => done(null, payload));
  const bodyDescription = `Send the file as the body with \`Content-Type: text/csv\`, at most ${acledUploadMaxBytes / 1024 / 1024} MiB (larger: 413; the CLI streams any size). \`dryRun=true\` (the default) checks every row and writes nothing; \`dryRun=false\` upserts the valid rows on \`event_id_cnty\`. A file without ACLED's columns or not in UTF-8 is refused whole (400).`;
  app.post(
    "/processes/:id/incidents/import-acled",
    {
      schema: {
        tags,
        summary:
          "Import an ACLED-format CSV export (text/csv) within the request: a dry run by default, then the valid rows",
        description: `${bodyDescription} For large files prefer \`POST /processes/{id}/incidents/imports\`, which runs as a job with progress.`,
        params: IdParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) =>
      importAcledFile(deps.db, request.actor, {
        processId: request.params.id,
        dryRun: request.query.dryRun !== "false",
        source: csvBody(request),
        maxBytes: acledUploadMaxBytes,
        requestId: request.id,
      }),
  );

  app.post(
    "/processes/:id/incidents/imports",
    {
      schema: {
        tags,
        summary: "Start an ACLED import (text/csv) as a background job with progress (the monitoring team)",
        description: `${bodyDescription} Answers 202 with the job's id at once; follow it at \`/followup-imports/{jobId}\` (progress: rows and bytes read; then the report with the rejected rows) or on the live stream (\`platform.job.progress\`).`,
        params: IdParams,
        querystring: ImportQuery,
        response: { 202: ImportStarted, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      const body = csvBody(request);
      const input = { processId: request.params.id, dryRun: request.query.dryRun !== "false" };
      const { processId } = await loadProcess(deps.db, input.processId);
      if (!canMonitor(request.actor, processId)) {
        body.resume();
        // Refused (and audited) by the operation itself, before a byte is kept.
        await perform(request, deps.db, startImport, { ...input, file: `${randomUUID()}.csv`, bytes: 0 });
      }
      const { name, bytes } = await saveUpload(body, deps.config.dataDir);
      try {
        // A test server (ASTANA_TEST_HOLD_JOBS naming followup.import) holds the job as the test asks.
        const testHold =
          deps.config.ASTANA_TEST_HOLD_JOBS?.[importJobKind] !== undefined
            ? testHoldFromHeader(request.headers[testHoldHeader])
            : null;
        const started = await perform(request, deps.db, startImport, {
          ...input,
          file: name,
          bytes,
          testHold,
        });
        return reply.status(202).send(started);
      } catch (error) {
        await acledUploads.discard(deps.config.dataDir, name);
        throw error;
      }
    },
  );

  app.post(
    "/processes/:id/commitments/status-updates",
    {
      schema: {
        tags,
        summary:
          "Update many commitments' statuses from a CSV (text/csv) matched on their external ids: a dry run by default",
        description:
          "Columns `external_id` and `status` (not_started, in_progress, met, breached, lapsed; spaces or hyphens allowed), optionally `on` (the day), `evidence` and `source_url`. `dryRun=true` (the default) reports every line (matched, unchanged, unknown id, invalid status, other faults) and changes nothing; `dryRun=false` records the matched lines in one audited operation. At most 5 MiB.",
        params: IdParams,
        querystring: ImportQuery,
        response: {
          200: CommitmentStatusImportReport,
          ...writeErrors,
          413: ErrorResponse,
          415: ErrorResponse,
        },
      },
    },
    async (request) =>
      perform(request, deps.db, bulkUpdateCommitmentStatus, {
        processId: request.params.id,
        csv: await smallTextBody(csvBody(request), 5 * 1024 * 1024),
        apply: request.query.dryRun === "false",
      }),
  );

  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "followup.import.list",
      path: "/processes/:id/incidents/imports",
      tags,
      summary:
        "The latest ACLED imports of a process (the monitoring team's, and one's own), with their reports",
      params: IdParams,
      response: ImportJobList,
      cache: "none",
      load: (db, actor, { params }) => listImports(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.import.get",
      path: "/followup-imports/:id",
      tags,
      summary:
        "One ACLED import job: its progress (rows and bytes read), then its report with the rejected rows",
      params: IdParams,
      response: ImportJob,
      cache: "none",
      canaryNote:
        "An import job exists only once a file was uploaded (no operation creates one from a canary record); it is read by its sender and its process's monitors only, in SQL, which test/followup/import-job.test.ts checks role by role.",
      load: (db, actor, { params }) => getImport(db, actor, params.id),
    }),
  );
}

/** Reads a small text body (a CSV under `maxBytes`) whole: 413 past the limit, 400 if not UTF-8. */
export async function smallTextBody(body: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) {
      body.resume();
      throw new DomainError("file_too_large", 413, `The file is larger than ${maxBytes / 1024 / 1024} MiB.`, {
        maxBytes,
      });
    }
    chunks.push(chunk);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BadRequest(
      "The file is not UTF-8: save it as UTF-8 and send it again.",
      {},
      "invalid_encoding",
    );
  }
}
