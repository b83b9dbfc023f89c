// A bulk commitment status update from CSV (a dry-run report, then one audited operation or none), and
// zones out to GeoJSON and back in (what the reader's tier allows; every feature checked, nothing
// half-imported).
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { createIdlibZone, idlibPolygon } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let zoneId: string;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});
beforeAll(async () => {
  zoneId = await createIdlibZone(app, fx);
  for (const [externalId, tier] of [
    ["C-1", "public"],
    ["C-2", "public"],
    ["C-3", "public"],
    ["C-G", "guarantors"],
  ] as const) {
    const created = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/commitments`,
      as: fx.as.secretariat,
      payload: { what: `Commitment ${externalId}`, externalId, category: "humanitarian_access", tier },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});

const statusCsv = [
  "external_id,status,on,evidence,source_url",
  "C-1,breached,2025-03-10,Shelling reported,https://example.org/report",
  "C-2,not started,,,",
  "C-3,In progress,,,",
  "C-9,met,,,",
  "C-1,met,,,",
  "C-G,met,,,",
  ",met,,,",
  "C-3,kept,,,",
].join("\n");

const sendStatuses = (csv: string, dryRun: boolean, role: keyof ProcessFixture["as"] = "monitor") =>
  app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/commitments/status-updates?dryRun=${dryRun}`,
    as: fx.as[role],
    headers: { "content-type": "text/csv" },
    payload: csv,
  });

describe("bulk commitment status update from CSV", () => {
  it("reports every line in a dry run and changes nothing", async () => {
    const updatesBefore = await countRows(app, "followup_commitment_updates");
    const response = await sendStatuses(statusCsv, true);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ dryRun: true, rows: 8, applied: 0 });
    expect(report.matched.map((row: { externalId: string; to: string }) => [row.externalId, row.to])).toEqual(
      [
        ["C-1", "breached"],
        ["C-3", "in_progress"],
      ],
    );
    expect(report.unchanged).toMatchObject([{ externalId: "C-2", from: "not_started" }]);
    // A commitment the monitor may not read is as unknown as one that does not exist.
    expect(report.unknownId).toEqual([
      { line: 5, externalId: "C-9" },
      { line: 7, externalId: "C-G" },
    ]);
    expect(report.invalidStatus).toEqual([]);
    expect(report.invalid.map((row: { line: number }) => row.line)).toEqual([6, 8, 9]);
    expect(JSON.stringify(report.invalid)).toContain("repeats line 2");
    expect(await countRows(app, "followup_commitment_updates")).toBe(updatesBefore);
  });

  it("names an invalid status, and applies the valid lines in one audited operation", async () => {
    const csv = ["external_id,status", "C-1,breached", "C-2,kept", "C-3,in-progress"].join("\n");
    const dry = (await sendStatuses(csv, true)).json();
    expect(dry.invalidStatus).toEqual([{ line: 3, externalId: "C-2", status: "kept" }]);
    const audits = await countRows(app, "audit_log where action = 'followup.commitment.bulk-update-status'");
    const applied = await sendStatuses(csv, false);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ dryRun: false, applied: 2 });
    expect(await countRows(app, "audit_log where action = 'followup.commitment.bulk-update-status'")).toBe(
      audits + 1,
    );
    const tracker = (
      await app.request({ method: "GET", url: `/api/processes/${fx.slug}/commitments`, as: fx.as.monitor })
    ).json();
    const statusOf = (externalId: string) =>
      tracker.items.find((item: { externalId: string }) => item.externalId === externalId)?.status;
    expect([statusOf("C-1"), statusOf("C-2"), statusOf("C-3")]).toEqual([
      "breached",
      "not_started",
      "in_progress",
    ]);
    // Applied again: nothing left to change.
    expect((await sendStatuses(csv, false)).json()).toMatchObject({ applied: 0, unchanged: [{}, {}] });
  });

  it("refuses a file without its columns, and the roles that may not update", async () => {
    const missing = await sendStatuses("id,state\nC-1,met", true);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe("missing_columns");
    expect((await sendStatuses(statusCsv, true, "party")).statusCode).toBe(403);
    expect((await sendStatuses(statusCsv, true, "observer")).statusCode).toBe(403);
  });
});

