import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import { loadDemo, recordConflict, recordModule, resetDemo } from "../../src/server/modules/record/index.ts";
import * as recordSchema from "../../src/server/modules/record/schema.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { auditLog } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { cliWithDataDir } from "../helpers/cli.ts";

const { processes, participants, roundParticipations } = coreSchema;
const system = systemActor("test");

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe("the demonstration record's life cycle", () => {
  it("starts empty with DEMO=off", async () => {
    expect(app.config.DEMO).toBe(false);
    expect(await app.database.db.$count(processes)).toBe(0);
    const response = await app.request({ method: "GET", url: "/api/processes/astana/timeline" });
    expect(response.statusCode).toBe(404);
  });

  it("loads on start only when DEMO is on and the database has no process yet", async () => {
    const deps = { ...app.deps, config: { ...app.config, DEMO: true } };
    await app.database.db.insert(participants).values({
      id: "p-russia",
      slug: "russia",
      kind: "state",
      names: { en: "Russian Federation" },
    });
    await app.database.db.insert(processes).values({
      id: "other",
      slug: "other",
      names: { en: "Another process" },
      hostParticipantId: "p-russia",
    });
    await recordModule.onOpen?.(deps);
    expect(await app.database.db.$count(processes)).toBe(1);
    await app.database.db.delete(processes).where(eq(processes.id, "other"));

    const started = performance.now();
    await recordModule.onOpen?.(deps);
    const milliseconds = performance.now() - started;
    console.info(`demonstration record loaded on PGlite in ${Math.round(milliseconds)} ms`);
    expect(milliseconds).toBeLessThan(10_000);
    expect(await app.database.db.$count(processes, eq(processes.isDemo, true))).toBe(1);
    // A participant that already existed is reused, not duplicated (guarantor in 22 rounds, host of 10 and 15).
    expect(await app.database.db.$count(participants, eq(participants.slug, "russia"))).toBe(1);
    expect(
      await app.database.db.$count(roundParticipations, eq(roundParticipations.participantId, "p-russia")),
    ).toBe(24);
  });

  it("refuses a second load", async () => {
    await expect(runOperation({ db: app.database.db }, loadDemo, system, {})).rejects.toMatchObject({
      code: "demo_already_loaded",
    });
  });

  it("resets: deletes every demonstration row and what was added inside it, then loads again", async () => {
    const db = app.database.db;
    const counts = async () => ({
      rounds: await db.$count(coreSchema.rounds),
      citations: await db.$count(recordSchema.citations),
      sources: await db.$count(recordSchema.sources),
      conflicts: await db.$count(recordSchema.conflicts),
      facts: await db.$count(recordSchema.facts),
    });
    const loaded = await counts();
    await runOperation({ db }, recordConflict, system, {
      subjectType: "round",
      subjectId: "demo-round-22",
      kind: "single_source",
      text: "Added after loading.",
      sources: [{ url: "https://example.org/added" }],
    });
    expect((await counts()).conflicts).toBe(loaded.conflicts + 1);
    const reset = await runOperation({ db }, resetDemo, system, {});
    expect(reset.deleted.rounds).toBe(22);
    expect(reset.counts.rounds).toBe(22);
    // The added conflict went with the demonstration; the source it created is not demonstration data and stays.
    expect(await counts()).toEqual({ ...loaded, sources: loaded.sources + 1 });
    const [added] = await db
      .select()
      .from(recordSchema.sources)
      .where(eq(recordSchema.sources.url, "https://example.org/added"));
    expect(
      await db.$count(recordSchema.citations, eq(recordSchema.citations.sourceId, added?.id ?? "")),
    ).toBe(0);
    expect(await db.$count(participants, eq(participants.id, "p-russia"))).toBe(1);
    const actions = (
      await db.select({ action: auditLog.action, outcome: auditLog.outcome }).from(auditLog)
    ).map((entry) => `${entry.action}:${entry.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(["record.demo.load:ok", "record.demo.reset:ok"]));
  });

  it("refuses both to anyone but the operator or an administrator", async () => {
    const response = await app.request({ method: "POST", url: "/api/demo/reset" });
    expect(response.statusCode).toBe(401);
  });
});

describe("astana demo load / reset", () => {
  const cli = cliWithDataDir("astana-demo-cli-");
  const astana = (...args: string[]) => cli.astana(args);

  it("loads into an empty data directory, refuses a second load, and resets", {
    timeout: 240_000,
  }, async () => {
    const first = await astana("demo", "load");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Demonstration record loaded in \d+ ms: 22 rounds, 23 meetings/);
    const second = await astana("demo", "load");
    expect(second.code).toBe(4);
    expect(second.stderr).toContain("already loaded");
    const reset = await astana("demo", "reset", "--json");
    expect(reset.code, reset.stderr).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ deleted: { rounds: 22 }, counts: { rounds: 22 } });
  });
});
