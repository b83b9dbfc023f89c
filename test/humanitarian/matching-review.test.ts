// Matching as the working group uses it (issue 18, item 3): the intermediary runs matching as a
// background job with progress; candidates wait in a review queue, best first, with per-field verdicts
// and both persons; a person confirms or rejects each, once; nothing merges without that; only the
// intermediary runs matching, reads the queue and decides — refusals audited.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processes } from "../../src/server/modules/core/schema.ts";
import { recordMatching } from "../../src/server/modules/humanitarian/operations/record-matching.ts";
import { runMatching } from "../../src/server/modules/humanitarian/operations/run-matching.ts";
import {
  humCaseStatus,
  humCases,
  humListEntries,
  humMatchCandidates,
  humMatchRuns,
} from "../../src/server/modules/humanitarian/schema.ts";
import { type Actor, systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { unsealPersonal } from "../../src/server/platform/personal-data.ts";
import { auditLog, jobs, outbox } from "../../src/server/platform/schema.ts";
import type { TestApp } from "../helpers/app.ts";
import { type Fixtures, fixtureActor, fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";
import { insertList, type TestPerson, withdrawEntry } from "./matching-helpers.ts";
import { khaled, khaledInArabic, type MatchingWorld, openMatchingWorld, stranger } from "./matching-world.ts";

let app: TestApp;
let fixtures: Fixtures;
let processId: string;
let intermediary: Actor;
let lists: MatchingWorld["lists"];

beforeAll(async () => {
  ({ app, fixtures, processId, intermediary, lists } = await openMatchingWorld());
});
afterAll(async () => {
  await app?.close();
});

const candidatesOf = (runId: string) =>
  app.deps.db.select().from(humMatchCandidates).where(eq(humMatchCandidates.runId, runId));

async function runAndWait(actor: Actor, input: Record<string, unknown>) {
  const started = await runOperation({ db: app.deps.db }, runMatching, actor, { processId, ...input });
  await app.deps.jobs.settled(started.jobId);
  return started;
}

async function queue(as: string, query = "") {
  return app.request({
    method: "GET",
    url: `/api/processes/${processId}/humanitarian/review-queue${query}`,
    as,
  });
}

const decide = async (
  as: string,
  candidateId: string,
  decision: "confirm" | "reject",
  reason = "Same person: names, father and birth agree.",
) =>
  app.request({
    method: "POST",
    url: `/api/humanitarian/candidates/${candidateId}/decision`,
    as,
    payload: { decision, reason },
  });

describe("the matching job", () => {
  it("matches two sides' lists in the background, with progress, and records candidates without names", async () => {
    const { runId, jobId } = await runAndWait(intermediary, {
      mode: "lists",
      leftListId: lists.government.listId,
      rightListId: lists.opposition.listId,
    });
    const [job] = await app.deps.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(job).toMatchObject({ kind: "humanitarian.matching", state: "succeeded", progress: 1 });
    const events = await app.deps.db.select().from(outbox).where(eq(outbox.subjectId, jobId));
    expect(events.map((event) => event.type)).toContain("platform.job.progress");
    const [run] = await app.deps.db.select().from(humMatchRuns).where(eq(humMatchRuns.id, runId));
    expect(run).toMatchObject({ state: "completed", candidates: 2 });
    const candidates = await candidatesOf(runId);
    const pairs = candidates.map((c) => [c.leftEntryId, c.rightEntryId]).sort();
    expect(pairs).toEqual(
      [
        [lists.government.entryIds[0], lists.opposition.entryIds[1]],
        [lists.government.entryIds[1], lists.opposition.entryIds[0]],
      ].sort(),
    );
    // Verdicts only: no name, in any script, is kept on a candidate or in the job's row.
    const stored = JSON.stringify([candidates, job]);
    for (const name of ["Sameer", "سمير", "Khaled", "خالد", "Halabi", "الحلبي"])
      expect(stored).not.toContain(name);
    expect(candidates.every((c) => c.state === "pending")).toBe(true);
  });

  it("finds a person entered twice in one list", async () => {
    const { runId } = await runAndWait(intermediary, {
      mode: "duplicates",
      leftListId: lists.opposition.listId,
    });
    const candidates = await candidatesOf(runId);
    expect(candidates.map((c) => [c.leftEntryId, c.rightEntryId])).toEqual([
      [lists.opposition.entryIds[2], lists.opposition.entryIds[3]],
    ]);
  });

  it("is the intermediary's alone: a side, a guarantor and the UN are refused, and the refusal is audited", async () => {
    const process = fixtureProcess(fixtures);
    const party = await fixtureActor(app.deps.db, process.accounts.party);
    const guarantor = await fixtureActor(app.deps.db, process.accounts.guarantor);
    const own = { processId, mode: "duplicates", leftListId: lists.government.listId };
    await expect(runOperation({ db: app.deps.db }, runMatching, party, own)).rejects.toMatchObject({
      status: 403,
    });
    // The other side's list is not even confirmed to exist.
    await expect(
      runOperation({ db: app.deps.db }, runMatching, party, { ...own, leftListId: lists.opposition.listId }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(runOperation({ db: app.deps.db }, runMatching, guarantor, own)).rejects.toMatchObject({
      status: 404,
    });
    const denied = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.matching.run"), eq(auditLog.outcome, "denied")));
    expect(denied.some((entry) => entry.actorId === process.accounts.party.id)).toBe(true);
  });

  it("refuses a second run of the same list while one is under way", async () => {
    const input = { processId, mode: "duplicates", leftListId: lists.government.listId };
    const first = await runOperation({ db: app.deps.db }, runMatching, intermediary, input);
    await expect(runOperation({ db: app.deps.db }, runMatching, intermediary, input)).rejects.toMatchObject({
      status: 409,
      code: "matching_running",
    });
    await app.deps.jobs.settled(first.jobId);
  });

  it("lets only the matcher record a run's outcome", async () => {
    const [run] = await app.deps.db.select().from(humMatchRuns).limit(1);
    await expect(
      runOperation({ db: app.deps.db }, recordMatching, intermediary, {
        runId: run?.id,
        outcome: "completed",
        candidates: [],
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      runOperation({ db: app.deps.db }, recordMatching, systemActor("matching"), {
        runId: run?.id,
        outcome: "completed",
        candidates: [],
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("the review queue", () => {
  it("shows the intermediary the pending candidates best first, with verdicts and both persons, and audits the read", async () => {
    const cookie = await fixtureSession(app, fixtureProcess(fixtures).accounts.intermediary.email);
    const response = await queue(cookie);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.counts.pending).toBe(body.total);
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    const scores = body.items.map((item: { score: number }) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const samirPair = body.items.find(
      (item: { left: { id: string } }) => item.left.id === lists.government.entryIds[0],
    );
    expect(samirPair.left.person.arabic.given).toBe("سمير");
    expect(samirPair.right.person.latin.given).toBe("Sameer");
    expect(samirPair.fields.find((f: { field: string }) => f.field === "grandfather").verdict).toBe(
      "missing",
    );
    expect(samirPair.fields.find((f: { field: string }) => f.field === "birth").verdict).toBe("agree");
    expect(samirPair.can.decide).toBe(true);
    const reads = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.review_queue.read"), eq(auditLog.outcome, "ok")));
    expect(reads.at(-1)?.data).toMatchObject({
      entries: expect.arrayContaining([lists.government.entryIds[0]]),
    });
    expect(JSON.stringify(reads.at(-1)?.data)).not.toContain("Sameer");
  });

  it("tells the reviewer where each person comes from and when and where they were taken, which no verdict scores", async () => {
    const process = fixtureProcess(fixtures);
    const cookie = await fixtureSession(app, process.accounts.intermediary.email);
    const body = (await queue(cookie)).json();
    const samirPair = body.items.find(
      (item: { left: { id: string } }) => item.left.id === lists.government.entryIds[0],
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
    const cookie = await fixtureSession(app, fixtureProcess(fixtures).accounts.intermediary.email);
    const byId = (await queue(cookie)).json();
    // The fixtures' slugs equal their ids: give this process a slug of its own.
    const slug = "humanitarian-review-by-slug";
    await app.deps.db.update(processes).set({ slug }).where(eq(processes.id, processId));
    const bySlug = await app.request({
      method: "GET",
      url: `/api/processes/${slug}/humanitarian/review-queue`,
      as: cookie,
    });
    expect(bySlug.statusCode, bySlug.body).toBe(200);
    expect(bySlug.json().total).toBe(byId.total);
  });

  it("is refused to a side, a guarantor and the UN, each refusal audited", async () => {
    const process = fixtureProcess(fixtures);
    for (const role of ["party", "guarantor", "international_organization"] as const) {
      const response = await queue(await fixtureSession(app, process.accounts[role].email));
      expect(response.statusCode, role).toBe(403);
      expect(response.body).not.toContain("Sameer");
    }
    expect((await queue("")).statusCode).toBe(401);
    const denied = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.review_queue.read"), eq(auditLog.outcome, "denied")));
    expect(denied.map((entry) => entry.actorId)).toEqual(
      expect.arrayContaining([process.accounts.party.id, process.accounts.guarantor.id]),
    );
  });
});

describe("deciding a candidate", () => {
  it("confirms once across the sides: each side keeps its own case, the candidate links them; a second decision is 409", async () => {
    const cookie = await fixtureSession(app, fixtureProcess(fixtures).accounts.intermediary.email);
    const [candidate] = await app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.leftEntryId, lists.government.entryIds[0] ?? ""));
    const confirmed = await decide(cookie, candidate?.id ?? "", "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { caseId, createdCase, state } = confirmed.json();
    expect({ state, createdCase }).toEqual({ state: "confirmed", createdCase: true });
    const rows = await app.deps.db
      .select()
      .from(humListEntries)
      .where(
        inArray(humListEntries.id, [lists.government.entryIds[0] ?? "", lists.opposition.entryIds[1] ?? ""]),
      );
    const governmentRow = rows.find((row) => row.id === lists.government.entryIds[0]);
    const oppositionRow = rows.find((row) => row.id === lists.opposition.entryIds[1]);
    expect(governmentRow?.caseId).toBe(caseId);
    expect(oppositionRow?.caseId).toBeTruthy();
    expect(oppositionRow?.caseId).not.toBe(caseId);
    const [made] = await app.deps.db.select().from(humCases).where(eq(humCases.id, caseId));
    expect(made?.delegationId).toBe(fixtureProcess(fixtures).delegationIds.party);
    expect(unsealPersonal<TestPerson>(made?.personal ?? "", caseId).arabic?.given).toBe("سمير");
    const history = await app.deps.db.select().from(humCaseStatus).where(eq(humCaseStatus.caseId, caseId));
    expect(history.map((step) => step.status)).toEqual(["listed"]);
    const again = await decide(cookie, candidate?.id ?? "", "reject");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_decided");
  });

  it("joins one side's person entered twice into one case, the other withdrawn saying into which", async () => {
    const process = fixtureProcess(fixtures);
    const cookie = await fixtureSession(app, process.accounts.intermediary.email);
    const twice = await insertList(
      app.deps.db,
      { processId, participantId: process.participantIds.party, delegationId: process.delegationIds.party },
      "twice",
      [khaledInArabic, { ...khaled, latin: { ...khaled.latin, family: "al-Haddad" } }],
    );
    const { runId } = await runAndWait(intermediary, { mode: "duplicates", leftListId: twice.listId });
    const [candidate] = await candidatesOf(runId);
    const confirmed = await decide(cookie, candidate?.id ?? "", "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { caseId } = confirmed.json();
    const rows = await app.deps.db
      .select()
      .from(humListEntries)
      .where(eq(humListEntries.listId, twice.listId));
    expect(rows.map((row) => row.caseId)).toEqual([caseId, caseId]);
    const folded = await app.deps.db
      .select()
      .from(humCases)
      .where(and(eq(humCases.delegationId, process.delegationIds.party), isNotNull(humCases.withdrawnAt)));
    expect(folded).toHaveLength(1);
    expect(folded[0]?.withdrawnReason).toContain(caseId);
  });

  it("rejects with a reason and merges nothing", async () => {
    const cookie = await fixtureSession(app, fixtureProcess(fixtures).accounts.intermediary.email);
    const [candidate] = await app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.leftEntryId, lists.opposition.entryIds[2] ?? ""));
    const rejected = await decide(
      cookie,
      candidate?.id ?? "",
      "reject",
      "Different mothers, per the family.",
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: "rejected", caseId: null, createdCase: false });
    const [row] = await app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.id, candidate?.id ?? ""));
    expect(row).toMatchObject({ state: "rejected", reason: "Different mothers, per the family." });
    expect(row?.decidedBy).toBe(fixtureProcess(fixtures).accounts.intermediary.id);
    const linked = await app.deps.db
      .select()
      .from(humListEntries)
      .where(eq(humListEntries.id, lists.opposition.entryIds[2] ?? ""));
    expect(linked[0]?.caseId).toBeNull();
    const missingReason = await decide(cookie, candidate?.id ?? "", "confirm", "");
    expect(missingReason.statusCode).toBe(400);
  });

  it("matches a list against the recorded cases, and proposes a pair only once", async () => {
    const cookie = await fixtureSession(app, fixtureProcess(fixtures).accounts.intermediary.email);
    const [samirCase] = await app.deps.db
      .select()
      .from(humCases)
      .where(eq(humCases.listEntryId, lists.government.entryIds[0] ?? ""));
    const other = {
      processId,
      participantId: `${fixtureProcess(fixtures).key}-other-side`,
      delegationId: `${fixtureProcess(fixtures).key}-delegation-other-side`,
    };
    const later = await insertList(app.deps.db, other, "sought again", [
      {
        latin: { given: "Samir", father: "Ahmad", grandfather: "Ibrahim", family: "Halabi" },
        sex: "male",
        birthYear: 1980,
      },
      stranger,
    ]);
    const { runId } = await runAndWait(intermediary, { mode: "cases", leftListId: later.listId });
    const candidates = await candidatesOf(runId);
    expect(candidates.map((c) => [c.leftEntryId, c.rightCaseId])).toContainEqual([
      later.entryIds[0],
      samirCase?.id,
    ]);
    const samirCandidate = candidates.find((c) => c.rightCaseId === samirCase?.id);
    const confirmed = await decide(cookie, samirCandidate?.id ?? "", "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [row] = await app.deps.db
      .select()
      .from(humListEntries)
      .where(eq(humListEntries.id, later.entryIds[0] ?? ""));
    expect(row?.caseId).toBe(confirmed.json().caseId);
    const { runId: again } = await runAndWait(intermediary, { mode: "cases", leftListId: later.listId });
    expect((await candidatesOf(again)).map((c) => c.rightCaseId)).not.toContain(samirCase?.id);
  });

  it("answers 409 for a candidate gone stale, and writes nothing", async () => {
    const cookie = await fixtureSession(app, fixtureProcess(fixtures).accounts.intermediary.email);
    const [candidate] = await app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(
        and(
          eq(humMatchCandidates.leftEntryId, lists.government.entryIds[1] ?? ""),
          eq(humMatchCandidates.state, "pending"),
        ),
      );
    await withdrawEntry(app.deps.db, lists.opposition.entryIds[0] ?? "");
    const stale = await decide(cookie, candidate?.id ?? "", "confirm");
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.code).toBe("candidate_stale");
    const [row] = await app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.id, candidate?.id ?? ""));
    expect(row?.state).toBe("pending");
  });

  it("is the intermediary's alone", async () => {
    const process = fixtureProcess(fixtures);
    const [candidate] = await app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.state, "pending"));
    for (const role of ["party", "guarantor", "host"] as const) {
      const response = await decide(
        await fixtureSession(app, process.accounts[role].email),
        candidate?.id ?? "",
        "confirm",
      );
      expect(response.statusCode, role).toBe(403);
    }
  });
});
