import { ErrorResponse } from "../../../contracts/platform.ts";
import {
  AttendanceMatrix,
  CitationCreated,
  CiteSourceInput,
  ConflictsQuery,
  DemoLoaded,
  DemoReset,
  ProcessConflicts,
  ProcessParams,
  RecordConflict,
  RecordConflictInput,
  SourceDetail,
  SourceList,
  SourceParams,
  SourcesQuery,
  SubjectParams,
  SubjectRecord,
  SubjectRef,
  Timeline,
  TimelineQuery,
} from "../../../contracts/record.ts";
import { NotFound } from "../../platform/errors.ts";
import { perform, readErrors, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { citeSource } from "./operations/cite-source.ts";
import { loadDemo, resetDemo } from "./operations/demo-record.ts";
import { recordConflict } from "./operations/record-conflict.ts";
import { attendanceMatrix } from "./queries/attendance.ts";
import { processConflicts } from "./queries/conflicts.ts";
import { listSources, sourceDetail } from "./queries/sources.ts";
import { subjectRecord } from "./queries/subject-record.ts";
import { processTimeline } from "./queries/timeline.ts";
import { findVisibleSubject } from "./subjects.ts";

/** The public record: timeline, attendance, sources and conflicts, and the secretariat's edits of it. */
export async function registerRecordRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  app.get(
    "/processes/:id/timeline",
    {
      schema: {
        tags: ["record"],
        summary: "Rounds, meetings, milestones and decisions in date order, with the gaps between rounds",
        params: ProcessParams,
        querystring: TimelineQuery,
        response: { 200: Timeline, ...readErrors },
      },
    },
    (request) => processTimeline(deps.db, request.actor, request.params.id, request.query.minGapDays),
  );

  app.get(
    "/processes/:id/attendance",
    {
      schema: {
        tags: ["record"],
        summary: "Participants × rounds by role and attendance, each cell with its wording and source count",
        params: ProcessParams,
        response: { 200: AttendanceMatrix, ...readErrors },
      },
    },
    (request) => attendanceMatrix(deps.db, request.actor, request.params.id),
  );

  app.get(
    "/processes/:id/conflicts",
    {
      schema: {
        tags: ["record"],
        summary: "Every conflict between sources in a process, with its subject and each value's sources",
        params: ProcessParams,
        querystring: ConflictsQuery,
        response: { 200: ProcessConflicts, ...readErrors },
      },
    },
    (request) => processConflicts(deps.db, request.actor, request.params.id, request.query.kind),
  );

  app.get(
    "/record/:subjectType/:subjectId",
    {
      schema: {
        tags: ["record"],
        summary:
          "The sourced record of one subject: facts, sources by field, conflicts, and those of its parts",
        params: SubjectParams,
        response: { 200: SubjectRecord, ...readErrors },
      },
    },
    async (request) => {
      const { subjectType, subjectId } = request.params;
      const subject = await findVisibleSubject(deps.db, request.actor, { subjectType, subjectId });
      if (!subject) throw new NotFound(subjectType.replaceAll("_", " "), subjectId);
      return subjectRecord(deps.db, request.actor, subject);
    },
  );

  app.get(
    "/sources",
    {
      schema: {
        tags: ["record"],
        summary: "Search the sources by title, address or publisher",
        querystring: SourcesQuery,
        response: { 200: SourceList, 400: ErrorResponse },
      },
    },
    (request) => listSources(deps.db, request.query),
  );

  app.get(
    "/sources/:id",
    {
      schema: {
        tags: ["record"],
        summary: "One source and what cites it",
        params: SourceParams,
        response: { 200: SourceDetail, ...readErrors },
      },
    },
    (request) => sourceDetail(deps.db, request.actor, request.params.id),
  );

  app.post(
    "/record/citations",
    {
      schema: {
        tags: ["record"],
        summary: "Cite a source for a field of a subject (the process's secretariat)",
        body: CiteSourceInput,
        response: { 201: CitationCreated, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await perform(request, deps.db, citeSource, request.body)),
  );

  app.post(
    "/record/conflicts",
    {
      schema: {
        tags: ["record"],
        summary: "Record a conflict between sources, each value with its sources (the process's secretariat)",
        body: RecordConflictInput,
        response: { 201: RecordConflict.extend({ subject: SubjectRef }), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await perform(request, deps.db, recordConflict, request.body)),
  );

  app.post(
    "/demo/load",
    {
      schema: {
        tags: ["record"],
        summary: "Load the demonstration record (administrators); refused if it is already loaded",
        response: { 201: DemoLoaded, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await perform(request, deps.db, loadDemo, {})),
  );

  app.post(
    "/demo/reset",
    {
      schema: {
        tags: ["record"],
        summary: "Delete every demonstration row and load the record again (administrators)",
        response: { 200: DemoReset, ...writeErrors },
      },
    },
    (request) => perform(request, deps.db, resetDemo, {}),
  );
}
