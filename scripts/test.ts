// `npm test`: the whole suite, in order, stopping at the first failing stage.
//   1. checks       every command of `npm run check` (Biome, tsc, the dependency rule)
//   2. PGlite       the vitest suite on the embedded database
//   3. PostgreSQL   the same suite on a throwaway PostgreSQL server (scripts/with-postgres.ts)
//   4. browser      Playwright, once playwright.config.ts exists
// It ends with one line, `N passed, N failed`, totalling the tests of every stage, for CI.

import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  findPostgresBinaries,
  missingPostgresMayBeSkipped,
  missingPostgresWarning,
  type PostgresCluster,
  runCommand,
  startPostgres,
  toolEnvironment,
} from "./with-postgres.ts";

type StageResult = {
  name: string;
  outcome: "passed" | "failed" | "skipped";
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
};

const logDir = path.resolve(".tmp");
mkdirSync(logDir, { recursive: true });

let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
});
process.on("SIGTERM", () => {
  interrupted = true;
});

function heading(text: string): void {
  process.stdout.write(`\n=== ${text} ${"=".repeat(Math.max(3, 74 - text.length))}\n`);
}

async function timed(
  name: string,
  body: () => Promise<Omit<StageResult, "name" | "seconds">>,
): Promise<StageResult> {
  heading(name);
  const startedAt = performance.now();
  const result = { name, ...(await body()), seconds: (performance.now() - startedAt) / 1000 };
  const counts = `passed ${result.passed}, failed ${result.failed}, skipped ${result.skipped}`;
  process.stdout.write(
    `--- [${name}] ${result.outcome.toUpperCase()} (${counts}; ${result.seconds.toFixed(1)} s)${result.note ? ` ${result.note}` : ""}\n`,
  );
  return result;
}

/** Stage 1: each command of the `check` script in turn, each counted as one test. */
async function checks(): Promise<Omit<StageResult, "name" | "seconds">> {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const commands = (scripts.check ?? "")
    .split("&&")
    .map((command) => command.trim())
    .filter(Boolean);
  let passed = 0;
  for (const command of commands) {
    process.stdout.write(`$ ${command}\n`);
    const { code } = await runCommand("sh", ["-c", command], toolEnvironment());
    if (code !== 0 || interrupted) {
      return { outcome: "failed", passed, failed: 1, skipped: 0, note: `(${command} exited ${code})` };
    }
    passed += 1;
  }
  if (commands.length === 0)
    return { outcome: "failed", passed: 0, failed: 1, skipped: 0, note: "(no check script)" };
  return { outcome: "passed", passed, failed: 0, skipped: 0 };
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
  success: boolean;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
};

