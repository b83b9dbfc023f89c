// The ACLED import at scale: N generated ACLED-format rows (BENCH_ACLED_ROWS, default 1,000,000) written
// to a file and imported through followup.incident.import-acled as one audited operation — streamed,
// validated, upserted on event_id_cnty, attributed to the four zones — against a raw COPY of the same
// file into a bare table, on the embedded database, in the same run. Then the map's month query
// (a month's incidents of the process, as the monitor reads them) timed 50 times: its p95.
import { createReadStream, createWriteStream, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { createZone, importAcledFile, listIncidents } from "../src/server/modules/followup/index.ts";
import { systemActor } from "../src/server/platform/authz.ts";
import { migrateDatabase, openDatabase, pgliteExtensions } from "../src/server/platform/db.ts";
import { runOperation } from "../src/server/platform/operation.ts";
import { refreshPlannerStatistics } from "../src/server/platform/planner-statistics.ts";
import { createBenchProcess } from "./lib/bench-process.ts";
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

type Measured = {
  count: number;
  importMs: number;
  /** Of importMs: reading, checking and staging the file (until its last progress report). */
  stageMs: number;
  copyMs: number;
  attributed: number;
  reimportMs: number;
  p95: number;
  p95Full: number;
  analyzeMs: number;
};

/**
 * One run on one database: the zones, a raw COPY of the file into a bare all-text table (`copy`), the
 * import through importAcledFile (streamed, staged, merged by the one audited operation), the planner's
 * statistics refreshed as a server does within a minute, a re-import of the first tenth (updates only),
 * then the map's month query 50 times.
 */
async function measureOn(
  database: Awaited<ReturnType<typeof openDatabase>>,
  file: string,
  count: number,
  copy: (sqlText: string) => Promise<void>,
): Promise<Measured> {
  const actor = systemActor("bench");
  const deps = { db: database.db };
  await migrateDatabase(database);
  const processId = await createBenchProcess(database.db, actor);
  for (const [name, ring] of zones)
    await runOperation(deps, createZone, actor, {
      processId,
      name,
      geometry: { type: "Polygon", coordinates: [ring] },
      startDate: "2017-05-04",
      approximate: true,
    });
  await database.db.execute(
    sql.raw(
      `create table bench_acled (${header
        .split(",")
        .map((name) => `${name} text`)
        .join(", ")})`,
    ),
  );
  const copyStarted = performance.now();
  await copy("copy bench_acled from '/dev/blob' with (format csv, header true)");
  const copyMs = performance.now() - copyStarted;
  await database.db.execute(sql.raw("drop table bench_acled"));

  const started = performance.now();
  let staged = started;
  const report = await importAcledFile(database.db, actor, {
    processId,
    dryRun: false,
    source: createReadStream(file, { highWaterMark: 1024 * 1024 }),
    onProgress: () => {
      staged = performance.now();
    },
  });
  const importMs = performance.now() - started;
  const stageMs = staged - started;
  if (report.inserted !== count) throw new Error(`imported ${report.inserted} of ${count}`);
  const analyzeStarted = performance.now();
  await refreshPlannerStatistics(database.db);
  const analyzeMs = performance.now() - analyzeStarted;

  // Idempotence at scale: the first tenth again updates, never duplicates.
  const tenth = Math.max(1, Math.floor(count / 10));
  const lines = readFileSync(file, "utf8")
    .split("\n", tenth + 1)
    .join("\n");
  const reimportStarted = performance.now();
  const again = await importAcledFile(database.db, actor, {
    processId,
    dryRun: false,
    source: [Buffer.from(`${lines}\n`)] as unknown as AsyncIterable<Uint8Array>,
  });
  const reimportMs = performance.now() - reimportStarted;
  if (again.inserted !== 0 || again.updated !== tenth)
    throw new Error(`re-import: ${JSON.stringify({ ...again, rejectedRows: [] })}`);

  const monitor = systemActor("bench-reader");
  const p95Of = async (fields: "map" | "full") => {
    const times: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const month = new Date(Date.UTC(2017, 5 + (index % 84), 1));
      const from = month.toISOString().slice(0, 10);
      const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
      const t = performance.now();
      await listIncidents(database.db, monitor, "bench", { from, to, limit: 1000, offset: 0, fields });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length * 0.95) - 1] ?? 0;
  };
  const p95Full = await p95Of("full");
  const p95 = await p95Of("map");
  return {
    count,
    importMs,
    stageMs,
    copyMs,
    attributed: report.attributed,
    reimportMs,
    p95,
    p95Full,
    analyzeMs,
  };
}

