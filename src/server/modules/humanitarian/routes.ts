// The humanitarian module's HTTP routes: reads through `defineRead` (filtered in SQL, never cached: every
// read of a person is audited), writes through operations, and the list upload streamed from the body.
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
  CreateCaseInput,
  Created,
  ExchangeDetail,
  ExchangeList,
  ExchangeSides,
  ExchangeTimeline,
  ListDetail,
  ListQuery,
  ListSummaries,
  PlanExchangeInput,
  ReviewProgress,
  UpdateCaseInput,
  WithdrawInput,
} from "../../../contracts/humanitarian.ts";
import { ErrorResponse } from "../../../contracts/platform.ts";
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
import { planExchange } from "./operations/plan-exchange.ts";
import { updateCase } from "./operations/update-case.ts";
import { withdrawCase } from "./operations/withdraw-case.ts";
import { withdrawExchangePerson } from "./operations/withdraw-exchange-person.ts";
import { withdrawList } from "./operations/withdraw-list.ts";
import { getCase, listCases } from "./reads/cases.ts";
import { getExchange, listExchanges } from "./reads/exchanges.ts";
import { getList, listLists } from "./reads/lists.ts";
import { caseCounts, exchangeTimeline, reviewProgress } from "./reads/pictures.ts";
import { listExchangeSides } from "./reads/sides.ts";

const tags = ["humanitarian"];
const IdParams = z.object({ id: RecordRef });

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
      name: "humanitarian.exchange.sides",
      path: "/processes/:id/humanitarian/exchange-sides",
      tags,
      summary:
        "The sides an exchange may name (the parties today and their delegations: ids only), for who follows exchanges",
      params: IdParams,
      response: ExchangeSides,
      errors: { 401: ErrorResponse, 403: ErrorResponse },
      cache: "per-actor",
      load: (db, actor, { params }) => listExchangeSides(db, actor, params.id),
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
}