/** Stages 2 and 3: the vitest suite, counted from its JSON report (a crash counts as a failure). */
async function vitest(
  label: string,
  extraEnv: NodeJS.ProcessEnv,
): Promise<Omit<StageResult, "name" | "seconds">> {
  const reportFile = path.join(logDir, `vitest-${label}.json`);
  rmSync(reportFile, { force: true });
  const env = toolEnvironment(extraEnv);
  if (!("TEST_DATABASE_URL" in extraEnv)) delete env.TEST_DATABASE_URL;
  const { code } = await runCommand(
    "vitest",
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`],
    env,
  );
  if (!existsSync(reportFile)) {
    return {
      outcome: "failed",
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `(vitest exited ${code}, no report)`,
    };
  }
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestReport;
  const passed = report.numPassedTests;
  const skipped = report.numPendingTests + report.numTodoTests;
  // A file that failed without a failing test (it did not load, or its hooks threw) counts as one failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  let failed = report.numFailedTests + brokenFiles.length;
  let note: string | undefined;
  if (brokenFiles.length > 0) {
    note = `(${brokenFiles.map((file) => path.relative(process.cwd(), file.name)).join(", ")} did not run)`;
  }
  if (failed === 0 && (code !== 0 || !report.success)) {
    failed = 1;
    note = `(vitest exited ${code}: an error escaped the tests)`;
  }
  if (passed === 0 && failed === 0) {
    return { outcome: "failed", passed, failed: 1, skipped, note: "(no test ran: is the suite configured?)" };
  }
  return {
    outcome: failed === 0 && !interrupted ? "passed" : "failed",
    passed,
    failed,
    skipped,
    ...(note ? { note } : {}),
  };
}

/** Stage 3: the same suite on a real PostgreSQL server; a missing server is loud, and fails in CI. */
async function postgres(): Promise<Omit<StageResult, "name" | "seconds">> {
  const binDir = findPostgresBinaries();
  if (!binDir) {
    process.stdout.write(missingPostgresWarning());
    return missingPostgresMayBeSkipped()
      ? {
          outcome: "skipped",
          passed: 0,
          failed: 0,
          skipped: 0,
          note: "(NO POSTGRESQL SERVER: skipped on request)",
        }
      : { outcome: "failed", passed: 0, failed: 1, skipped: 0, note: "(NO POSTGRESQL SERVER)" };
  }
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgres(binDir);
  } catch (error) {
    process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return {
      outcome: "failed",
      passed: 0,
      failed: 1,
      skipped: 0,
      note: "(the PostgreSQL server did not start)",
    };
  }
  try {
    process.stdout.write(`PostgreSQL from ${binDir}, ${cluster.url}\n`);
    return await vitest("postgres", { TEST_DATABASE_URL: cluster.url });
  } finally {
    cluster.stop();
  }
}

type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

/** Stage 4: browser tests, once another part of the project has written playwright.config.ts. */
async function browser(): Promise<Omit<StageResult, "name" | "seconds">> {
  if (!existsSync("playwright.config.ts")) {
    process.stdout.write("No playwright.config.ts yet: there are no browser tests to run.\n");
    return { outcome: "skipped", passed: 0, failed: 0, skipped: 0, note: "(no playwright.config.ts)" };
  }
  const reportFile = path.join(logDir, "playwright.json");
  rmSync(reportFile, { force: true });
  const env = toolEnvironment({
    PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile,
    PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
  });
  delete env.TEST_DATABASE_URL;
  const { code } = await runCommand("playwright", ["test", "--reporter=list,json"], env);
  if (!existsSync(reportFile)) {
    return {
      outcome: "failed",
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `(playwright exited ${code}, no report)`,
    };
  }
  const { stats } = JSON.parse(readFileSync(reportFile, "utf8")) as PlaywrightReport;
  const passed = stats.expected + stats.flaky;
  const failed = stats.unexpected || (code === 0 ? 0 : 1);
  if (passed === 0 && failed === 0) {
    return { outcome: "failed", passed, failed: 1, skipped: stats.skipped, note: "(no browser test ran)" };
  }
  return { outcome: failed === 0 ? "passed" : "failed", passed, failed, skipped: stats.skipped };
}

const stages: [string, () => Promise<Omit<StageResult, "name" | "seconds">>][] = [
  ["checks", checks],
  ["tests on PGlite", () => vitest("pglite", {})],
  ["tests on PostgreSQL", postgres],
  ["browser tests", browser],
];

const results: StageResult[] = [];
for (const [name, body] of stages) {
  const result = await timed(name, body);
  results.push(result);
  if (result.outcome === "failed" || interrupted) break;
}

heading("summary");
for (const [name] of stages) {
  const result = results.find((candidate) => candidate.name === name);
  const line = result
    ? `${result.outcome.toUpperCase().padEnd(8)} passed ${String(result.passed).padStart(4)}, failed ${String(result.failed).padStart(3)}, skipped ${String(result.skipped).padStart(3)}  ${result.seconds.toFixed(1).padStart(6)} s ${result.note ?? ""}`
    : "NOT RUN  (an earlier stage failed)";
  process.stdout.write(`  ${name.padEnd(22)} ${line}\n`);
}
if (interrupted) process.stdout.write("  (interrupted)\n");
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0) + (interrupted ? 1 : 0);
const anyFailed = failed > 0 || results.some((result) => result.outcome === "failed");
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(anyFailed ? 1 : 0);
