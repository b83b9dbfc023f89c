// The humanitarian module's HTTP routes: reads through `defineRead` (filtered in SQL, never cached: every
// read of a person is audited), writes through operations, and the list upload streamed from the body.
import type { Readable } from "node:stream";
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  AddExchangePersonInput,
  CancelExchangeInput,
  CaseCounts,
  CaseDetail,
  CaseList,
  CaseQuery,
  ChangeCaseStatusInput,
  ColumnMapping,
  CreateCaseInput,
  Created,
  ExchangeDetail,
  ExchangeList,
  ExchangeTimeline,
  ListDetail,
  ListImportReport,
  ListQuery,
  ListSummaries,
  ListUploadQuery,
  PlanExchangeInput,
  ReviewProgress,
  UpdateCaseInput,
  WithdrawInput,
} from "../../../contracts/humanitarian.ts";
import { ErrorResponse } from "../../../contracts/platform.ts";
import { BadRequest, DomainError } from "../../platform/errors.ts";
import {
  type AnyOperation,
  perform,
  type ServerDeps,
  writeErrors,
  type ZodApp,
} from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { addExchangePerson } from "./operations/add-exchange-person.ts";
import { cancelExchange } from "./operations/cancel-exchange.ts";
import { changeCaseStatus } from "./operations/change-case-status.ts";
import { completeExchange } from "./operations/complete-exchange.ts";
import { confirmRelease } from "./operations/confirm-release.ts";
import { createCase } from "./operations/create-case.ts";
import { importList } from "./operations/import-list.ts";
import { planExchange } from "./operations/plan-exchange.ts";
import { updateCase } from "./operations/update-case.ts";
import { withdrawCase } from "./operations/withdraw-case.ts";
import { withdrawExchangePerson } from "./operations/withdraw-exchange-person.ts";
import { withdrawList } from "./operations/withdraw-list.ts";
import { getCase, listCases } from "./reads/cases.ts";
import { getExchange, listExchanges } from "./reads/exchanges.ts";
import { getList, listLists } from "./reads/lists.ts";
import { caseCounts, exchangeTimeline, reviewProgress } from "./reads/pictures.ts";

