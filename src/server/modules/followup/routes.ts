import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  CommitmentDetail,
  CommitmentList,
  CreateCommitmentInput,
  Created,
  CreateZoneInput,
  Day,
  DecideLinkInput,
  DeclassifyIncidentInput,
  ImportQuery,
  IncidentDetail,
  IncidentList,
  IncidentQuery,
  MonthCounts,
  RecordZoneStatusInput,
  ReportIncidentInput,
  SinceLastRoundReport,
  UpdateCommitmentStatusInput,
  UpdateZoneShapeInput,
  VerifyIncidentInput,
  ZoneDetail,
  ZoneList,
} from "../../../contracts/followup.ts";
import {
  ZoneFeatureCollection,
  ZoneImportInput,
  ZoneImportReport,
} from "../../../contracts/followup-files.ts";
import { ExportQuery } from "../../../contracts/record.ts";
import { sendFile } from "../../platform/exports/download.ts";
import {
  type AnyOperation,
  perform,
  type ServerDeps,
  writeErrors,
  type ZodApp,
} from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { requireDay } from "./dates.ts";
import { createCommitment } from "./operations/create-commitment.ts";
import { createZone } from "./operations/create-zone.ts";
import { decideLink } from "./operations/decide-link.ts";
import { declassifyIncident } from "./operations/declassify-incident.ts";
import { importZones } from "./operations/import-zones.ts";
import { recordZoneStatus } from "./operations/record-zone-status.ts";
import { reportIncident } from "./operations/report-incident.ts";
import { updateCommitmentStatus } from "./operations/update-commitment-status.ts";
import { updateZoneShape } from "./operations/update-zone-shape.ts";
import { verifyIncident } from "./operations/verify-incident.ts";
import { getCommitment, listCommitments } from "./reads/commitments.ts";
import { getIncident, listIncidents } from "./reads/incidents.ts";
import { monthCounts, reportCsv, sinceLastRound } from "./reads/report.ts";
import { getZoneDetail, listZones, zonesGeoJson } from "./reads/zones.ts";
import { registerImportRoutes } from "./routes-imports.ts";

const tags = ["followup"];
const IdParams = z.object({ id: RecordRef });

