// Matching as the working group uses it (issue 18, item 3): the intermediary runs matching as a
// background job with progress; candidates wait in a review queue, best first, with per-field verdicts
// and both persons; only the intermediary runs matching and reads the queue — refusals audited.
// Deciding a candidate: matching-decisions.test.ts.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { processes } from "../../src/server/modules/core/schema.ts";
import { recordMatching } from "../../src/server/modules/humanitarian/operations/record-matching.ts";
import { runMatching } from "../../src/server/modules/humanitarian/operations/run-matching.ts";
import { humMatchRuns } from "../../src/server/modules/humanitarian/schema.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { auditLog, jobs, outbox } from "../../src/server/platform/schema.ts";
import { fixtureActor, fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";
import { withReviewWorld } from "./matching-review-world.ts";

const w = withReviewWorld();

describe("the matching job", () => {
  it("matches two sides' lists in the background, with progress, and records candidates without names", async () => {
    const { runId, jobId } = await w.runAndWait(w.intermediary, {
      mode: "lists",
      leftListId: w.lists.government.listId,
      rightListId: w.lists.opposition.listId,
    });
    const [job] = await w.app.deps.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(job).toMatchObject({ kind: "humanitarian.matching", state: "succeeded", progress: 1 });
    const events = await w.app.deps.db.select().from(outbox).where(eq(outbox.subjectId, jobId));
    expect(events.map((event) => event.type)).toContain("platform.job.progress");
    const [run] = await w.app.deps.db.select().from(humMatchRuns).where(eq(humMatchRuns.id, runId));
    expect(run).toMatchObject({ state: "completed", candidates: 2 });
    const candidates = await w.candidatesOf(runId);
    const pairs = candidates.map((c) => [c.leftEntryId, c.rightEntryId]).sort();
    expect(pairs).toEqual(
      [
        [w.lists.government.entryIds[0], w.lists.opposition.entryIds[1]],
        [w.lists.government.entryIds[1], w.lists.opposition.entryIds[0]],
      ].sort(),
    );
    // Verdicts only: no name, in any script, is kept on a candidate or in the job's row.
    const stored = JSON.stringify([candidates, job]);
    for (const name of ["Sameer", "سمير", "Khaled", "خالد", "Halabi", "الحلبي"])
      expect(stored).not.toContain(name);
    expect(candidates.every((c) => c.state === "pending")).toBe(true);
  });

  it("finds a person entered twice in one list", async () => {
    const { runId } = await w.runAndWait(w.intermediary, {
      mode: "duplicates",
      leftListId: w.lists.opposition.listId,
    });
    const candidates = await w.candidatesOf(runId);
    expect(candidates.map((c) => [c.leftEntryId, c.rightEntryId])).toEqual([
      [w.lists.opposition.entryIds[2], w.lists.opposition.entryIds[3]],
    ]);
  });

  it("is the intermediary's alone: a side, a guarantor and the UN are refused, and the refusal is audited", async () => {
    const process = fixtureProcess(w.fixtures);
    const party = await fixtureActor(w.app.deps.db, process.accounts.party);
    const guarantor = await fixtureActor(w.app.deps.db, process.accounts.guarantor);
    const own = { processId: w.processId, mode: "duplicates", leftListId: w.lists.government.listId };
    await expect(runOperation({ db: w.app.deps.db }, runMatching, party, own)).rejects.toMatchObject({
      status: 403,
    });
    // The other side's list is not even confirmed to exist.
    await expect(
      runOperation({ db: w.app.deps.db }, runMatching, party, {
        ...own,
        leftListId: w.lists.opposition.listId,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(runOperation({ db: w.app.deps.db }, runMatching, guarantor, own)).rejects.toMatchObject({
      status: 404,
    });
    const denied = await w.app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.matching.run"), eq(auditLog.outcome, "denied")));
    expect(denied.some((entry) => entry.actorId === process.accounts.party.id)).toBe(true);
  });

  it("refuses a second run of the same list while one is under way", async () => {
    const input = { processId: w.processId, mode: "duplicates", leftListId: w.lists.government.listId };
    const first = await runOperation({ db: w.app.deps.db }, runMatching, w.intermediary, input);
    await expect(
      runOperation({ db: w.app.deps.db }, runMatching, w.intermediary, input),
    ).rejects.toMatchObject({
      status: 409,
      code: "matching_running",
    });
    await w.app.deps.jobs.settled(first.jobId);
  });

  it("lets only the matcher record a run's outcome", async () => {
    const [run] = await w.app.deps.db.select().from(humMatchRuns).limit(1);
    await expect(
      runOperation({ db: w.app.deps.db }, recordMatching, w.intermediary, {
        runId: run?.id,
        outcome: "completed",
        candidates: [],
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      runOperation({ db: w.app.deps.db }, recordMatching, systemActor("matching"), {
        runId: run?.id,
        outcome: "completed",
        candidates: [],
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("the review queue", () => {
  it("shows the intermediary the pending candidates best first, with verdicts and both persons, and audits the read", async () => {
    const cookie = await fixtureSession(w.app, fixtureProcess(w.fixtures).accounts.intermediary.email);
    const response = await w.queue(cookie);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.counts.pending).toBe(body.total);
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    const scores = body.items.map((item: { score: number }) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const samirPair = body.items.find(
      (item: { left: { id: string } }) => item.left.id === w.lists.government.entryIds[0],
    );
    expect(samirPair.left.person.arabic.given).toBe("سمير");
    expect(samirPair.right.person.latin.given).toBe("Sameer");
    expect(samirPair.fields.find((f: { field: string }) => f.field === "grandfather").verdict).toBe(
      "missing",
    );
    expect(samirPair.fields.find((f: { field: string }) => f.field === "birth").verdict).toBe("agree");
    expect(samirPair.can.decide).toBe(true);
    const reads = await w.app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.review_queue.read"), eq(auditLog.outcome, "ok")));
    expect(reads.at(-1)?.data).toMatchObject({
      entries: expect.arrayContaining([w.lists.government.entryIds[0]]),
    });
    expect(JSON.stringify(reads.at(-1)?.data)).not.toContain("Sameer");
  });

  it("tells the reviewer where each person comes from and when and where they were taken, which no verdict scores", async () => {
    const process = fixtureProcess(w.fixtures);
    const cookie = await fixtureSession(w.app, process.accounts.intermediary.email);
    const body = (await w.queue(cookie)).json();
    const samirPair = body.items.find(
      (item: { left: { id: string } }) => item.left.id === w.lists.government.entryIds[0],
    );
    // Which side, which list, which row: the government's row 2 against the opposition's row 3.
    expect(samirPair.left).toMatchObject({
      participantId: process.participantIds.party,
      listTitle: "Held by the government",
      rowNumber: 2,
    });
    expect(samirPair.right).toMatchObject({
      participantId: `${process.key}-other-side`,
      listTitle: "Sought by the opposition",
      rowNumber: 3,
    });
    // The kind and the detention, in each side's words, beside the scored fields.
    expect(samirPair.left.person).toMatchObject({
      kind: "detained",
      eventDate: "2014-03-01",
      eventPlace: "حمص",
    });
    expect(samirPair.right.person).toMatchObject({ kind: "detained", eventYear: 2014, eventPlace: "Homs" });
  });

  it("answers the same queue when the process is named by its slug, as the pages name it", async () => {
    const cookie = await fixtureSession(w.app, fixtureProcess(w.fixtures).accounts.intermediary.email);
    const byId = (await w.queue(cookie)).json();
    // The w.fixtures' slugs equal their ids: give this process a slug of its own.
    const slug = "humanitarian-review-by-slug";
    await w.app.deps.db.update(processes).set({ slug }).where(eq(processes.id, w.processId));
    const bySlug = await w.app.request({
      method: "GET",
      url: `/api/processes/${slug}/humanitarian/review-queue`,
      as: cookie,
    });
    expect(bySlug.statusCode, bySlug.body).toBe(200);
    expect(bySlug.json().total).toBe(byId.total);
  });

  it("is refused to a side, a guarantor and the UN, each refusal audited", async () => {
    const process = fixtureProcess(w.fixtures);
    for (const role of ["party", "guarantor", "international_organization"] as const) {
      const response = await w.queue(await fixtureSession(w.app, process.accounts[role].email));
      expect(response.statusCode, role).toBe(403);
      expect(response.body).not.toContain("Sameer");
    }
    expect((await w.queue("")).statusCode).toBe(401);
    const denied = await w.app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.review_queue.read"), eq(auditLog.outcome, "denied")));
    expect(denied.map((entry) => entry.actorId)).toEqual(
      expect.arrayContaining([process.accounts.party.id, process.accounts.guarantor.id]),
    );
  });
});
