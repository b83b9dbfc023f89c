// The follow-up tests' cast and files: the fixture process with rounds 22 and 23, the Idlib zone, and
// ACLED-format CSV written with ACLED's real header (synthetic rows, not real events).
import { expect } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import type { ProcessFixture } from "../helpers/process-fixtures.ts";

/** ACLED's export header, in its order. */
export const acledHeader = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
];

export type AcledRow = Partial<Record<(typeof acledHeader)[number], string | number>>;

/** A synthetic ACLED row in Syria (Idlib by default), with any field overridden. */
export function acledRow(overrides: AcledRow): AcledRow {
  return {
    event_date: "2025-03-10",
    year: 2025,
    time_precision: 1,
    disorder_type: "Political violence",
    event_type: "Explosions/Remote violence",
    sub_event_type: "Shelling/artillery/missile attack",
    actor1: "Synthetic actor A",
    actor2: "Synthetic actor B",
    iso: 760,
    region: "Middle East",
    country: "Syria",
    admin1: "Idleb",
    admin2: "Idleb",
    admin3: "Idleb",
    location: "Synthetic place",
    latitude: 35.93,
    longitude: 36.63,
    geo_precision: 1,
    source: "Synthetic source",
    source_scale: "National",
    notes: "Synthetic test row: no real event.",
    fatalities: 0,
    tags: "",
    timestamp: 1741600000,
    ...overrides,
  };
}

/** Rows as ACLED's CSV: its header, every field quoted. */
export function acledCsv(rows: AcledRow[], header: string[] = acledHeader): string {
  const quote = (value: unknown) => `"${String(value ?? "").replaceAll('"', '""')}"`;
  return [header.join(","), ...rows.map((row) => header.map((name) => quote(row[name])).join(","))].join(
    "\r\n",
  );
}

/** A rough Idlib zone (the same outline as the demonstration's). */
export const idlibPolygon = {
  type: "Polygon",
  coordinates: [
    [
      [36.0, 36.25],
      [36.55, 36.55],
      [37.05, 36.3],
      [37.15, 35.85],
      [36.85, 35.45],
      [36.2, 35.35],
      [35.95, 35.7],
      [36.0, 36.25],
    ],
  ],
};

/** Plans and announces a round; answers its id. */
export async function announcedRound(
  app: TestApp,
  fx: ProcessFixture,
  number: number,
  startDate: string,
  endDate: string,
) {
  const planned = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/rounds`,
    as: fx.as.secretariat,
    payload: { number, names: { en: `Astana ${number}` }, startDate, endDate },
  });
  expect(planned.statusCode, planned.body).toBe(201);
  const { id, version } = planned.json() as { id: string; version: number };
  const announced = await app.request({
    method: "POST",
    url: `/api/rounds/${id}/announce`,
    as: fx.as.secretariat,
    payload: { publishedOn: startDate, version, text: { original: "en", en: "Announced." } },
  });
  expect(announced.statusCode, announced.body).toBe(200);
  return id;
}

/** Creates the Idlib zone as the secretariat; answers its id. */
export async function createIdlibZone(app: TestApp, fx: ProcessFixture): Promise<string> {
  const created = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/zones`,
    as: fx.as.secretariat,
    payload: {
      name: "Idlib de-escalation area",
      geometry: idlibPolygon,
      approximate: true,
      memorandum: "Memorandum on the Creation of De-escalation Areas (4 May 2017)",
      startDate: "2017-05-04",
      termMonths: 6,
      autoExtend: true,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

/** Posts a CSV to the import route. */
export function importCsv(
  app: TestApp,
  fx: ProcessFixture,
  csv: string | Buffer,
  options: { dryRun: boolean; as?: string },
) {
  return app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/incidents/import-acled?dryRun=${options.dryRun}`,
    as: "as" in options ? options.as : fx.as.monitor,
    headers: { "content-type": "text/csv" },
    payload: csv,
  });
}
