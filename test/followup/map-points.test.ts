// The map's month (`fields=map`) is built by its own SQL: for every role it must answer the same
// incidents, in the same order, with the same total, zones and places as the full list, and nothing of
// the reports' texts or the protected fields.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { matrixRoles, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow, createIdlibZone, importCsv } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});

type Item = {
  id: string;
  occurredOn: string;
  summary: string | null;
  zones: { zoneId: string; status: string }[];
  report: { latitude: number; longitude: number; notes: string | null; location: string | null } | null;
  protected: unknown;
  place: { latitude: number; longitude: number; gridDegrees: number } | null;
};

const month = "from=2025-03-01&to=2025-03-31";

beforeAll(async () => {
  await createIdlibZone(app, fx);
  const file = acledCsv([
    acledRow({ event_id_cnty: "MAP1", event_date: "2025-03-10", notes: "Secret-ish note one." }),
    acledRow({ event_id_cnty: "MAP2", event_date: "2025-03-12", latitude: 35.33, longitude: 40.14 }),
    acledRow({ event_id_cnty: "MAP3", event_date: "2025-03-12" }),
    acledRow({ event_id_cnty: "MAP4", event_date: "2025-04-02" }),
  ]);
  expect((await importCsv(app, fx, file, { dryRun: false })).statusCode).toBe(200);
  const list = await app.request({
    method: "GET",
    url: `/api/processes/${fx.slug}/incidents?${month}`,
    as: fx.as.monitor,
  });
  const first = (list.json().items as (Item & { report: { externalId: string } })[]).find(
    (item) => item.report.externalId === "MAP1",
  );
  const id = first?.id ?? "";
  for (const [state, reason] of [
    ["under_review", undefined],
    ["verified", "Two sources."],
  ] as const)
    await app.request({
      method: "POST",
      url: `/api/incidents/${id}/verification`,
      as: fx.as.monitor,
      payload: { state, reason },
    });
  const declassified = await app.request({
    method: "POST",
    url: `/api/incidents/${id}/declassify`,
    as: fx.as.monitor,
    payload: { summary: "Shelling near Idlib." },
  });
  expect(declassified.statusCode, declassified.body).toBe(200);
});

describe("the map's month (fields=map)", () => {
  it.each(matrixRoles)("answers %s the same incidents as the full list, without texts", async (role) => {
    const get = async (query: string) => {
      const response = await app.request({
        method: "GET",
        url: `/api/processes/${fx.slug}/incidents?${query}`,
        as: fx.as[role],
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: Item[]; total: number };
    };
    const full = await get(month);
    const map = await get(`${month}&fields=map`);
    expect(map.total).toBe(full.total);
    expect(map.items.map((item) => item.id)).toEqual(full.items.map((item) => item.id));
    for (const [index, item] of map.items.entries()) {
      const whole = full.items[index] as Item;
      expect(item.summary).toBe(whole.summary);
      expect(item.zones).toEqual(whole.zones);
      expect(item.protected).toBeNull();
      // The public's rounded place is the same on the map as in the list (and absent where the report is read).
      expect(item.place).toEqual(whole.place);
      expect(item.place === null).toBe(whole.report !== null);
      expect(item.report === null).toBe(whole.report === null);
      if (item.report && whole.report)
        expect(item.report).toMatchObject({
          latitude: whole.report.latitude,
          longitude: whole.report.longitude,
          notes: null,
          location: null,
        });
    }
    expect(JSON.stringify(map)).not.toContain("Secret-ish");
    // The public reads the declassified summary alone; the process's members every March report.
    if (role === "public") {
      expect(full.total).toBe(1);
      expect(map.items[0]?.place).toMatchObject({ gridDegrees: expect.any(Number) });
    }
    if (role === "monitor") expect(full.total).toBe(3);

    // A page past the end still says how many there are.
    const past = await get(`${month}&fields=map&offset=10`);
    expect(past).toEqual({ items: [], total: full.total });
  });
});
