// The demonstration record's zones: the four areas of the memorandum of 4 May 2017, approximate and
// labelled so, with the fates the data file states and its sources; an incident in Idlib falls in it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO: "on" });
});
afterAll(async () => {
  await app?.close();
});

type Zone = {
  id: string;
  externalId: string;
  name: string;
  approximate: boolean;
  startDate: string;
  termMonths: number;
  autoExtend: boolean;
  status: string;
  history: { status: string; fromDate: string; sources: { url: string }[] }[];
};

describe("the demonstration zones", () => {
  it("are the memorandum's four areas, approximate, with their sourced fates, for the public", async () => {
    const response = await app.request({ method: "GET", url: "/api/processes/astana/zones" });
    expect(response.statusCode, response.body).toBe(200);
    const zones = response.json().items as Zone[];
    expect(zones.map((zone) => zone.externalId).sort()).toEqual([
      "zone-eastern-ghouta",
      "zone-idlib",
      "zone-north-homs",
      "zone-south",
    ]);
    for (const zone of zones) {
      expect(zone).toMatchObject({
        approximate: true,
        startDate: "2017-05-04",
        termMonths: 6,
        autoExtend: true,
      });
      for (const entry of zone.history) expect(entry.sources.length).toBeGreaterThan(0);
    }
    const byId = new Map(zones.map((zone) => [zone.externalId, zone]));
    expect(byId.get("zone-idlib")?.status).toBe("established");
    expect(byId.get("zone-eastern-ghouta")?.history.at(-1)).toMatchObject({
      status: "retaken",
      fromDate: "2018-04-12",
    });
    expect(byId.get("zone-north-homs")?.status).toBe("retaken");
    expect(byId.get("zone-south")?.status).toBe("retaken");
    expect(
      byId
        .get("zone-eastern-ghouta")
        ?.history.at(-1)
        ?.sources.map((source) => source.url),
    ).toContain("http://preciouskashmir.com/2018/04/12/eastern-ghouta-falls-to-syrian-regime/");
  });

  it("each zone's page cites its sources and shows the conflicts between sources about it, by kind", async () => {
    type Conflict = { kind: string; field: string | null; about: string; values: { sources: unknown[] }[] };
    const read = async (id: string) => {
      const response = await app.request({ method: "GET", url: `/api/zones/${id}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Zone & { sources: { url: string }[]; conflicts: Conflict[] };
    };
    const idlib = await read("demo-zone-idlib");
    expect(idlib.sources.map((source) => source.url)).toContain("https://tass.com/politics/944911");
    const aboutIdlib = idlib.conflicts.filter((conflict) => conflict.about === "zone");
    // The data file's three about Idlib: the March 2020 ceasefire's start, the M4 corridor, the day Assad left.
    expect(aboutIdlib.map((conflict) => conflict.kind).sort()).toEqual([
      "ambiguity",
      "disagreement",
      "disagreement",
    ]);
    for (const conflict of aboutIdlib) {
      expect(conflict.field).toMatch(/^Idlib de-escalation area: /);
      for (const value of conflict.values) expect(value.sources.length).toBeGreaterThan(0);
    }
    // The memorandum's own (its entry into force, the working group's and the maps' deadlines) bear on every zone.
    expect(idlib.conflicts.filter((conflict) => conflict.about === "memorandum")).toHaveLength(3);
    // Never another zone's: eastern Ghouta's single-source figure is on its page, not Idlib's.
    expect(idlib.conflicts.some((conflict) => conflict.kind === "single_source")).toBe(false);
    const ghouta = await read("demo-zone-eastern-ghouta");
    expect(ghouta.conflicts.filter((conflict) => conflict.about === "zone")).toMatchObject([
      { kind: "single_source" },
    ]);
    const homs = await read("demo-zone-north-homs");
    expect(homs.conflicts.filter((conflict) => conflict.about === "zone")).toEqual([]);
  });
});
