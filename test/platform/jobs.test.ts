// Background jobs (platform/jobs.ts): started by an operation once it commits, run off the request (a
// worker thread for CPU-bound work, so the server keeps answering), progress persisted and announced,
// cancel, result or error recorded, tier-filtered, and a job a dead server left behind marked failed.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { systemActor } from "../../src/server/platform/authz.ts";
import {
  defineJob,
  type JobKind,
  JobRunner,
  queueJob,
  requestCancel,
} from "../../src/server/platform/jobs.ts";
import { defineOperation, runOperation } from "../../src/server/platform/operation.ts";
import { jobs, outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const spinModule = new URL("../fixtures/jobs/spin.ts", import.meta.url).href;
const spinning = defineJob<{ ms: number }, { iterations: number; stopped: boolean }>({
  kind: "test.spin",
  worker: { module: spinModule, export: "spin" },
});
const failing = defineJob({ kind: "test.fail", worker: { module: spinModule, export: "fail" } });
const counting = defineJob<{ upTo: number }, number>({
  kind: "test.count",
  run: async (input, ctx) => {
    let total = 0;
    for (let i = 1; i <= input.upTo; i++) {
      total += i;
      ctx.progress(i / input.upTo);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return total;
  },
  complete: async (_db, _job, total) => ({ total, recorded: true }),
});
// biome-ignore lint/suspicious/noExplicitAny: the test queues kinds of any input and output
const kinds: Record<string, JobKind<any, any>> = { spinning, failing, counting };

const startJob = defineOperation({
  name: "test.job.start",
  input: z.object({
    kind: z.string(),
    input: z.record(z.string(), z.unknown()),
    tier: z.string().default("public"),
    thenFail: z.boolean().default(false),
  }),
  authorize: (actor) => actor.kind === "system",
  run: async (ctx, input) => {
    const kind = kinds[input.kind];
    if (!kind) throw new Error("unknown kind");
    const tier = input.tier as "public" | "delegation";
    const jobId = await queueJob(ctx, kind, input.input, {
      tier,
      processId: tier === "public" ? null : "some-process",
      delegationId: tier === "public" ? null : "some-delegation",
    });
    if (input.thenFail) throw new Error("the operation failed after queueing");
    return { jobId };
  },
});
const cancelJob = defineOperation({
  name: "test.job.cancel",
  input: z.object({ jobId: z.string() }),
  authorize: (actor) => actor.kind === "system",
  run: async (ctx, input) => requestCancel(ctx.tx, input.jobId),
});

const start = (kind: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  runOperation({ db: app.deps.db }, startJob, systemActor("test"), { kind, input, ...extra });
const job = async (id: string) => (await app.request({ method: "GET", url: `/api/jobs/${id}` })).json();
const row = async (id: string) => (await app.deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];

describe("background jobs", () => {
  it("runs in-process work after the operation commits and records what its completion returns", async () => {
    const { jobId } = await start("counting", { upTo: 10 });
    await app.deps.jobs.settled(jobId);
    const done = await job(jobId);
    expect(done).toMatchObject({
      kind: "test.count",
      state: "succeeded",
      progress: 1,
      result: { total: 55, recorded: true },
    });
    expect(done.finishedAt).toBeTruthy();
  });

  it("runs CPU-bound work in a worker thread while the server keeps answering, its progress persisted and announced", async () => {
    const { jobId } = await start("spinning", { ms: 6000 });
    // Wait until the worker is under way (its start takes longer on a loaded machine).
    for (let waited = 0; ((await row(jobId))?.progress ?? 0) === 0 && waited < 20_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const began = performance.now();
    const health = await app.request({ method: "GET", url: "/api/health" });
    const answeredIn = performance.now() - began;
    expect(health.statusCode).toBe(200);
    // Spun in the request's thread, the answer would wait about 3 s for the work to end.
    expect(answeredIn, "the server answers while the worker spins").toBeLessThan(1500);
    const midway = await row(jobId);
    expect(midway?.state).toBe("running");
    expect(midway?.progress).toBeGreaterThan(0);
    expect(midway?.progress).toBeLessThan(1);
    await app.deps.jobs.settled(jobId);
    expect(await job(jobId)).toMatchObject({ state: "succeeded", result: { stopped: false } });
    const events = await app.deps.db.select().from(outbox).where(eq(outbox.subjectId, jobId));
    const types = events.map((event) => event.type);
    expect(types[0]).toBe("platform.job.queue");
    expect(types).toContain("platform.job.progress");
    expect(types.at(-1)).toBe("platform.job.finish");
  });

  it("stops a cancelled job within a moment and records it cancelled, with no result", async () => {
    const { jobId } = await start("spinning", { ms: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const began = performance.now();
    await runOperation({ db: app.deps.db }, cancelJob, systemActor("test"), { jobId });
    await app.deps.jobs.settled(jobId);
    expect(performance.now() - began).toBeLessThan(2_000);
    const cancelled = await job(jobId);
    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.result).toBeNull();
  });

  it("records the error a job fails with, in the one error shape", async () => {
    const { jobId } = await start("failing", {});
    await app.deps.jobs.settled(jobId);
    expect(await job(jobId)).toMatchObject({
      state: "failed",
      error: {
        code: "unusable_input",
        message: "The work found the input unusable.",
        details: { field: "x" },
      },
    });
  });

  it("starts nothing when the operation that queued it rolls back", async () => {
    const before = (await app.deps.db.select().from(jobs)).length;
    await expect(start("counting", { upTo: 1 }, { thenFail: true })).rejects.toThrow();
    expect((await app.deps.db.select().from(jobs)).length).toBe(before);
    expect(app.deps.jobs.size).toBe(0);
  });

  it("shows a job only to who may follow it: a delegation's job is a 404 to the public", async () => {
    const { jobId } = await start("counting", { upTo: 1 }, { tier: "delegation" });
    await app.deps.jobs.settled(jobId);
    const hidden = await app.request({ method: "GET", url: `/api/jobs/${jobId}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("not_found");
    expect((await row(jobId))?.state).toBe("succeeded");
  });

  it("marks a job left queued or running by a server that died as failed at the next start", async () => {
    await app.deps.db.insert(jobs).values([
      { id: "left-running", kind: "test.spin", state: "running", tier: "public", startedBy: "system:test" },
      { id: "left-queued", kind: "test.spin", state: "queued", tier: "public", startedBy: "system:test" },
    ]);
    const next = new JobRunner(app.deps.db);
    await next.start();
    await next.stop();
    for (const id of ["left-running", "left-queued"])
      expect(await job(id)).toMatchObject({ state: "failed", error: { code: "interrupted" } });
  });
  it("holds a job of a kind the test servers name (ASTANA_TEST_HOLD_JOBS), running, until the hold ends or a cancel comes", async () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await app.deps.jobs.stop();
    const held = new JobRunner(app.deps.db, undefined, { holds: { "test.count": 60_000 } });
    await held.start({ recover: false });
    try {
      const { jobId } = await start("counting", { upTo: 3 });
      for (let waited = 0; (await row(jobId))?.state !== "running" && waited < 10_000; waited += 50)
        await wait(50);
      await wait(500);
      // Running, its work not begun: the page shows it under way, with its Cancel.
      expect(await row(jobId)).toMatchObject({ state: "running", progress: 0 });
      const began = performance.now();
      await runOperation({ db: app.deps.db }, cancelJob, systemActor("test"), { jobId });
      await held.settled(jobId);
      expect(performance.now() - began).toBeLessThan(2_000);
      expect(await job(jobId)).toMatchObject({ state: "cancelled", result: null });
    } finally {
      await held.stop();
    }
    const brief = new JobRunner(app.deps.db, undefined, { holds: { "test.count": 400 } });
    await brief.start({ recover: false });
    try {
      const began = performance.now();
      const { jobId } = await start("counting", { upTo: 2 });
      await wait(50);
      await brief.settled(jobId);
      // The hold ends on its own and the work runs as ever.
      expect(performance.now() - began).toBeGreaterThanOrEqual(400);
      expect(await job(jobId)).toMatchObject({ state: "succeeded", result: { total: 3 } });
    } finally {
      await brief.stop();
      await app.deps.jobs.start({ recover: false });
    }
  });
});
