// Start-up: a first start on an empty data directory with the demonstration record (the build, web app
// and database template, already done) and a restart, each until /api/health answers; PGlite's own
// opening of the same directory as the baseline. Targets: first ≤ 5 s, restart ≤ 1.5 s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions, preparePgliteTemplate } from "../src/server/platform/db.ts";
import { startAstana } from "./lib/processes.ts";

export type StartupResult = { firstMs: number; restartMs: number; pgliteOpenMs: number };

/** Median of `runs` first starts and restarts, each on a fresh directory. */
export async function measureStartup(runs = 3): Promise<StartupResult> {
  await preparePgliteTemplate();
  const firsts: number[] = [];
  const restarts: number[] = [];
  const opens: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "astana-start-")), "data");
    try {
      const first = await startAstana({ dataDir });
      firsts.push(first.readyMs);
      await first.stop();
      const again = await startAstana({ dataDir });
      restarts.push(again.readyMs);
      await again.stop();
      const started = performance.now();
      const instance = await PGlite.create({
        dataDir: path.join(dataDir, "pglite"),
        extensions: pgliteExtensions,
      });
      opens.push(performance.now() - started);
      await instance.close();
    } finally {
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { firstMs: median(firsts), restartMs: median(restarts), pgliteOpenMs: median(opens) };
}

if (import.meta.main)
  process.stdout.write(`${JSON.stringify(await measureStartup(Number(process.env.BENCH_RUNS ?? 1)))}\n`);
