// A large list, streamed: HUM_LARGE_ROWS rows (default 5,000; the 500,000-row measurement of the README
// is `HUM_LARGE_ROWS=500000`) generated as they are sent, previewed and then imported (staged in short
// transactions, merged by one audited operation), with the time and the process's memory noted
// (`HUM_LARGE_PREVIEW_ONLY=1`: the preview alone). Over HTTP in the request such a file is refused at the
// upload limit (413); the background job takes it (list-import-job.test.ts).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { importListFile } from "../../src/server/modules/humanitarian/index.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { countRows } from "../helpers/process-fixtures.ts";
import { csvOf, type HumCast, personRow, templateHeader, withHumanitarianCast } from "./helpers.ts";

let cast: HumCast;
withHumanitarianCast((ready) => {
  cast = ready;
});
const rows = Number(process.env.HUM_LARGE_ROWS ?? 5_000);
/** `HUM_LARGE_PREVIEW_ONLY=1`: the preview alone (the whole file read, checked and hashed; nothing written). */
const previewOnly = process.env.HUM_LARGE_PREVIEW_ONLY === "1";

/** The file's bytes, made a thousand rows at a time, never whole in memory. */
async function* file(): AsyncGenerator<Buffer> {
  yield Buffer.from(csvOf(templateHeader, []));
  for (let start = 0; start < rows; start += 1000) {
    const chunk = Array.from({ length: Math.min(1000, rows - start) }, (_, n) => personRow(start + n));
    yield Buffer.from(csvOf(templateHeader, chunk).split("\n").slice(1).join("\n"));
  }
}

describe(`a list of ${rows.toLocaleString("en")} rows`, () => {
  it("is previewed and imported streamed, staged and merged by one operation", async () => {
    const run = (dryRun: boolean) =>
      importListFile(cast.app.deps.db, systemActor("test"), {
        processId: cast.fx.processId,
        delegationId: cast.government,
        title: "Large",
        fileName: "large.csv",
        format: "csv",
        dryRun,
        source: Readable.from(file()),
      });
    let started = performance.now();
    const preview = await run(true);
    const previewMs = performance.now() - started;
    expect(preview).toMatchObject({ rows, valid: rows, rejected: 0 });
    if (previewOnly) {
      console.info(
        `humanitarian large list: ${rows} rows; preview ${(previewMs / 1000).toFixed(1)} s; rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`,
      );
      return;
    }
    started = performance.now();
    const report = await run(false);
    const importMs = performance.now() - started;
    expect(report).toMatchObject({ rows, valid: rows, casesCreated: rows });
    expect(await countRows(cast.app, "hum_list_entries")).toBe(rows);
    expect(await countRows(cast.app, "hum_cases")).toBeGreaterThanOrEqual(rows);
    expect(await countRows(cast.app, "hum_import_rows")).toBe(0);
    console.info(
      `humanitarian large list: ${rows} rows; preview ${(previewMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s; rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`,
    );
  }, 3_600_000);
});
