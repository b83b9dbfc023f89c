// The demonstration record's exchanges: the seven of 2018–2022 from the data file, as public aggregate
// records (counts, dates, sources and conflicts; no names), on the exchange time line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO: "on" });
});
afterAll(async () => {
  await app?.close();
});

describe("the demonstration exchanges", () => {
  it("are the seven exchanges of 2018–2022, public, with counts, sources and conflicts, and no names", async () => {
    const response = await app.request({
      method: "GET",
      url: "/api/processes/astana/humanitarian/exchanges",
    });
    expect(response.statusCode, response.body).toBe(200);
    const exchanges = response.json().exchanges;
    expect(exchanges).toHaveLength(7);
    expect(exchanges[0]).toMatchObject({
      kind: "aggregate",
      state: "completed",
      on: "2018-11-24",
      ratio: "10 for 10",
      first: { label: "Syrian government", releases: 10 },
      second: { label: "Syrian armed opposition", releases: 10 },
    });
    expect(exchanges[0].sources.length).toBeGreaterThan(0);
    const undated = exchanges.find((exchange: { on: string | null }) => exchange.on === null);
    expect(undated).toMatchObject({ ratio: null, dateNote: expect.stringContaining("April 2019") });
    expect(exchanges.some((exchange: { conflicts: unknown[] }) => exchange.conflicts.length > 0)).toBe(true);
    // The data file names some released people in its facts; the exchanges here name nobody.
    expect(response.body).not.toContain("Hamdan");
    const timeline = await app.request({
      method: "GET",
      url: "/api/processes/astana/humanitarian/exchange-timeline",
    });
    expect(timeline.json().exchanges.map((exchange: { on: string | null }) => exchange.on)).toEqual([
      "2018-11-24",
      "2019-02-12",
      "2019-07-31",
      "2021-07-02",
      "2021-12-16",
      "2022-06-13",
      null,
    ]);
    const counts = await app.request({
      method: "GET",
      url: "/api/processes/astana/humanitarian/case-counts",
    });
    expect(counts.json()).toEqual({ current: [], byMonth: [] });
  });
});
