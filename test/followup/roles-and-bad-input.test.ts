// Every role against every follow-up route (who may write, what each reads), and bad input: polygons
// that are not polygons, coordinates out of range or swapped, dates in several forms, CSV files without
// ACLED's columns, in another encoding, too large, or not CSV at all — each a 4xx naming the fault.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import {
  countRows,
  type MatrixRole,
  matrixRoles,
  type ProcessFixture,
  withProcessFixture,
} from "../helpers/process-fixtures.ts";
import {
  acledCsv,
  acledHeader,
  acledRow,
  announcedRound,
  createIdlibZone,
  idlibPolygon,
  importCsv,
} from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let zoneId: string;
let roundId: string;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});

beforeAll(async () => {
  zoneId = await createIdlibZone(app, fx);
  roundId = await announcedRound(app, fx, 23, "2025-05-20", "2025-05-21");
});

const post = (url: string, role: MatrixRole, payload: unknown) =>
  app.request({ method: "POST", url, as: fx.as[role], payload: payload as object });
const get = (url: string, role: MatrixRole) => app.request({ method: "GET", url, as: fx.as[role] });

/** A raw report by the monitor, with its reporter and a sensitive note. */
async function reportAsMonitor(): Promise<string> {
  const response = await post(`/api/processes/${fx.slug}/incidents`, "monitor", {
    occurredOn: "2025-03-10",
    latitude: 35.9,
    longitude: 36.6,
    eventType: "Battles",
    notes: "Sensitive: the informant's village",
    sensitive: ["notes"],
    reporter: "Informant K.",
    actor1: "Actor one",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe("who may write", () => {
  const allowed: Record<string, MatrixRole[]> = {
    zone: ["secretariat", "guarantor"],
    commitment: ["secretariat", "guarantor"],
    status: ["secretariat", "guarantor", "monitor"],
    report: ["secretariat", "guarantor", "party", "monitor"],
    import: ["monitor"],
  };
  const denied = (status: number, role: MatrixRole) => (role === "public" ? status === 401 : status === 403);

  it.each(matrixRoles)("%s", async (role) => {
    const zone = await post(`/api/processes/${fx.slug}/zones`, role, {
      name: `Zone by ${role}`,
      geometry: idlibPolygon,
      startDate: "2017-05-04",
    });
    expect(
      allowed.zone?.includes(role) ? zone.statusCode === 201 : denied(zone.statusCode, role),
      zone.body,
    ).toBe(true);
    const commitment = await post(`/api/processes/${fx.slug}/commitments`, role, {
      what: `Commitment by ${role}`,
      category: "humanitarian_access",
    });
    expect(
      allowed.commitment?.includes(role)
        ? commitment.statusCode === 201
        : denied(commitment.statusCode, role),
      commitment.body,
    ).toBe(true);
    const report = await post(`/api/processes/${fx.slug}/incidents`, role, {
      occurredOn: "2025-03-01",
      latitude: 35.9,
      longitude: 36.6,
      eventType: "Battles",
    });
    expect(
      allowed.report?.includes(role) ? report.statusCode === 201 : denied(report.statusCode, role),
      report.body,
    ).toBe(true);
    const imported = await importCsv(app, fx, acledCsv([acledRow({ event_id_cnty: `R-${role}` })]), {
      dryRun: true,
      as: fx.as[role],
    });
    expect(
      allowed.import?.includes(role) ? imported.statusCode === 200 : denied(imported.statusCode, role),
    ).toBe(true);

    const incidentId = await reportAsMonitor();
    const verify = await post(`/api/incidents/${incidentId}/verification`, role, { state: "under_review" });
    // Raw reports are the process's: others get 404 (not even its existence), members 403, the monitor 200.
    const expected = role === "monitor" ? 200 : role === "public" || role === "admin" ? 404 : 403;
    expect(verify.statusCode, verify.body).toBe(expected);
    const zoneStatus = await post(`/api/zones/${zoneId}/statuses`, role, {
      status: "partly_seized",
      fromDate: "2030-01-01",
    });
    expect(
      allowed.zone?.includes(role) ? zoneStatus.statusCode === 200 : denied(zoneStatus.statusCode, role),
    ).toBe(true);
  });
});

describe("what each role reads", () => {
  it.each(matrixRoles)(
    "%s: the reporter and sensitive fields only as the monitor, raw reports only as a member",
    async (role) => {
      const incidentId = await reportAsMonitor();
      const detail = await get(`/api/incidents/${incidentId}`, role);
      const isMember = !["public", "admin"].includes(role);
      expect(detail.statusCode).toBe(isMember ? 200 : 404);
      expect(detail.body.includes("Informant K.")).toBe(role === "monitor");
      expect(detail.body.includes("informant's village")).toBe(role === "monitor");
      if (isMember) expect(detail.json().report.actor1).toBe("Actor one");
      for (const url of [
        `/api/processes/${fx.slug}/zones`,
        `/api/zones/${zoneId}`,
        `/api/processes/${fx.slug}/commitments`,
        `/api/processes/${fx.slug}/incidents`,
        `/api/processes/${fx.slug}/incidents/by-month`,
        `/api/rounds/${roundId}/followup-report`,
        `/api/rounds/${roundId}/followup-report.csv`,
      ]) {
        const response = await get(url, role);
        expect(response.statusCode, `${role} ${url}`).toBe(200);
        expect(response.body.includes("Informant K."), `${role} ${url}`).toBe(
          role === "monitor" && url.endsWith("/incidents"),
        );
      }
    },
  );
});

describe("bad input", () => {
  const zone = (geometry: unknown, startDate = "2017-05-04") =>
    post(`/api/processes/${fx.slug}/zones`, "secretariat", { name: "Bad zone", geometry, startDate });
  const ring = (...points: [number, number][]) => ({ type: "Polygon", coordinates: [points] });

  it("refuses polygons that are not closed, cross themselves, or have coordinates out of range or swapped", async () => {
    const before = await countRows(app, "followup_zones");
    const cases: [unknown, string, RegExp][] = [
      [ring([36, 35], [37, 35], [37, 36], [36, 36]), "invalid_polygon", /not closed/],
      [ring([36, 35], [37, 36], [37, 35], [36, 36], [36, 35]), "self_intersecting_polygon", /crosses itself/],
      [ring([36, 95], [37, 95], [37, 96], [36, 95]), "invalid_coordinates", /swapped/],
      [
        ring([236, 35], [237, 35], [237, 36], [236, 35]),
        "invalid_coordinates",
        /longitude 236 is out of range/,
      ],
      [ring([36, 35], [37, 35], [36, 35]), "invalid_polygon", /at least 4/],
    ];
    for (const [geometry, code, message] of cases) {
      const response = await zone(geometry);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(message);
    }
    expect(await countRows(app, "followup_zones")).toBe(before);
  });

  it("reads dates in several forms and names the fault of the others", async () => {
    for (const startDate of ["2017-05-04", "4 May 2017", "May 4, 2017", "2017/05/04", "04-May-2017"]) {
      const response = await zone(idlibPolygon, startDate);
      expect(response.statusCode, `${startDate}: ${response.body}`).toBe(201);
      const created = (await get(`/api/zones/${response.json().id}`, "public")).json();
      expect(created.startDate).toBe("2017-05-04");
    }
    for (const [startDate, message] of [
      ["05/04/2017", /ambiguous/],
      ["2017-02-30", /not a date that exists/],
      ["yesterday", /not a date/],
    ] as const) {
      const response = await zone(idlibPolygon, startDate);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "invalid_date",
        message: expect.stringMatching(message),
      });
    }
  });

  it("refuses an incident whose latitude and longitude are swapped or out of range", async () => {
    const response = await post(`/api/processes/${fx.slug}/incidents`, "monitor", {
      occurredOn: "2025-03-10",
      latitude: 136.6,
      longitude: 35.9,
      eventType: "Battles",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/swapped/);
  });

  it("refuses a CSV without ACLED's columns, naming them, and writes nothing", async () => {
    const before = await countRows(app, "followup_incidents");
    const header = acledHeader.filter((name) => name !== "latitude" && name !== "event_date");
    const response = await importCsv(app, fx, acledCsv([acledRow({ event_id_cnty: "X1" })], header), {
      dryRun: false,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "missing_columns",
      details: { missing: ["event_date", "latitude"] },
    });
    expect(await countRows(app, "followup_incidents")).toBe(before);
  });

  it("refuses Windows-1256 and Latin-1 files as not UTF-8, and an empty file", async () => {
    const before = await countRows(app, "followup_incidents");
    const csv = acledCsv([acledRow({ event_id_cnty: "ENC1", location: "PLACE" })]);
    // "إدلب" in Windows-1256 is C5 CF E1 C8; "Alépine" in Latin-1 has E9.
    for (const bytes of [
      [0xc5, 0xcf, 0xe1, 0xc8],
      [0x41, 0x6c, 0xe9, 0x70],
    ]) {
      const [head, tail] = csv.split("PLACE") as [string, string];
      const file = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
      const response = await importCsv(app, fx, file, { dryRun: false });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "invalid_encoding",
        message: expect.stringMatching(/not UTF-8.*Windows-1256 or Latin-1/),
      });
    }
    const empty = await importCsv(app, fx, "", { dryRun: true });
    expect(empty.statusCode).toBe(400);
    expect(await countRows(app, "followup_incidents")).toBe(before);
  });

  it("answers 413 for an upload over the limit, and 415 for a body that is not CSV", async () => {
    const tooLarge = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/incidents/import-acled?dryRun=true`,
      as: fx.as.monitor,
      headers: { "content-type": "text/csv", "content-length": String(2 * 1024 * 1024 * 1024) },
      payload: "event_id_cnty\r\n",
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toMatch(/CLI/);
    const json = await post(`/api/processes/${fx.slug}/incidents/import-acled?dryRun=true`, "monitor", {
      csv: "x",
    });
    expect(json.statusCode).toBe(415);
  });
});
