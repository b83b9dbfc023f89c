// The ACLED import as a background job: the upload answers at once with a job, whose progress (rows and
// bytes read) arrives while it runs; its report is kept with the job for the sender and the monitors;
// a re-import updates instead of duplicating; a stop in the middle imports nothing and leaves no file
// and no staged row; what an interrupted import left is removed at start-up.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importAcledFile } from "../../src/server/modules/followup/acled-file.ts";
import { followupModule } from "../../src/server/modules/followup/index.ts";
import { importsDirectory } from "../../src/server/modules/followup/jobs/import-job.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { cancelJob } from "../../src/server/platform/job-cancel.ts";
import { JobCancelled } from "../../src/server/platform/jobs.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { jobs, outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import {
  buildProcessFixture,
  countRows,
  type MatrixRole,
  type ProcessFixture,
} from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow, createIdlibZone } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let dataDir: string;
// A data directory of its own: the uploads directory is counted, and other test files share the default.
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "astana-import-job-"));
  app = await startTestApp({ DATA_DIR: dataDir });
  fx = await buildProcessFixture(app);
  await createIdlibZone(app, fx);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A file of `count` valid rows (ids prefixed so files do not collide) and one rejected row. */
function file(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) =>
    acledRow({ event_id_cnty: `${prefix}${i}`, event_date: `2025-0${1 + (i % 9)}-1${i % 10}` }),
  );
  rows.push(acledRow({ event_id_cnty: `${prefix}bad`, latitude: 135.9, longitude: 36.6 }));
  return acledCsv(rows);
}

