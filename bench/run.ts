// `npm run bench`: measures the platform's costs on the embedded database and writes bench/RESULTS.md
// with the machine and the date. Targets are ratios within one run (the machines are shared and
// noisy), never absolute times in tests. `npm run bench -- "<name>" …` runs only those benchmarks and
// replaces only their rows; every row says when and under what load it was measured.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { followupBenchmarks } from "./followup-import.ts";
import { humanitarianListImportBenchmarks } from "./humanitarian-list-import.ts";
import { humanitarianBenchmarks } from "./humanitarian-matching.ts";
import { loadBenchmarks } from "./load-suite.ts";
import { schedulerBenchmarks } from "./scheduler.ts";
import { type BenchResult, benchmarks as platformBenchmarks } from "./suite.ts";
import { textsExportBenchmarks } from "./texts-export.ts";

const benchmarks = [
  ...loadBenchmarks,
  ...platformBenchmarks,
  ...schedulerBenchmarks,
  ...textsExportBenchmarks,
  ...followupBenchmarks,
  ...humanitarianBenchmarks,
  ...humanitarianListImportBenchmarks,
];
const resultsFile = new URL("./RESULTS.md", import.meta.url);

type Row = { name: string; cells: string; description: string };

/** The rows of an earlier RESULTS.md, so that a partial run keeps the others as they were measured. */
function earlierRows(): Map<string, Row> {
  const rows = new Map<string, Row>();
  if (!existsSync(resultsFile)) return rows;
  const text = readFileSync(resultsFile, "utf8");
  const descriptions = new Map(
    [...text.matchAll(/^- \*\*(.+?)\*\*: (.*)$/gm)].map((match) => [match[1] ?? "", match[2] ?? ""]),
  );
  for (const line of text.split("\n")) {
    const match = /^\| ([^|]+?) \| (.*) \|$/.exec(line);
    if (!match || match[1] === "benchmark" || match[1]?.startsWith("---")) continue;
    const name = match[1] ?? "";
    const cells = match[2] ?? "";
    // Rows written before each row carried its date: say so rather than leave the column empty.
    const dated = cells.split(" | ").length >= 4 ? cells : `${cells} | an earlier run`;
    rows.set(name, { name, cells: dated, description: descriptions.get(name) ?? "" });
  }
  return rows;
}

const only = process.argv.slice(2);
const unknown = only.filter((name) => !benchmarks.some((bench) => bench.name === name));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown benchmark(s): ${unknown.join(", ")}. Known: ${benchmarks.map((b) => b.name).join(", ")}\n`,
  );
  process.exit(2);
}
const rows = only.length > 0 ? earlierRows() : new Map<string, Row>();
const results: BenchResult[] = [];
for (const bench of benchmarks) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  process.stdout.write(`… ${bench.name}\n`);
  const load = loadavg()[0]?.toFixed(2);
  const result = await bench.run();
  results.push(result);
  const when = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load ${load}`;
  rows.set(result.name, {
    name: result.name,
    cells: `${result.summary} | ${result.target} | ${result.met ? "yes" : "**no**"} | ${when}`,
    description: result.description,
  });
  process.stdout.write(`  ${result.summary}\n`);
}

const ordered = [
  ...benchmarks.map((bench) => rows.get(bench.name)).filter((row): row is Row => row !== undefined),
  ...[...rows.values()].filter((row) => !benchmarks.some((bench) => bench.name === row.name)),
];
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const lines = [
  "# Benchmark results",
  "",
  `Measured on ${machine}, embedded PGlite. Written by \`npm run bench\` (all) or \`npm run bench -- "<name>"\` (one row). Every target is a ratio against a baseline started in the same run; read the ratios, the absolute figures move with the machine's load, which each row gives with its date.`,
  "",
  "| benchmark | measured | target | met | measured on |",
  "|---|---|---|---|---|",
  ...ordered.map((row) => `| ${row.name} | ${row.cells} |`),
  "",
  "## What each measures",
  "",
  ...ordered.map((row) => `- **${row.name}**: ${row.description}`),
  "",
];
writeFileSync(resultsFile, lines.join("\n"));
process.stdout.write(
  `Wrote bench/RESULTS.md (${results.filter((r) => !r.met).length} of ${results.length} targets missed in this run)\n`,
);
