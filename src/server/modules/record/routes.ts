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
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { defineRead, registerRead } from "../../platform/read.ts";
import { registerExportRoutes } from "./exports/routes.ts";
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
  registerExportRoutes(app, deps);

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.timeline.get",
      path: "/processes/:id/timeline",
      tags: ["record"],
      summary: "Rounds, meetings, milestones and decisions in date order, with the gaps between rounds",
      params: ProcessParams,
      query: TimelineQuery,
      response: Timeline,
      cache: "per-actor",
      load: (db, actor, { params, query }) => processTimeline(db, actor, params.id, query.minGapDays),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.attendance.get",
      path: "/processes/:id/attendance",
      tags: ["record"],
      summary: "Participants × rounds by role and attendance, each cell with its wording and source count",
      params: ProcessParams,
      response: AttendanceMatrix,
      cache: "per-actor",
      load: (db, actor, { params }) => attendanceMatrix(db, actor, params.id),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.conflict.list",
      path: "/processes/:id/conflicts",
      tags: ["record"],
      summary: "Every conflict between sources in a process, with its subject and each value's sources",
      params: ProcessParams,
      query: ConflictsQuery,
      response: ProcessConflicts,
      cache: "per-actor",
      load: (db, actor, { params, query }) => processConflicts(db, actor, params.id, query.kind),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.subject.get",
      path: "/record/:subjectType/:subjectId",
      tags: ["record"],
      summary:
        "The sourced record of one subject: facts, sources by field, conflicts, and those of its parts",
      params: SubjectParams,
      response: SubjectRecord,
      cache: "per-actor",
      load: async (db, actor, { params }) => {
        const { subjectType, subjectId } = params;
        const subject = await findVisibleSubject(db, actor, { subjectType, subjectId });
        if (!subject) throw new NotFound(subjectType.replaceAll("_", " "), subjectId);
        return subjectRecord(db, actor, subject);
      },
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.source.list",
      path: "/sources",
      tags: ["record"],
      summary: "Search the sources by title, address or publisher",
      query: SourcesQuery,
      response: SourceList,
      errors: { 400: ErrorResponse },
      cache: "per-actor",
      load: (db, actor, { query }) => listSources(db, actor, query),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "record.source.get",
      path: "/sources/:id",
      tags: ["record"],
      summary: "One source and what cites it",
      params: SourceParams,
      response: SourceDetail,
      cache: "per-actor",
      load: (db, actor, { params }) => sourceDetail(db, actor, params.id),
    }),
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
