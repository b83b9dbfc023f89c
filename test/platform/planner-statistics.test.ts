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

  it("never compiles a plan: a query the planner costs above the JIT threshold is planned without JIT", async () => {
    database = await freshDatabase();
    await database.db.execute(sql`create table bench_rows (id int primary key, note text)`);
    await database.db.execute(
      sql`insert into bench_rows select g, repeat('x', 40) from generate_series(1, 20000) g`,
    );
    await refreshPlannerStatistics(database.db);
    // A join the planner prices in the millions (jit_above_cost is 100,000 by default); with JIT on,
    // PostgreSQL spent seconds compiling such plans of the tier rules, which then ran in milliseconds.
    const costly = sql`select count(*) from bench_rows a, bench_rows b where a.id + b.id = 7`;
    const explain = async (db: Database["db"]) => {
      const result = await db.execute(sql`explain (format json) ${costly}`);
      return (result as unknown as { rows: { "QUERY PLAN": unknown }[] }).rows[0]?.["QUERY PLAN"] as [
        { Plan: { "Total Cost": number }; JIT?: unknown },
      ];
    };
    const [planned] = await explain(database.db);
    expect(planned.Plan["Total Cost"]).toBeGreaterThan(100_000);
    expect(planned.JIT).toBeUndefined();
    if (database.kind === "postgres") {
      // The same query with JIT switched back on for one transaction is compiled: the check can fail.
      const withJit = await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = on`);
        return explain(tx as unknown as Database["db"]);
      });
      expect(withJit[0].JIT).toBeDefined();
    }
  });
});
