// A zone's new outline (drawn on the map or typed): checked as on creation, refused when drawn on an
// older version, only for who may record zones, audited with the old outline, and the incidents
// attributed again (a point the new outline leaves out is no longer the zone's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { buildProcessFixture, countRows, type ProcessFixture } from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow, createIdlibZone, importCsv } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let zoneId: string;
beforeAll(async () => {
  app = await startTestApp();
  fx = await buildProcessFixture(app);
  zoneId = await createIdlibZone(app, fx);
  // One report at Idlib city (35.93, 36.63), inside the outline.
  const imported = await importCsv(app, fx, acledCsv([acledRow({ event_id_cnty: "SHAPE1" })]), {
    dryRun: false,
  });
  expect(imported.statusCode, imported.body).toBe(200);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

/** A closed ring from its corners. */
const polygon = (...corners: [number, number][]) => ({
  type: "Polygon",
  coordinates: [[...corners, corners[0]]],
});
/** North of Idlib city: the report falls outside. */
const northern = polygon([36.2, 36.1], [37.0, 36.1], [37.0, 36.5], [36.2, 36.5]);
const reshape = (payload: Record<string, unknown>, as: string | undefined = fx.as.secretariat) =>
  app.request({ method: "POST", url: `/api/zones/${zoneId}/shape`, as, payload });
const zone = async () => (await app.request({ method: "GET", url: `/api/zones/${zoneId}` })).json();
const attributed = () => countRows(app, `followup_incident_zones where zone_id = '${zoneId}'`);

describe("redrawing a zone", () => {
  it("refuses a polygon that crosses itself, with the message shown beside the map", async () => {
    const bow = polygon([36.2, 35.5], [37.0, 36.3], [37.0, 35.5], [36.2, 36.3]);
    const refused = await reshape({ geometry: bow, version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "self_intersecting_polygon" });
    expect(refused.json().error.message).toMatch(/crosses itself/);
    const open = await reshape({
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [36, 35],
            [37, 35],
            [37, 36],
          ],
        ],
      },
      version: 1,
    });
    expect(open.statusCode).toBe(400);
    expect((await zone()).version).toBe(1);
  });

  it("is refused to the parties and observers, and to the public", async () => {
    for (const role of ["party", "observer", "monitor"] as const)
      expect((await reshape({ geometry: northern, version: 1 }, fx.as[role])).statusCode, role).toBe(403);
    const anonymous = await app.request({
      method: "POST",
      url: `/api/zones/${zoneId}/shape`,
      payload: { geometry: northern, version: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await zone()).version).toBe(1);
  });

  it("saves the new outline, re-attributes the incidents and keeps the old outline in the audit", async () => {
    expect(await attributed()).toBe(1);
    const saved = await reshape({ geometry: northern, version: 1, approximate: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ id: zoneId, version: 2 });
    const now = await zone();
    expect(now).toMatchObject({ version: 2, approximate: false, bbox: [36.2, 36.1, 37.0, 36.5] });
    expect(now.geometry).toEqual(northern);
    expect(await attributed()).toBe(0);
    const audit = await app.deps.db.execute(
      `select data from audit_log where action = 'followup.zone.update-shape' and outcome = 'ok' and subject_id = '${zoneId}'`,
    );
    const rows = (audit as unknown as { rows: { data: { previous: unknown; version: number } }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data.version).toBe(2);
    expect(JSON.stringify(rows[0]?.data.previous)).toContain("36.55");
  });

  it("refuses an outline drawn on an older version (409), changing nothing", async () => {
    const stale = await reshape({
      geometry: polygon([36, 35], [37.5, 35], [37.5, 36.6], [36, 36.6]),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect((await zone()).version).toBe(2);
    expect(await attributed()).toBe(0);
  });
});