/** Zones, commitments, incidents, the ACLED import and the round's follow-up report. */
export function registerFollowupRoutes(app: ZodApp, deps: ServerDeps): void {
  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "followup.zone.list",
      path: "/processes/:id/zones",
      tags,
      summary:
        "The de-escalation zones of a process: polygons (GeoJSON), memorandum, term and status history",
      params: IdParams,
      response: ZoneList,
      cache: "per-actor",
      load: (db, actor, { params }) => listZones(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.zone.get",
      path: "/zones/:id",
      tags,
      summary:
        "One de-escalation zone with its status history and sources, and the conflicts between sources about it and its memorandum",
      params: IdParams,
      response: ZoneDetail,
      cache: "per-actor",
      load: (db, actor, { params }) => getZoneDetail(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.commitment.list",
      path: "/processes/:id/commitments",
      tags,
      summary: "The commitment tracker: every commitment, its status, trend and updates",
      params: IdParams,
      response: CommitmentList,
      cache: "per-actor",
      load: (db, actor, { params }) => listCommitments(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.commitment.get",
      path: "/commitments/:id",
      tags,
      summary: "One commitment with its status updates, evidence and sources",
      params: IdParams,
      response: CommitmentDetail,
      cache: "per-actor",
      load: (db, actor, { params }) => getCommitment(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.incident.list",
      path: "/processes/:id/incidents",
      tags,
      summary:
        "Incidents: raw reports for the process's delegations (reporter and sensitive fields for the monitors only), declassified summaries for the public",
      params: IdParams,
      query: IncidentQuery,
      response: IncidentList,
      cache: "per-actor",
      load: (db, actor, { params, query }) => listIncidents(db, actor, params.id, query),
    }),
  );
  read(
    defineRead({
      name: "followup.incident.get",
      path: "/incidents/:id",
      tags,
      summary: "One incident with its verification history and the commitments it may breach",
      params: IdParams,
      response: IncidentDetail,
      cache: "per-actor",
      load: (db, actor, { params }) => getIncident(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.incident.months",
      path: "/processes/:id/incidents/by-month",
      tags,
      summary: "Incidents per zone per month (the chart, and the map's time slider)",
      params: IdParams,
      query: z.object({ from: Day.optional(), to: Day.optional() }),
      response: MonthCounts,
      cache: "per-actor",
      load: (db, actor, { params, query }) =>
        monthCounts(db, actor, params.id, {
          from: query.from ? requireDay(query.from, "from") : undefined,
          to: query.to ? requireDay(query.to, "to") : undefined,
        }),
    }),
  );
  read(
    defineRead({
      name: "followup.report.since-last-round",
      path: "/rounds/:id/followup-report",
      tags,
      summary: "Since the last round: incidents by zone, commitments changed, new breaches",
      params: IdParams,
      response: SinceLastRoundReport,
      cache: "per-actor",
      load: (db, actor, { params }) => sinceLastRound(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "followup.report.since-last-round-csv",
      path: "/rounds/:id/followup-report.csv",
      tags,
      summary:
        "The since-the-last-round report as CSV (UTF-8 with BOM), for the agenda; its sections and statuses in `lang`",
      params: IdParams,
      query: ExportQuery,
      response: z.string(),
      produces: ["text/csv"],
      cache: "per-actor",
      load: async (db, actor, { params, query }) =>
        reportCsv(await sinceLastRound(db, actor, params.id), query.lang),
      send: (reply, file) => sendFile(reply, file),
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
      { schema: { tags, summary, params: IdParams, body, response: { [status]: Created, ...writeErrors } } },
      async (request, reply) => {
        const result = await perform(request, deps.db, operation, {
          ...(request.body as object),
          [idField]: request.params.id,
        });
        return reply.status(status).send(result);
      },
    );
  write(
    "/processes/:id/zones",
    createZone,
    CreateZoneInput,
    "processId",
    "Record a de-escalation zone (secretariat, guarantors)",
    201,
  );
  app.post(
    "/zones/:id/shape",
    {
      schema: {
        tags,
        summary:
          "Give a zone a new outline, drawn on the map or typed (secretariat, guarantors; names the version drawn on)",
        params: IdParams,
        body: UpdateZoneShapeInput,
        response: { 200: z.object({ id: z.string(), version: z.number() }), ...writeErrors },
      },
    },
    async (request) =>
      perform(request, deps.db, updateZoneShape, { ...request.body, zoneId: request.params.id }),
  );
  write(
    "/zones/:id/statuses",
    recordZoneStatus,
    RecordZoneStatusInput,
    "zoneId",
    "Record what became of a zone from a day on",
  );
  write(
    "/processes/:id/commitments",
    createCommitment,
    CreateCommitmentInput,
    "processId",
    "Record a commitment, from an adopted text's operative paragraph or by hand",
    201,
  );
  write(
    "/commitments/:id/updates",
    updateCommitmentStatus,
    UpdateCommitmentStatusInput,
    "commitmentId",
    "Record a commitment's new status with evidence and sources",
  );
  write(
    "/processes/:id/incidents",
    reportIncident,
    ReportIncidentInput,
    "processId",
    "Report an incident (monitors, secretariat, guarantors, parties)",
    201,
  );
  write(
    "/incidents/:id/verification",
    verifyIncident,
    VerifyIncidentInput,
    "incidentId",
    "Move a report along its verification (the monitoring team)",
  );
  write(
    "/incidents/:id/declassify",
    declassifyIncident,
    DeclassifyIncidentInput,
    "incidentId",
    "Make a verified report public as a summary (the monitoring team)",
  );
  write(
    "/incident-links/:id/decision",
    decideLink,
    DecideLinkInput,
    "linkId",
    "Confirm or reject a suggested incident–commitment link (the monitoring team)",
  );

  read(
    defineRead({
      name: "followup.zone.geojson",
      path: "/processes/:id/zones.geojson",
      tags,
      summary:
        "The de-escalation zones a reader may see as a GeoJSON FeatureCollection (name, status, approximate, memorandum, dates)",
      params: IdParams,
      response: ZoneFeatureCollection,
      produces: ["application/geo+json"],
      cache: "per-actor",
      load: (db, actor, { params }) => zonesGeoJson(db, actor, params.id),
      send: (reply, collection) =>
        reply
          .type("application/geo+json")
          .header("content-disposition", 'attachment; filename="zones.geojson"')
          .send(JSON.stringify(collection)),
    }),
  );
  app.post(
    "/processes/:id/zones/import",
    {
      schema: {
        tags,
        summary:
          "Import zones from a GeoJSON FeatureCollection of Polygons: a dry run by default (secretariat, guarantors)",
        description:
          "Each feature needs `properties.name` and `properties.startDate`; a feature whose `properties.id` (or `id`) is a zone's id or external id updates it, any other creates a zone. Every feature is checked (closed rings, coordinates in range and not swapped, no self-intersection) and reported by its index. `dryRun=false` with any faulty feature is refused whole (422, the report in `details`).",
        params: IdParams,
        querystring: ImportQuery,
        body: ZoneImportInput,
        response: { 200: ZoneImportReport, ...writeErrors },
      },
    },
    async (request) =>
      perform(request, deps.db, importZones, {
        processId: request.params.id,
        collection: request.body,
        dryRun: request.query.dryRun !== "false",
      }),
  );
  registerImportRoutes(app, deps);
}
