// Writes that scale: 100,000 rows imported as one audited operation (zod-parsed input, insertMany, one
// audit entry, one event) against PostgreSQL's COPY of the same rows, on the embedded database, same run.
// Target: ≥ 0.3× COPY's rows per second.
import { PGlite } from "@electric-sql/pglite";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { z } from "zod";
import { systemActor } from "../src/server/platform/authz.ts";
import { insertMany } from "../src/server/platform/bulk.ts";
import { migrateDatabase, openDatabase, pgliteExtensions } from "../src/server/platform/db.ts";
import { defineOperation, runOperation } from "../src/server/platform/operation.ts";

const incidents = pgTable("bench_incidents", {
  id: text("id").primaryKey(),
  reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
  zone: text("zone").notNull(),
  kind: text("kind").notNull(),
  fatalities: integer("fatalities"),
  description: text("description").notNull(),
  tier: text("tier").notNull(),
});
const createTable = `create table bench_incidents (id text primary key, reported_at timestamptz not null, zone text not null,
  kind text not null, fatalities integer, description text not null, tier text not null)`;

const Row = z.strictObject({
  id: z.string().max(64),
  reportedAt: z.iso.datetime(),
  zone: z.string().max(100),
  kind: z.string().max(50),
  fatalities: z.int().min(0).nullable(),
  description: z.string().max(5000),
});
const importIncidents = defineOperation({
  name: "bench.incidents.import",
  input: z.strictObject({ rows: z.array(Row).max(200_000) }),
  authorize: () => true,
  scope: () => ({ subjectType: "bench", tier: "process" as const }),
  run: async (ctx, input) => {
    const written = await insertMany(
      ctx.tx,
      incidents,
      input.rows.map((row) => ({ ...row, reportedAt: new Date(row.reportedAt), tier: "process" })),
    );
    ctx.audit({ data: { written } });
    ctx.emit({ type: "bench.incidents.import", tier: "process", payload: { written } });
    return written;
  },
});

function makeRows(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `incident-${index}`,
    reportedAt: new Date(Date.UTC(2018, 0, 1) + index * 60_000).toISOString(),
    zone: ["Idlib", "Northern Homs", "Eastern Ghouta", "South"][index % 4] ?? "Idlib",
    kind: index % 3 === 0 ? "shelling" : "clash",
    fatalities: index % 5 === 0 ? null : index % 7,
    description: `Report ${index}: "shelling", near the line; source ${index % 11}`,
  }));
}

function csvOf(rows: ReturnType<typeof makeRows>): string {
  const cell = (value: unknown) => {
    if (value === null) return "";
    const textValue = String(value);
    return /[",\n]/.test(textValue) ? `"${textValue.replaceAll('"', '""')}"` : textValue;
  };
  return rows
    .map((row) =>
      [row.id, row.reportedAt, row.zone, row.kind, row.fatalities, row.description, "process"]
        .map(cell)
        .join(","),
    )
    .join("\n");
}

export type BulkResult = { rows: number; operationMs: number; copyMs: number; ratio: number };

/** Imports `count` rows both ways on fresh in-memory databases; the ratio is COPY's time over ours. */
export async function measureBulk(count = 100_000): Promise<BulkResult> {
  const rows = makeRows(count);
  const instance = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: "pglite-instance", instance });
  await migrateDatabase(database);
  await instance.exec(createTable);
  const copyStarted = performance.now();
  await instance.query("copy bench_incidents from '/dev/blob' with (format csv)", [], {
    blob: new Blob([csvOf(rows)]),
  });
  const copyMs = performance.now() - copyStarted;
  await instance.exec("truncate bench_incidents");
  const started = performance.now();
  const written = await runOperation({ db: database.db }, importIncidents, systemActor("bench"), { rows });
  const operationMs = performance.now() - started;
  if (written !== count) throw new Error(`wrote ${written} of ${count}`);
  await database.close();
  return { rows: count, operationMs, copyMs, ratio: copyMs / operationMs };
}

if (import.meta.main) process.stdout.write(`${JSON.stringify(await measureBulk())}\n`);