const square = (lon: number, lat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + 0.2, lat],
      [lon + 0.2, lat + 0.2],
      [lon, lat + 0.2],
      [lon, lat],
    ],
  ],
});
/** An outline whose first and third edges cross. */
const bowTie = {
  type: "Polygon",
  coordinates: [
    [
      [36, 33],
      [36.2, 33.2],
      [36.2, 33],
      [36, 33.2],
      [36, 33],
    ],
  ],
};
const feature = (properties: Record<string, unknown>, geometry: unknown = square(36.3, 33.5)) => ({
  type: "Feature",
  geometry,
  properties: { startDate: "2017-05-04", ...properties },
});

describe("zones in GeoJSON", () => {
  it("exports the zones a reader may see as a FeatureCollection", async () => {
    const hidden = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/zones`,
      as: fx.as.secretariat,
      payload: {
        name: "Guarantors' working map",
        geometry: idlibPolygon,
        startDate: "2017-05-04",
        tier: "guarantors",
      },
    });
    expect(hidden.statusCode, hidden.body).toBe(201);
    const publicExport = await app.request({ method: "GET", url: `/api/processes/${fx.slug}/zones.geojson` });
    expect(publicExport.statusCode, publicExport.body).toBe(200);
    expect(publicExport.headers["content-type"]).toContain("application/geo+json");
    const collection = publicExport.json();
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]).toMatchObject({
      type: "Feature",
      id: zoneId,
      geometry: idlibPolygon,
      properties: {
        name: "Idlib de-escalation area",
        status: "established",
        approximate: true,
        memorandum: "Memorandum on the Creation of De-escalation Areas (4 May 2017)",
        startDate: "2017-05-04",
        termMonths: 6,
      },
    });
    expect(publicExport.body).not.toContain("working map");
    const guarantors = (
      await app.request({
        method: "GET",
        url: `/api/processes/${fx.slug}/zones.geojson`,
        as: fx.as.guarantor,
      })
    ).json();
    expect(guarantors.features).toHaveLength(2);
  });

  it("reports every faulty feature by its index and imports nothing while one is faulty", async () => {
    const zonesBefore = await countRows(app, "followup_zones");
    const collection = {
      type: "FeatureCollection",
      features: [
        feature({ id: "EG", name: "Eastern Ghouta" }),
        feature({ name: "Bow tie" }, bowTie),
        feature({ name: "Swapped" }, square(33.5, 136.3)),
        feature(
          { name: "Open" },
          {
            type: "Polygon",
            coordinates: [
              [
                [36, 33],
                [36.2, 33],
                [36.2, 33.2],
                [36, 33.2],
              ],
            ],
          },
        ),
        feature({ startDate: "someday", name: "Undated" }),
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [36, 33] },
          properties: { name: "Point" },
        },
      ],
    };
    const dry = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/zones/import?dryRun=true`,
      as: fx.as.secretariat,
      payload: collection,
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report.created).toEqual([{ feature: 0, id: null, name: "Eastern Ghouta" }]);
    expect(report.rejected.map((row: { feature: number; code: string }) => [row.feature, row.code])).toEqual([
      [1, "self_intersecting_polygon"],
      [2, "invalid_coordinates"],
      [3, "invalid_polygon"],
      [4, "invalid_feature"],
      [5, "invalid_feature"],
    ]);
    expect(report.rejected[1].reasons[0]).toContain("swapped");
    const real = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/zones/import?dryRun=false`,
      as: fx.as.secretariat,
      payload: collection,
    });
    expect(real.statusCode, real.body).toBe(422);
    expect(real.json().error.details.rejected).toHaveLength(5);
    expect(await countRows(app, "followup_zones")).toBe(zonesBefore);
  });

  it("gives each refused feature its name and its faults as codes, for the page to word in its reader's language", async () => {
    const dry = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/zones/import?dryRun=true`,
      as: fx.as.secretariat,
      payload: {
        type: "FeatureCollection",
        features: [
          feature({ name: "Bow tie" }, bowTie),
          feature({ name: "Far north" }, square(100, 95)),
          feature({ name: "Swapped" }, square(33.5, 136.3)),
          feature({ area: "No name given" }),
          feature({ name: "Undated", startDate: "someday" }),
          feature({ id: "TWICE", name: "Once" }),
          feature({ id: "TWICE", name: "Twice" }),
        ],
      },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const rejected = dry.json().rejected as { feature: number; name: string | null; faults: unknown[] }[];
    expect(rejected.map((row) => [row.feature, row.name, row.faults])).toEqual([
      [
        0,
        "Bow tie",
        [{ field: "geometry", code: "self_intersecting", params: { ring: 1, first: 1, second: 3 } }],
      ],
      [
        1,
        "Far north",
        [{ field: "geometry", code: "latitude_range", params: { ring: 1, position: 1, value: "100, 95" } }],
      ],
      [
        2,
        "Swapped",
        [{ field: "geometry", code: "swapped", params: { ring: 1, position: 1, value: "33.5, 136.3" } }],
      ],
      [3, null, [{ field: "properties.name", code: "missing", params: {} }]],
      [4, "Undated", [{ field: "properties.startDate", code: "bad_date", params: { value: "someday" } }]],
      [6, "Twice", [{ field: "id", code: "duplicate_id", params: { value: "TWICE", feature: 6 } }]],
    ]);
  });

  it("creates new zones and updates existing ones by id, and the export goes back in unchanged", async () => {
    const exported = (
      await app.request({
        method: "GET",
        url: `/api/processes/${fx.slug}/zones.geojson`,
        as: fx.as.secretariat,
      })
    ).json();
    const idlib = exported.features.find((f: { id: string }) => f.id === zoneId);
    idlib.properties.name = "Idlib (redrawn)";
    const collection = {
      type: "FeatureCollection",
      features: [idlib, feature({ id: "EG", name: "Eastern Ghouta", approximate: true })],
    };
    const imported = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/zones/import?dryRun=false`,
      as: fx.as.secretariat,
      payload: collection,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({
      updated: [{ feature: 0, id: zoneId, name: "Idlib (redrawn)" }],
      created: [{ feature: 1, name: "Eastern Ghouta" }],
      rejected: [],
    });
    // Imported again by its external id: updated, not duplicated.
    const again = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/zones/import?dryRun=false`,
      as: fx.as.secretariat,
      payload: { type: "FeatureCollection", features: [feature({ id: "EG", name: "Eastern Ghouta" })] },
    });
    expect(again.json()).toMatchObject({ created: [], updated: [{ feature: 0, name: "Eastern Ghouta" }] });
    const zones = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/zones` })).json();
    expect(zones.items.map((zone: { name: string }) => zone.name).sort()).toEqual([
      "Eastern Ghouta",
      "Idlib (redrawn)",
    ]);
    // Each update is a new version, so an outline drawn on the map from the old one is refused as stale.
    const versions = Object.fromEntries(
      zones.items.map((zone: { name: string; version: number }) => [zone.name, zone.version]),
    );
    expect(versions).toEqual({ "Eastern Ghouta": 2, "Idlib (redrawn)": 2 });
    expect(
      (
        await app.request({
          method: "POST",
          url: `/api/processes/${fx.slug}/zones/import`,
          as: fx.as.party,
          payload: collection,
        })
      ).statusCode,
    ).toBe(403);
  });
});
