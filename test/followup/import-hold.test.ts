// The test servers' hold on an import, asked for per job by the request's x-astana-test-hold header and
// honoured only by a server whose ASTANA_TEST_HOLD_JOBS names followup.import: held before its work, it
// stays running until a cancel, which stops it at once; paused between chunks, its progress is seen
// partway. A server that holds nothing ignores the header: import-job.test.ts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { buildProcessFixture, countRows, type ProcessFixture } from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "astana-import-hold-"));
  app = await startTestApp({ DATA_DIR: dataDir, ASTANA_TEST_HOLD_JOBS: "followup.import:0" });
  fx = await buildProcessFixture(app);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const file = (prefix: string, count: number) =>
  acledCsv(Array.from({ length: count }, (_, i) => acledRow({ event_id_cnty: `${prefix}${i}` })));
const upload = (csv: string, dryRun: boolean, hold?: string) =>
  app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/incidents/imports?dryRun=${dryRun}`,
    as: fx.as.monitor,
    headers: { "content-type": "text/csv", ...(hold ? { "x-astana-test-hold": hold } : {}) },
    payload: csv,
  });
const jobRow = async (id: string) => (await app.deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];

describe("a test server's hold on an import", () => {
  it("keeps a held import running, its work not begun, until the monitor cancels it: then it stops at once, nothing imported", async () => {
    const started = await upload(file("HELD", 3), false, "start=60000");
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json();
    await wait(1_500);
    expect(await jobRow(jobId)).toMatchObject({ state: "running", progress: 0 });
    const began = performance.now();
    const cancel = await app.request({ method: "POST", url: `/api/jobs/${jobId}/cancel`, as: fx.as.monitor });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await app.deps.jobs.settled(jobId);
    expect(performance.now() - began).toBeLessThan(5_000);
    expect((await jobRow(jobId))?.state).toBe("cancelled");
    expect(await countRows(app, "followup_incidents where external_id like 'HELD%'")).toBe(0);
    expect(await countRows(app, "followup_import_rows")).toBe(0);
  }, 60_000);

  it("pauses between chunks, so its progress is seen partway, then finishes as ever", async () => {
    const started = await upload(file("PACED", 4_000), true, "chunks=400");
    const { jobId } = started.json();
    const partway: number[] = [];
    for (let waited = 0; waited < 30_000; waited += 100) {
      const row = await jobRow(jobId);
      if (row?.state !== "queued" && row?.state !== "running") break;
      const rowsRead = (row.detail as { rowsRead?: number }).rowsRead ?? 0;
      if (rowsRead > 0 && rowsRead < 4_000 && !partway.includes(rowsRead)) partway.push(rowsRead);
      await wait(100);
    }
    await app.deps.jobs.settled(jobId);
    // Each 1,000 rows read: 1,000, 2,000 and 3,000 each shown for 400 ms.
    expect(partway).toEqual([1_000, 2_000, 3_000]);
    expect(await jobRow(jobId)).toMatchObject({ state: "succeeded", result: { rows: 4_000, valid: 4_000 } });
  }, 60_000);
});