function summarize(name: string, m: Measured, where: string): BenchResult {
  const rowsPerSecond = m.count / (m.importMs / 1000);
  const ratio = m.copyMs / m.importMs;
  return {
    name,
    summary: `${where}, ${m.count.toLocaleString("en")} rows: ${Math.round(rowsPerSecond).toLocaleString("en")} rows/s (${(m.importMs / 1000).toFixed(1)} s: read, checked and staged ${(m.stageMs / 1000).toFixed(1)} s, merged ${((m.importMs - m.stageMs) / 1000).toFixed(1)} s; ${m.attributed.toLocaleString("en")} zone attributions), raw COPY ${(m.copyMs / 1000).toFixed(1)} s, ratio ${ratio.toFixed(2)}× COPY; re-import of a tenth ${(m.reimportMs / 1000).toFixed(1)} s (updates only); statistics refreshed in ${(m.analyzeMs / 1000).toFixed(1)} s; map month query p95 ${m.p95.toFixed(0)} ms (fields=map; all fields ${m.p95Full.toFixed(0)} ms)`,
    target: "≥ 0.1× a raw COPY's speed; month query p95 ≤ 200 ms",
    met: ratio >= 0.1 && m.p95 <= 200,
    description:
      `bench/followup-import.ts writes N synthetic ACLED-format rows (BENCH_ACLED_ROWS, default 1,000,000) to a file and imports them through importAcledFile on ${where} ` +
      "(streamed from disk, every row validated and attributed to the four zones by point in polygon, staged by COPY in batches of 25,000, then merged by followup.incident.import-acled in one transaction and one audit entry), " +
      "against COPY of the same file into a bare all-text table in the same run; the planner's statistics are refreshed as a server does every minute; a tenth is re-imported (updates only); then a month's incidents (up to 1,000, as the map's time slider asks, with fields=map) 50 times, p95, and the same with every field. On PostgreSQL the raw COPY reads the file on the server's side, the import sends it from the client.",
  };
}

async function measureFollowupImport(): Promise<BenchResult> {
  const count = Number(process.env.BENCH_ACLED_ROWS ?? 1_000_000);
  const file = join(tmpdir(), `acled-bench-${process.pid}.csv`);
  await writeFile(file, count);
  const instance = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: "pglite-instance", instance });
  try {
    const measured = await measureOn(database, file, count, async (copy) => {
      await instance.query(copy, [], { blob: new Blob([readFileSync(file)]) });
    });
    return summarize("followup ACLED import", measured, "PGlite");
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) rmSync(file, { force: true });
  }
}

/**
 * The same on a PostgreSQL server: TEST_DATABASE_URL (as `node scripts/with-postgres.ts` sets it for a
 * throwaway cluster) or BENCH_DATABASE_URL. COPY reads the file on the server's side, so the server
 * must run on this machine (the throwaway cluster does).
 */
async function measureFollowupImportPostgres(): Promise<BenchResult> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url)
    return {
      name: "followup ACLED import (PostgreSQL)",
      summary: "not run: no server (run it under node scripts/with-postgres.ts)",
      target: "≥ 0.1× a raw COPY's speed; month query p95 ≤ 200 ms",
      met: false,
      description: "As the PGlite row, on a PostgreSQL 15 server.",
    };
  const count = Number(process.env.BENCH_ACLED_ROWS ?? 1_000_000);
  const file = join(tmpdir(), `acled-bench-pg-${process.pid}.csv`);
  await writeFile(file, count);
  const database = await openDatabase({ kind: "postgres", url });
  try {
    const measured = await measureOn(database, file, count, async (copy) => {
      await database.db.execute(sql.raw(copy.replace("'/dev/blob'", `'${file}'`)));
    });
    return summarize("followup ACLED import (PostgreSQL)", measured, "PostgreSQL 15");
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) rmSync(file, { force: true });
  }
}

export const followupBenchmarks: Benchmark[] = [
  { name: "followup ACLED import", run: measureFollowupImport },
  { name: "followup ACLED import (PostgreSQL)", run: measureFollowupImportPostgres },
];

if (import.meta.main) {
  const only = process.argv.slice(2);
  for (const bench of followupBenchmarks) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    const result = await bench.run();
    process.stdout.write(`${bench.name}: ${result.summary}\nmet: ${result.met}\n`);
  }
}
