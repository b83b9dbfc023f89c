import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db.ts";
import {
  keepPlannerStatisticsFresh,
  refreshPlannerStatistics,
  tablesWithStaleStatistics,
} from "../../src/server/platform/planner-statistics.ts";
import { freshDatabase } from "../helpers/database.ts";

async function estimatedRows(database: Database, table: string): Promise<number> {
  const result = await database.db.execute(
    sql`select reltuples::float8 as n from pg_class where relname = ${table} and relkind = 'r'`,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
}

describe("planner statistics", () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("learns the size of a table filled after it was created, and then leaves it alone", async () => {
    database = await freshDatabase();
    await database.db.execute(sql`create table bench_rows (id int primary key, note text)`);
    await refreshPlannerStatistics(database.db);
    await database.db.execute(
      sql`insert into bench_rows select g, repeat('x', 40) from generate_series(1, 20000) g`,
    );

    // Without fresh statistics the planner believes the filled table is as empty as it was.
    expect(await estimatedRows(database, "bench_rows")).toBeLessThan(100);
    expect(await tablesWithStaleStatistics(database.db)).toContain("bench_rows");

    expect(await refreshPlannerStatistics(database.db)).toContain("bench_rows");
    expect(await estimatedRows(database, "bench_rows")).toBeGreaterThan(19_000);
    expect(await tablesWithStaleStatistics(database.db)).not.toContain("bench_rows");
  });

  it("a few rows more do not ask for a new analysis; a table twice as big does", async () => {
    database = await freshDatabase();
    await database.db.execute(sql`create table bench_rows (id int primary key, note text)`);
    await database.db.execute(
      sql`insert into bench_rows select g, repeat('x', 40) from generate_series(1, 5000) g`,
    );
    await refreshPlannerStatistics(database.db);
    await database.db.execute(sql`insert into bench_rows values (5001, 'one more')`);
    expect(await tablesWithStaleStatistics(database.db)).not.toContain("bench_rows");
    await database.db.execute(
      sql`insert into bench_rows select g, repeat('x', 40) from generate_series(5002, 10000) g`,
    );
    expect(await tablesWithStaleStatistics(database.db)).toContain("bench_rows");
  });

  it("the server's keeper refreshes at start and logs which tables it analyzed", async () => {
    database = await freshDatabase();
    await database.db.execute(sql`create table bench_rows (id int primary key, note text)`);
    await database.db.execute(
      sql`insert into bench_rows select g, repeat('x', 40) from generate_series(1, 20000) g`,
    );
    const logged: object[] = [];
    const stop = keepPlannerStatisticsFresh(database, {
      info: (data) => logged.push(data),
      warn: (data) => logged.push(data),
    });
    await expect.poll(async () => estimatedRows(database as Database, "bench_rows")).toBeGreaterThan(19_000);
    await stop();
    expect(logged).toContainEqual(
      expect.objectContaining({ tables: expect.arrayContaining(["bench_rows"]) }),
    );
  });
});
