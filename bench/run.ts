// `npm run bench`: measures the platform's costs on the embedded database and writes bench/RESULTS.md
// with the machine and the date. Targets are ratios within one run (the machines are shared and
// noisy), never absolute times in tests.

import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { loadBenchmarks } from "./load-suite.ts";
import { schedulerBenchmarks } from "./scheduler.ts";
import { type BenchResult, benchmarks as platformBenchmarks } from "./suite.ts";

const benchmarks = [...loadBenchmarks, ...platformBenchmarks, ...schedulerBenchmarks];

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const bench of benchmarks) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  process.stdout.write(`… ${bench.name}\n`);
  const result = await bench.run();
  results.push(result);
  process.stdout.write(`  ${result.summary}\n`);
}

const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const lines = [
  "# Benchmark results",
  "",
  `Run ${new Date().toISOString()} on ${machine}, embedded PGlite; load average at the start ${loadavg()[0]?.toFixed(2)}. Written by \`npm run bench\`. Every target is a ratio against a baseline started in the same run; read the ratios, the absolute figures move with the machine's load.`,
  "",
  "| benchmark | measured | target | met |",
  "|---|---|---|---|",
  ...results.map((r) => `| ${r.name} | ${r.summary} | ${r.target} | ${r.met ? "yes" : "**no**"} |`),
  "",
  "## What each measures",
  "",
  ...results.map((r) => `- **${r.name}**: ${r.description}`),
  "",
];
writeFileSync(new URL("./RESULTS.md", import.meta.url), lines.join("\n"));
process.stdout.write(`Wrote bench/RESULTS.md (${results.filter((r) => !r.met).length} targets missed)\n`);
