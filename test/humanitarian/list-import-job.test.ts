// A large list as a background job (issue 18, item 8): the upload answers at once with a job whose
// progress (rows and bytes of the total) arrives while it runs; the file waits sealed (no name in clear
// on the disk) and the staged rows too; a cancel or a server stop in the middle of the staging imports
// nothing, and what a kill left is removed at start-up; the same file twice is refused at once (409);
// duplicates are still reported; the other side may neither start nor follow the job.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { humanitarianModule } from "../../src/server/modules/humanitarian/index.ts";
import { listUploads } from "../../src/server/modules/humanitarian/jobs/list-import-job.ts";
import { jobs, outbox } from "../../src/server/platform/schema.ts";
import { countRows } from "../helpers/process-fixtures.ts";
import { csvOf, type HumCast, personRow, templateHeader, withHumanitarianCast } from "./helpers.ts";

let cast: HumCast;
withHumanitarianCast((ready) => {
  cast = ready;
});

/** A list of `count` persons, their family names marked with `tag` (so files differ), and `repeats` rows again. */
function listFile(tag: string, count: number, repeats = 0): string {
  const rows = Array.from({ length: count }, (_, n) =>
    personRow(n, { family_latin: `${tag}${n}`, family_ar: `الخطيب${tag}${n}` }),
  );
  for (let n = 0; n < repeats; n += 1)
    rows.push(personRow(n, { family_latin: `${tag}${n}`, family_ar: `الخطيب${tag}${n}` }));
  return csvOf(templateHeader, rows);
}

const start = (csv: string, as = cast.as.party, dryRun = false, delegationId = cast.government) =>
  cast.app.request({
    method: "POST",
    url: `/api/processes/${cast.fx.slug}/humanitarian/list-imports?${new URLSearchParams({
      delegationId,
      title: "Large list",
      dryRun: String(dryRun),
    })}`,
    as,
    headers: { "content-type": "text/csv" },
    payload: csv,
  });
const jobRow = async (id: string) => (await cast.app.deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];
const listsTitled = () => countRows(cast.app, "hum_lists where title = 'Large list'");
const staged = (jobId: string) => countRows(cast.app, `hum_import_rows where staging_id = '${jobId}'`);

