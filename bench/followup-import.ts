// The ACLED import at scale: N generated ACLED-format rows (BENCH_ACLED_ROWS, default 1,000,000) written
// to a file and imported through followup.incident.import-acled as one audited operation — streamed,
// validated, upserted on event_id_cnty, attributed to the four zones — against a raw COPY of the same
// file into a bare table, on the embedded database, in the same run. Then the map's month query
// (a month's incidents of the process, as the monitor reads them) timed 50 times: its p95.
import { createReadStream, createWriteStream, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createParticipant, createProcess } from "../src/server/modules/core/index.ts";
import { createZone, importAcledFile, listIncidents } from "../src/server/modules/followup/index.ts";
import { systemActor } from "../src/server/platform/authz.ts";
import { migrateDatabase, openDatabase, pgliteExtensions } from "../src/server/platform/db.ts";
import { runOperation } from "../src/server/platform/operation.ts";
import type { Benchmark, BenchResult } from "./suite.ts";
import "../src/server/modules.ts";

const header =
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor2,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities";
const zones: [string, number[][]][] = [
  [
    "Idlib",
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
  [
    "Northern Homs",
    [
      [36.45, 34.8],
      [36.85, 34.78],
      [36.9, 35.02],
      [36.55, 35.05],
      [36.45, 34.8],
    ],
  ],
  [
    "Eastern Ghouta",
    [
      [36.32, 33.5],
      [36.5, 33.48],
      [36.55, 33.6],
      [36.42, 33.63],
      [36.32, 33.56],
      [36.32, 33.5],
    ],
  ],
  [
    "South",
    [
      [35.75, 32.65],
      [36.0, 32.55],
      [36.45, 32.55],
      [36.5, 32.9],
      [36.1, 33.2],
      [35.8, 33.3],
      [35.75, 32.65],
    ],
  ],
];
const types = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Strategic developments",
];

/** Writes `count` synthetic rows over 2017–2024, a third inside the zones' boxes, the rest across Syria. */
async function writeFile(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await write(`${header}\n`);
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let index = 0; index < count; index += 1) {
    const day = new Date(Date.UTC(2017, 4, 4) + Math.floor(random() * 2800) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const inZone = index % 3 === 0;
    const latitude = inZone ? 35.4 + random() * 1.1 : 32.5 + random() * 4.7;
    const longitude = inZone ? 36.0 + random() * 1.1 : 35.9 + random() * 6.2;
    const type = types[index % types.length];
    await write(
      `SYR${index},${day},${day.slice(0, 4)},1,Political violence,${type},Sub-type,Actor ${index % 40},Actor ${index % 17},760,Syria,Admin ${index % 14},Admin2,Admin3,Place ${index % 500},${latitude.toFixed(4)},${longitude.toFixed(4)},${1 + (index % 3)},Source ${index % 90},"Synthetic row ${index}, no real event.",${index % 6}\n`,
    );
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function measureFollowupImport(): Promise<BenchResult> {
  const count = Number(process.env.BENCH_ACLED_ROWS ?? 1_000_000);
  const file = join(tmpdir(), `acled-bench-${process.pid}.csv`);
  await writeFile(file, count);
  const instance = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: "pglite-instance", instance });
  const actor = systemActor("bench");
  const deps = { db: database.db };
  try {
    await migrateDatabase(database);
    const host = await runOperation(deps, createParticipant, actor, {
      slug: "host",
      kind: "state",
      names: { en: "Host" },
    });
    const process_ = await runOperation(deps, createProcess, actor, {
      slug: "bench",
      names: { en: "Bench" },
      hostParticipantId: host.id,
    });
    for (const [name, ring] of zones)
      await runOperation(deps, createZone, actor, {
        processId: process_.id,
        name,
        geometry: { type: "Polygon", coordinates: [ring] },
        startDate: "2017-05-04",
        approximate: true,
      });

    await instance.exec(
      `create table bench_acled (${header
        .split(",")
        .map((name) => `${name} text`)
        .join(", ")})`,
    );
    const copyStarted = performance.now();
    await instance.query("copy bench_acled from '/dev/blob' with (format csv, header true)", [], {
      blob: new Blob([readFileSync(file)]),
    });
    const copyMs = performance.now() - copyStarted;
    await instance.exec("drop table bench_acled");

    const started = performance.now();
    const report = await importAcledFile(database.db, actor, {
      processId: process_.id,
      dryRun: false,
      source: createReadStream(file, { highWaterMark: 1024 * 1024 }),
    });
    const importMs = performance.now() - started;
    if (report.inserted !== count) throw new Error(`imported ${report.inserted} of ${count}`);

    const monitor = systemActor("bench-reader");
    const times: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const month = new Date(Date.UTC(2017, 5 + (index % 84), 1));
      const from = month.toISOString().slice(0, 10);
      const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
      const t = performance.now();
      await listIncidents(database.db, monitor, "bench", { from, to, limit: 1000, offset: 0 });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95) - 1] ?? 0;
    const rowsPerSecond = count / (importMs / 1000);
    const ratio = copyMs / importMs;
    return {
      name: "followup ACLED import",
      summary: `${count.toLocaleString("en")} rows: ${Math.round(rowsPerSecond).toLocaleString("en")} rows/s (${(importMs / 1000).toFixed(1)} s; ${report.attributed.toLocaleString("en")} zone attributions), raw COPY ${(copyMs / 1000).toFixed(1)} s, ratio ${ratio.toFixed(2)}× COPY; map month query p95 ${p95.toFixed(0)} ms`,
      target: "≥ 0.1× a raw COPY's speed; month query p95 ≤ 200 ms",
      met: ratio >= 0.1 && p95 <= 200,
      description:
        "bench/followup-import.ts writes N synthetic ACLED-format rows (BENCH_ACLED_ROWS, default 1,000,000) to a file and imports them through followup.incident.import-acled on PGlite " +
        "(streamed from disk, every row validated, upserted on event_id_cnty through a staging table written with insertMany, attributed to the four zones by point in polygon, one audit entry), " +
        "against COPY of the same file into a bare all-text table in the same run; then a month's incidents (up to 1,000, as the map's time slider asks) 50 times, p95.",
    };
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) rmSync(file, { force: true });
  }
}

export const followupBenchmarks: Benchmark[] = [
  { name: "followup ACLED import", run: measureFollowupImport },
];

if (import.meta.main) {
  const result = await measureFollowupImport();
  process.stdout.write(`${result.summary}\nmet: ${result.met}\n`);
}
