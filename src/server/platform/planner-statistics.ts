// The query planner needs to know how big each table is. A PostgreSQL server learns it from its
// autovacuum daemon; the embedded PGlite has none, so a table filled after it was created (the
// demonstration record, an import, a record grown over months) keeps "never analyzed" estimates and the
// planner picks nested loops over thousands of rows: a source search over a record ten times the
// demonstration one took 9 s instead of 0.1 s. This keeps the statistics fresh on both databases.
import { sql } from "drizzle-orm";
import type { Database, Db } from "./db.ts";

/** How often the tables' sizes are compared with what the planner last learnt of them. */
export const statisticsCheckIntervalMs = 60_000;

type TableSize = { name: string; reltuples: number; relpages: number; pages: number };

/**
 * The tables whose statistics are missing (never analyzed) or stale: their size on disk moved by more
 * than a tenth (plus two pages, so small tables are not analyzed at every insert) since the last
 * ANALYZE, the same proportion autovacuum's analyze threshold uses. Read from the catalog only: cheap.
 */
export async function tablesWithStaleStatistics(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    select c.relname as name, c.reltuples::float8 as reltuples, c.relpages::int as relpages,
           (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema()`);
  const rows = (result as unknown as { rows: TableSize[] }).rows;
  return rows
    .filter((row) => row.reltuples < 0 || Math.abs(row.pages - row.relpages) > 2 + 0.1 * row.relpages)
    .map((row) => row.name)
    .sort();
}

/** Analyzes every table whose statistics are missing or stale; returns their names. */
export async function refreshPlannerStatistics(db: Db): Promise<string[]> {
  const stale = await tablesWithStaleStatistics(db);
  for (const name of stale) await db.execute(sql`analyze ${sql.identifier(name)}`);
  return stale;
}

/**
 * Refreshes the statistics once the server is up (after the start-up data was loaded, without delaying
 * the first answer), then checks every minute. Returns the function that stops it; a failure is
 * logged and never stops the server.
 */
export function keepPlannerStatisticsFresh(
  database: Database,
  log: { info: (data: object, message: string) => void; warn: (data: object, message: string) => void },
  intervalMs = statisticsCheckIntervalMs,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const check = () => {
    if (stopped) return;
    running = running
      .then(async () => {
        if (stopped) return;
        const started = performance.now();
        const analyzed = await refreshPlannerStatistics(database.db);
        if (analyzed.length > 0)
          log.info(
            { tables: analyzed, ms: Math.round(performance.now() - started) },
            "planner statistics refreshed",
          );
      })
      .catch((error) => log.warn({ err: error }, "could not refresh the planner statistics"));
  };
  const first = setTimeout(check, 0);
  const timer = setInterval(check, intervalMs);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