const tags = ["humanitarian"];
const IdParams = z.object({ id: RecordRef });
/** The largest list file taken over HTTP; the CLI streams any size. */
export const listUploadMaxBytes = 32 * 1024 * 1024;
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Cases, lists (upload, preview, rows), exchanges and the pictures' aggregates. */
export function registerHumanitarianRoutes(app: ZodApp, deps: ServerDeps): void {
  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "humanitarian.case.list",
      path: "/processes/:id/humanitarian/cases",
      tags,
      summary:
        "Cases the reader may read (its side's; all for the intermediary; shared ones for the working group), audited",
      params: IdParams,
      query: CaseQuery,
      response: CaseList,
      errors: { 401: ErrorResponse, 403: ErrorResponse },
      cache: "none",
      load: (db, actor, { params, query }) => listCases(db, actor, params.id, query),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.case.get",
      path: "/humanitarian/cases/:id",
      tags,
      summary: "One case with its status history (who, when, evidence); audited, refusals too (404)",
      params: IdParams,
      response: CaseDetail,
      cache: "none",
      load: (db, actor, { params }) => getCase(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.list.list",
      path: "/processes/:id/humanitarian/lists",
      tags,
      summary: "The lists the reader may read: descriptions and counts, no persons",
      params: IdParams,
      response: ListSummaries,
      cache: "none",
      load: (db, actor, { params }) => listLists(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.list.get",
      path: "/humanitarian/lists/:id",
      tags,
      summary: "One list with a page of its rows; never to the other side (404, audited)",
      params: IdParams,
      query: ListQuery,
      response: ListDetail,
      cache: "none",
      load: (db, actor, { params, query }) => getList(db, actor, params.id, query),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.exchange.list",
      path: "/processes/:id/humanitarian/exchanges",
      tags,
      summary:
        "Exchanges: the record's past exchanges (public, counts only) and operations for the sides and the working group",
      params: IdParams,
      response: ExchangeList,
      cache: "per-actor",
      load: (db, actor, { params }) => listExchanges(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.exchange.get",
      path: "/humanitarian/exchanges/:id",
      tags,
      summary: "One exchange with its people (a person's fields only to a reader of the case; audited)",
      params: IdParams,
      response: ExchangeDetail,
      cache: "none",
      load: (db, actor, { params }) => getExchange(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.picture.case-counts",
      path: "/processes/:id/humanitarian/case-counts",
      tags,
      summary: "Cases by side and status, and status changes by month (over the cases the reader may read)",
      params: IdParams,
      response: CaseCounts,
      cache: "per-actor",
      load: (db, actor, { params }) => caseCounts(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.picture.exchange-timeline",
      path: "/processes/:id/humanitarian/exchange-timeline",
      tags,
      summary: "The exchanges on a time line: dates, places, counts",
      params: IdParams,
      response: ExchangeTimeline,
      cache: "per-actor",
      load: (db, actor, { params }) => exchangeTimeline(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "humanitarian.picture.review-progress",
      path: "/processes/:id/humanitarian/review-progress",
      tags,
      summary: "The review queue's progress: candidates pending, confirmed, rejected (the intermediary's)",
      params: IdParams,
      response: ReviewProgress,
      cache: "per-actor",
      load: (db, actor, { params }) => reviewProgress(db, actor, params.id),
    }),
  );

  const write = (
    path: string,
    operation: AnyOperation,
    body: z.ZodObject,
    idField: string,
    summary: string,
    status = 200,
  ) =>
    app.post(
      path,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body,
          response: { [status]: Created.passthrough(), ...writeErrors },
        },
      },
      async (request, reply) => {
        const result = await perform(request, deps.db, operation, {
          ...(request.body as object),
          [idField]: request.params.id,
        });
        return reply.status(status).send(result);
      },
    );
  write(
    "/processes/:id/humanitarian/cases",
    createCase,
    CreateCaseInput,
    "processId",
    "Register a case (a side, for itself)",
    201,
  );
  write(
    "/humanitarian/cases/:id",
    updateCase,
    UpdateCaseInput,
    "caseId",
    "Correct a case's personal fields, kind or sharing (its side, the intermediary)",
  );
  write(
    "/humanitarian/cases/:id/status",
    changeCaseStatus,
    ChangeCaseStatusInput,
    "caseId",
    "Record a case's next status, on evidence",
  );
  write(
    "/humanitarian/cases/:id/withdraw",
    withdrawCase,
    WithdrawInput,
    "caseId",
    "Withdraw a case with a reason (nothing is deleted)",
  );
  write(
    "/humanitarian/lists/:id/withdraw",
    withdrawList,
    WithdrawInput,
    "listId",
    "Withdraw a list with a reason: its rows and the cases it created",
  );
  write(
    "/processes/:id/humanitarian/exchanges",
    planExchange,
    PlanExchangeInput,
    "processId",
    "Plan an exchange (the intermediary, a guarantor)",
    201,
  );
  write(
    "/humanitarian/exchanges/:id/people",
    addExchangePerson,
    AddExchangePersonInput,
    "exchangeId",
    "Add a person (a case) a side releases",
    201,
  );
  write(
    "/humanitarian/exchange-people/:id/confirm",
    confirmRelease,
    z.strictObject({}),
    "personId",
    "Confirm one person's release (the intermediary)",
  );
  write(
    "/humanitarian/exchange-people/:id/withdraw",
    withdrawExchangePerson,
    WithdrawInput,
    "personId",
    "Take a person out of an open exchange, with a reason",
  );
  write(
    "/humanitarian/exchanges/:id/complete",
    completeExchange,
    z.strictObject({}),
    "exchangeId",
    "Complete an exchange: every case released together, or none",
  );
  write(
    "/humanitarian/exchanges/:id/cancel",
    cancelExchange,
    CancelExchangeInput,
    "exchangeId",
    "Cancel an exchange not yet completed, with a reason",
  );

  // The list file is streamed from the request as it arrives: never held whole in memory.
  for (const type of ["text/csv", xlsxType])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  app.post(
    "/processes/:id/humanitarian/lists",
    {
      schema: {
        tags,
        summary: "Upload a side's list (CSV or XLSX as the body): a preview by default, then the import",
        description: `Send the file as the body (\`Content-Type: text/csv\` or \`${xlsxType}\`), at most ${listUploadMaxBytes / 1024 / 1024} MiB (larger: 413; the CLI streams any size). \`mapping\` is a JSON object from our columns (${"`given_ar`, …, `birth`, `kind`"}) to the file's headers; columns named as ours need no mapping. \`dryRun=true\` (the default) writes nothing and answers the first rows as mapped and the validation report; \`dryRun=false\` imports the valid rows in one transaction, one case per new person. The same file twice: 409. A CSV not in UTF-8 is read as Windows-1256 (the report says which).`,
        params: IdParams,
        querystring: ListUploadQuery,
        response: { 200: ListImportReport, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      const body = request.body as Readable | undefined;
      const type = String(request.headers["content-type"] ?? "")
        .split(";")[0]
        ?.trim()
        .toLowerCase();
      if (
        !body ||
        typeof (body as Readable).pipe !== "function" ||
        (type !== "text/csv" && type !== xlsxType)
      )
        throw new DomainError(
          "unsupported_media_type",
          415,
          `Send the list as the body, with Content-Type: text/csv or ${xlsxType}.`,
        );
      const declared = Number(request.headers["content-length"] ?? 0);
      if (declared > listUploadMaxBytes) {
        body.resume();
        throw new DomainError(
          "file_too_large",
          413,
          `The file is larger than ${listUploadMaxBytes / 1024 / 1024} MiB: upload it with the CLI (astana humanitarian list-upload), which streams any size.`,
          { maxBytes: listUploadMaxBytes },
        );
      }
      const query = request.query;
      return perform(request, deps.db, importList, {
        processId: request.params.id,
        delegationId: query.delegationId,
        title: query.title,
        fileName: query.fileName ?? query.title,
        format: type === "text/csv" ? "csv" : "xlsx",
        kind: query.kind,
        sharing: query.sharing,
        mapping: parseMapping(query.mapping),
        dayMonth: query.dayMonth,
        dryRun: query.dryRun !== "false",
        source: body,
        maxBytes: listUploadMaxBytes,
      });
    },
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