/** Waits until the job has staged rows (the middle of the staging), and answers the job's row then. */
async function midStaging(jobId: string) {
  for (let waited = 0; waited < 120_000; waited += 25) {
    if ((await staged(jobId)) > 0) return jobRow(jobId);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the job never staged a row");
}

describe("a list imported as a background job", () => {
  it("answers at once, reports rows and bytes while it runs, keeps the file sealed, and imports", async () => {
    const csv = listFile("Jobfamily", 15_000, 2);
    const started = await start(csv);
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json();
    const seen = await midStaging(jobId);
    const file = path.join(
      listUploads.directory(cast.app.config.dataDir),
      (seen?.input as { file: string } | undefined)?.file ?? "",
    );
    // On the disk, the upload is sealed: no name in clear, in either script.
    const onDisk = readFileSync(file);
    expect(onDisk.includes(Buffer.from("Jobfamily1"))).toBe(false);
    expect(onDisk.includes(Buffer.from("الخطيب"))).toBe(false);
    // Staged rows hold sealed fields only.
    const stagedRows = await cast.app.database.db.execute(
      `select * from hum_import_rows where staging_id = '${jobId}' limit 50`,
    );
    const stagedText = JSON.stringify((stagedRows as { rows: unknown[] }).rows);
    expect(stagedText).not.toContain("Jobfamily");
    expect(stagedText).not.toContain("الخطيب");
    await cast.app.deps.jobs.settled(jobId);

    const done = await cast.app.request({
      method: "GET",
      url: `/api/humanitarian/list-imports/${jobId}`,
      as: cast.as.party,
    });
    expect(done.statusCode, done.body).toBe(200);
    const { job, report } = done.json();
    expect(job).toMatchObject({ state: "succeeded", progress: 1 });
    expect(job.detail).toMatchObject({
      totalBytes: Buffer.byteLength(csv),
      bytesRead: Buffer.byteLength(csv),
    });
    expect(report).toMatchObject({
      rows: 15_002,
      valid: 15_000,
      duplicates: 2,
      casesCreated: 15_000,
      preview: [],
    });
    expect(report.rejectedRows[0].findings[0]).toMatchObject({ code: "duplicate_row", ref: 2 });
    expect(await countRows(cast.app, `hum_list_entries where list_id = '${report.listId}'`)).toBe(15_000);
    expect(await staged(jobId)).toBe(0);
    expect(existsSync(file)).toBe(false);

    const events = await cast.app.deps.db.select().from(outbox).where(eq(outbox.subjectId, jobId));
    expect(events.filter((event) => event.type === "platform.job.progress").length).toBeGreaterThan(1);
    expect(JSON.stringify(events)).not.toContain("Jobfamily");
    expect(JSON.stringify((await jobRow(jobId))?.result)).not.toContain("Jobfamily");

    // The same file again: refused at once, before a job.
    const again = await start(csv);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe("list_already_imported");
    expect(await listsTitled()).toBe(1);
  }, 240_000);

  it("is neither started nor followed by the other side", async () => {
    const refused = await start(listFile("Other", 3), cast.as.opposition);
    expect(refused.statusCode).toBe(403);
    const dry = await start(listFile("Dry", 3), cast.as.party, true);
    expect(dry.statusCode, dry.body).toBe(202);
    const { jobId } = dry.json();
    await cast.app.deps.jobs.settled(jobId);
    for (const as of [cast.as.opposition, cast.as.observer, cast.as.guarantor, undefined]) {
      const response = await cast.app.request({
        method: "GET",
        url: `/api/humanitarian/list-imports/${jobId}`,
        as,
      });
      expect(response.statusCode).toBe(404);
    }
    const own = await cast.app.request({
      method: "GET",
      url: `/api/humanitarian/list-imports/${jobId}`,
      as: cast.as.party,
    });
    expect(own.json().report).toMatchObject({ dryRun: true, valid: 3, listId: null });
  });

  it("imports nothing when cancelled in the middle of the staging", async () => {
    const cases = await countRows(cast.app, "hum_cases");
    const { jobId } = (await start(listFile("Cancelled", 40_000))).json();
    await midStaging(jobId);
    await cast.app.deps.db.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, jobId));
    await cast.app.deps.jobs.settled(jobId);
    expect((await jobRow(jobId))?.state).toBe("cancelled");
    expect(await countRows(cast.app, "hum_cases")).toBe(cases);
    expect(await countRows(cast.app, "hum_lists where title = 'Large list'")).toBe(1);
    expect(await staged(jobId)).toBe(0);
  }, 240_000);

  it("imports nothing when the server stops in the middle of the staging", async () => {
    const cases = await countRows(cast.app, "hum_cases");
    const { jobId } = (await start(listFile("Stopped", 40_000))).json();
    await midStaging(jobId);
    await cast.app.deps.jobs.stop();
    await cast.app.deps.jobs.start();
    const row = await jobRow(jobId);
    expect(row?.state).toBe("failed");
    expect((row?.error as { code: string } | undefined)?.code).toBe("interrupted");
    expect(await countRows(cast.app, "hum_cases")).toBe(cases);
    expect(await listsTitled()).toBe(1);
    expect(await staged(jobId)).toBe(0);
  }, 240_000);

  it("removes at start-up the sealed upload and staged rows a killed import left", async () => {
    const jobId = crypto.randomUUID();
    const name = listUploads.newName();
    const directory = listUploads.directory(cast.app.config.dataDir);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, name), "sealed bytes");
    // A killed server leaves its job running; the next start marks it failed, then cleans.
    await cast.app.deps.db.insert(jobs).values({
      id: jobId,
      kind: "humanitarian.list-import",
      state: "running",
      input: { file: name },
      tier: "delegation",
      processId: cast.fx.processId,
      delegationId: cast.government,
      startedBy: "party@example.org",
    });
    await cast.app.database.db.execute(`insert into hum_import_rows (staging_id, seq, row_number, kind,
      fingerprint, entry_id, entry_personal, flags)
      values ('${jobId}', 1, 2, 'detained', 'f', 'e', 'v1.x', '[]')`);
    await cast.app.deps.jobs.stop();
    await cast.app.deps.jobs.start();
    await humanitarianModule.onStart?.(cast.app.deps);
    expect(existsSync(path.join(directory, name))).toBe(false);
    expect(await staged(jobId)).toBe(0);
    expect(await countRows(cast.app, "hum_cases where id = 'e'")).toBe(0);
  });
});