const upload = (csv: string, dryRun: boolean, role: MatrixRole = "monitor") =>
  app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/incidents/imports?dryRun=${dryRun}`,
    as: fx.as[role],
    headers: { "content-type": "text/csv" },
    payload: csv,
  });
const jobRow = async (id: string) => (await app.deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];
const acledIncidents = () => countRows(app, "followup_incidents where source_system = 'acled'");

/** Waits until the job has read some rows, and answers what it showed then. */
async function midway(jobId: string) {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const row = await jobRow(jobId);
    if (row?.state !== "queued" && ((row?.detail as { rowsRead?: number })?.rowsRead ?? 0) > 0) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the job never reported progress");
}

describe("the ACLED import as a job", () => {
  it("answers at once, reports rows and bytes read while it runs, and keeps its report", async () => {
    const csv = file("JOB", 15_000);
    const started = await upload(csv, false);
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json();
    const seen = await midway(jobId);
    expect(seen?.state).toBe("running");
    const detail = seen?.detail as { rowsRead: number; bytesRead: number; totalBytes: number };
    expect(detail.totalBytes).toBe(Buffer.byteLength(csv));
    expect(detail.rowsRead).toBeLessThan(15_001);
    await app.deps.jobs.settled(jobId);

    const done = await app.request({
      method: "GET",
      url: `/api/followup-imports/${jobId}`,
      as: fx.as.monitor,
    });
    expect(done.statusCode, done.body).toBe(200);
    const { job, report } = done.json();
    expect(job).toMatchObject({ state: "succeeded", progress: 1 });
    expect(report).toMatchObject({
      dryRun: false,
      rows: 15_001,
      valid: 15_000,
      rejected: 1,
      inserted: 15_000,
    });
    expect(report.rejectedRows[0].reasons.join(" ")).toContain("swapped");
    expect(await acledIncidents()).toBe(15_000);

    // The map's month: the points, without the reports' texts.
    const points = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}/incidents?from=2025-03-01&to=2025-03-31&fields=map&limit=1000`,
      as: fx.as.monitor,
    });
    expect(points.statusCode, points.body).toBe(200);
    expect(points.json().items[0].report).toMatchObject({ latitude: 35.93, longitude: 36.63, notes: null });
    expect(points.json().items[0].zones).toHaveLength(1);

    const events = await app.deps.db.select().from(outbox).where(eq(outbox.subjectId, jobId));
    const progress = events.filter((event) => event.type === "platform.job.progress");
    expect(progress.length).toBeGreaterThan(1);
    expect(events.at(-1)?.type).toBe("platform.job.finish");

    // The file is gone, and so are the staged rows.
    expect((await readdir(importsDirectory(app.config.dataDir))).filter((n) => n.includes(jobId))).toEqual(
      [],
    );
    expect(await countRows(app, "followup_import_rows")).toBe(0);

    // The same file again: every row updated, none duplicated.
    const again = await upload(csv, false);
    await app.deps.jobs.settled(again.json().jobId);
    const second = (
      await app.request({
        method: "GET",
        url: `/api/followup-imports/${again.json().jobId}`,
        as: fx.as.monitor,
      })
    ).json();
    expect(second.report).toMatchObject({ inserted: 0, updated: 15_000 });
    expect(await acledIncidents()).toBe(15_000);
  }, 180_000);

  it("shows the job and its report to the monitors only, and lists it for the process", async () => {
    const started = await upload(file("SEE", 5), true);
    const { jobId } = started.json();
    await app.deps.jobs.settled(jobId);
    for (const role of ["party", "guarantor", "observer", "public"] as const) {
      const response = await app.request({
        method: "GET",
        url: `/api/followup-imports/${jobId}`,
        as: fx.as[role],
      });
      expect(response.statusCode, role).toBe(404);
      const list = await app.request({
        method: "GET",
        url: `/api/processes/${fx.slug}/incidents/imports`,
        as: fx.as[role],
      });
      expect(JSON.stringify(list.json()), role).not.toContain(jobId);
    }
    const list = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}/incidents/imports`,
      as: fx.as.monitor,
    });
    expect(list.json().items[0]).toMatchObject({ job: { id: jobId }, report: { dryRun: true, valid: 5 } });
  });

  it("ignores a test hold asked for on a server that holds no import (ASTANA_TEST_HOLD_JOBS unset)", async () => {
    const started = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/incidents/imports?dryRun=true`,
      as: fx.as.monitor,
      headers: { "content-type": "text/csv", "x-astana-test-hold": "start=60000" },
      payload: file("UNHELD", 3),
    });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json();
    for (let waited = 0; waited < 15_000; waited += 50) {
      const state = (await jobRow(jobId))?.state;
      if (state !== "queued" && state !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await jobRow(jobId)).toMatchObject({ state: "succeeded", result: { valid: 3 } });
  });

  it("refuses the other roles before keeping the file, and a file not in UTF-8 at once", async () => {
    const before = (await readdir(importsDirectory(app.config.dataDir)).catch(() => [])).length;
    for (const role of ["party", "guarantor"] as const)
      expect((await upload(file("NO", 2), true, role)).statusCode).toBe(403);
    expect((await upload(file("NO", 2), true, "public")).statusCode).toBe(401);
    const latin1 = Buffer.concat([Buffer.from(file("L", 1)), Buffer.from([0xe9, 0x0a])]);
    const refused = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/incidents/imports`,
      as: fx.as.monitor,
      headers: { "content-type": "text/csv" },
      payload: latin1,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("invalid_encoding");
    expect((await readdir(importsDirectory(app.config.dataDir)).catch(() => [])).length).toBe(before);
  });

  it("imports nothing when the server stops in the middle, and leaves no file nor staged row", async () => {
    const before = await acledIncidents();
    const started = await upload(file("STOP", 60_000), false);
    const { jobId } = started.json();
    await midway(jobId);
    await app.deps.jobs.stop();
    await app.deps.jobs.start();
    const row = await jobRow(jobId);
    expect(row?.state).toBe("failed");
    expect((row?.error as { code: string } | undefined)?.code).toBe("interrupted");
    expect(await acledIncidents()).toBe(before);
    expect(await countRows(app, "followup_incidents where external_id like 'STOP%'")).toBe(0);
    expect(await countRows(app, "followup_import_rows")).toBe(0);
    expect((await readdir(importsDirectory(app.config.dataDir))).filter((n) => n.includes(jobId))).toEqual(
      [],
    );
  }, 180_000);

  it("removes at start-up the upload and staged rows of an import a stop interrupted", async () => {
    const jobId = crypto.randomUUID();
    const name = `${crypto.randomUUID()}.csv`;
    const directory = importsDirectory(app.config.dataDir);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, name), file("KILL", 1));
    await app.deps.db.insert(jobs).values({
      id: jobId,
      kind: "followup.import",
      state: "failed",
      input: { file: name },
      tier: "process",
      processId: fx.processId,
      startedBy: "monitor@example.org",
    });
    await app.database.db.execute(`insert into followup_import_rows (staging_id, seq, external_id, occurred_on,
      time_precision, latitude, longitude, geo_precision, admin, event_type, fatalities, sources, zones)
      values ('${jobId}', 1, 'KILL0', '2025-01-01', 'day', 35.9, 36.6, 'exact', '[]', 'Battles', 0, '[]', '[]')`);
    await followupModule.onStart?.(app.deps);
    expect(existsSync(path.join(directory, name))).toBe(false);
    expect(await countRows(app, `followup_import_rows where staging_id = '${jobId}'`)).toBe(0);
  });

  it("cancels a running import for whoever started it, imports nothing of it, and refuses a stranger", async () => {
    const before = await acledIncidents();
    // Large enough to be still running when the cancel arrives, which comes first, at once: staging by
    // COPY reads a small file to its end in moments.
    const started = await upload(file("CANCEL", 150_000), false);
    const { jobId } = started.json();
    await midway(jobId);
    const cancel = await app.request({ method: "POST", url: `/api/jobs/${jobId}/cancel`, as: fx.as.monitor });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await app.deps.jobs.settled(jobId);
    expect((await jobRow(jobId))?.state).toBe("cancelled");
    expect(await acledIncidents()).toBe(before);
    expect(await countRows(app, "followup_incidents where external_id like 'CANCEL%'")).toBe(0);
    expect(await countRows(app, "followup_import_rows")).toBe(0);
    // The party, the guarantor, an observer: not who started it, not the secretariat — refused before
    // the job's state is looked at.
    for (const role of ["party", "guarantor", "observer"] as const) {
      const refused = await app.request({
        method: "POST",
        url: `/api/jobs/${jobId}/cancel`,
        as: fx.as[role],
      });
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.code).toBe("forbidden");
    }
    expect((await app.request({ method: "POST", url: `/api/jobs/${jobId}/cancel` })).statusCode).toBe(401);
    const audit = await countRows(
      app,
      `audit_log where action = 'platform.job.cancel' and subject_id = '${jobId}'`,
    );
    expect(audit).toBeGreaterThanOrEqual(4); // the cancel and three refusals
    // Too late now: a 409, not a second cancel; the job's page no longer offers it.
    const again = await app.request({ method: "POST", url: `/api/jobs/${jobId}/cancel`, as: fx.as.monitor });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("job_not_running");
    const shown = await app.request({
      method: "GET",
      url: `/api/followup-imports/${jobId}`,
      as: fx.as.monitor,
    });
    expect(shown.json().job.can).toEqual({ cancel: false });
  }, 180_000);

  it("lets the secretariat cancel the monitors' import though it cannot read it", async () => {
    const started = await upload(file("HOST", 60_000), false);
    const { jobId } = started.json();
    await midway(jobId);
    const cancel = await app.request({
      method: "POST",
      url: `/api/jobs/${jobId}/cancel`,
      as: fx.as.secretariat,
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await app.deps.jobs.settled(jobId);
    expect((await jobRow(jobId))?.state).toBe("cancelled");
    expect(await countRows(app, "followup_incidents where external_id like 'HOST%'")).toBe(0);
  }, 180_000);

  it("refuses the merge of an import cancelled after its last batch was read: nothing imported", async () => {
    const jobId = crypto.randomUUID();
    await app.deps.db.insert(jobs).values({
      id: jobId,
      kind: "followup.import",
      state: "running",
      input: {},
      tier: "process",
      processId: fx.processId,
      startedBy: "system:test",
      cancelRequested: true,
    });
    const run = importAcledFile(app.deps.db, systemActor("test"), {
      processId: fx.processId,
      dryRun: false,
      source: Readable.from([Buffer.from(file("LATE", 20))]),
      totalBytes: 0,
      stagingId: jobId,
    });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(await countRows(app, "followup_incidents where external_id like 'LATE%'")).toBe(0);
    expect(await countRows(app, `followup_import_rows where staging_id = '${jobId}'`)).toBe(0);
    // Without the cancel the same merge seals the job: a cancel then is refused, not reported.
    await app.deps.db.update(jobs).set({ cancelRequested: false }).where(eq(jobs.id, jobId));
    await importAcledFile(app.deps.db, systemActor("test"), {
      processId: fx.processId,
      dryRun: false,
      source: Readable.from([Buffer.from(file("LATE", 20))]),
      totalBytes: 0,
      stagingId: jobId,
    });
    expect(await countRows(app, "followup_incidents where external_id like 'LATE%'")).toBe(20);
    expect((await jobRow(jobId))?.sealedAt).toBeTruthy();
    const late = await runOperation({ db: app.deps.db }, cancelJob, systemActor("test"), { jobId }).catch(
      (error) => error,
    );
    expect(late.code).toBe("job_not_running");
  });
});
