// Deciding a matching candidate (issue 18, item 3): a person confirms or rejects each, once, with a
// reason; nothing merges without that; each side keeps its own case; only the intermediary decides.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  humCaseStatus,
  humCases,
  humListEntries,
  humMatchCandidates,
} from "../../src/server/modules/humanitarian/schema.ts";
import { unsealPersonal } from "../../src/server/platform/personal-data.ts";
import { fixtureProcess, fixtureSession } from "../helpers/fixtures.ts";
import { insertList, type TestPerson, withdrawEntry } from "./matching-helpers.ts";
import { withReviewWorld } from "./matching-review-world.ts";
import { khaled, khaledInArabic, stranger } from "./matching-world.ts";

const w = withReviewWorld();

// The candidates the intermediary's first runs find: across the two sides' lists, and the opposition's
// person entered twice (matching-review.test.ts checks what each run finds).
beforeAll(async () => {
  await w.runAndWait(w.intermediary, {
    mode: "lists",
    leftListId: w.lists.government.listId,
    rightListId: w.lists.opposition.listId,
  });
  await w.runAndWait(w.intermediary, { mode: "duplicates", leftListId: w.lists.opposition.listId });
});

describe("deciding a candidate", () => {
  it("confirms once across the sides: each side keeps its own case, the candidate links them; a second decision is 409", async () => {
    const cookie = await fixtureSession(w.app, fixtureProcess(w.fixtures).accounts.intermediary.email);
    const [candidate] = await w.app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.leftEntryId, w.lists.government.entryIds[0] ?? ""));
    const confirmed = await w.decide(cookie, candidate?.id ?? "", "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { caseId, createdCase, state } = confirmed.json();
    expect({ state, createdCase }).toEqual({ state: "confirmed", createdCase: true });
    const rows = await w.app.deps.db
      .select()
      .from(humListEntries)
      .where(
        inArray(humListEntries.id, [
          w.lists.government.entryIds[0] ?? "",
          w.lists.opposition.entryIds[1] ?? "",
        ]),
      );
    const governmentRow = rows.find((row) => row.id === w.lists.government.entryIds[0]);
    const oppositionRow = rows.find((row) => row.id === w.lists.opposition.entryIds[1]);
    expect(governmentRow?.caseId).toBe(caseId);
    expect(oppositionRow?.caseId).toBeTruthy();
    expect(oppositionRow?.caseId).not.toBe(caseId);
    const [made] = await w.app.deps.db.select().from(humCases).where(eq(humCases.id, caseId));
    expect(made?.delegationId).toBe(fixtureProcess(w.fixtures).delegationIds.party);
    expect(unsealPersonal<TestPerson>(made?.personal ?? "", caseId).arabic?.given).toBe("سمير");
    const history = await w.app.deps.db.select().from(humCaseStatus).where(eq(humCaseStatus.caseId, caseId));
    expect(history.map((step) => step.status)).toEqual(["listed"]);
    const again = await w.decide(cookie, candidate?.id ?? "", "reject");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_decided");
  });

  it("joins one side's person entered twice into one case, the other withdrawn saying into which", async () => {
    const process = fixtureProcess(w.fixtures);
    const cookie = await fixtureSession(w.app, process.accounts.intermediary.email);
    const twice = await insertList(
      w.app.deps.db,
      {
        processId: w.processId,
        participantId: process.participantIds.party,
        delegationId: process.delegationIds.party,
      },
      "twice",
      [khaledInArabic, { ...khaled, latin: { ...khaled.latin, family: "al-Haddad" } }],
    );
    const { runId } = await w.runAndWait(w.intermediary, { mode: "duplicates", leftListId: twice.listId });
    const [candidate] = await w.candidatesOf(runId);
    const confirmed = await w.decide(cookie, candidate?.id ?? "", "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { caseId } = confirmed.json();
    const rows = await w.app.deps.db
      .select()
      .from(humListEntries)
      .where(eq(humListEntries.listId, twice.listId));
    expect(rows.map((row) => row.caseId)).toEqual([caseId, caseId]);
    const folded = await w.app.deps.db
      .select()
      .from(humCases)
      .where(and(eq(humCases.delegationId, process.delegationIds.party), isNotNull(humCases.withdrawnAt)));
    expect(folded).toHaveLength(1);
    expect(folded[0]?.withdrawnReason).toContain(caseId);
  });

  it("rejects with a reason and merges nothing", async () => {
    const cookie = await fixtureSession(w.app, fixtureProcess(w.fixtures).accounts.intermediary.email);
    const [candidate] = await w.app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.leftEntryId, w.lists.opposition.entryIds[2] ?? ""));
    const rejected = await w.decide(
      cookie,
      candidate?.id ?? "",
      "reject",
      "Different mothers, per the family.",
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: "rejected", caseId: null, createdCase: false });
    const [row] = await w.app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.id, candidate?.id ?? ""));
    expect(row).toMatchObject({ state: "rejected", reason: "Different mothers, per the family." });
    expect(row?.decidedBy).toBe(fixtureProcess(w.fixtures).accounts.intermediary.id);
    const linked = await w.app.deps.db
      .select()
      .from(humListEntries)
      .where(eq(humListEntries.id, w.lists.opposition.entryIds[2] ?? ""));
    expect(linked[0]?.caseId).toBeNull();
    const missingReason = await w.decide(cookie, candidate?.id ?? "", "confirm", "");
    expect(missingReason.statusCode).toBe(400);
  });

  it("matches a list against the recorded cases, and proposes a pair only once", async () => {
    const cookie = await fixtureSession(w.app, fixtureProcess(w.fixtures).accounts.intermediary.email);
    const [samirCase] = await w.app.deps.db
      .select()
      .from(humCases)
      .where(eq(humCases.listEntryId, w.lists.government.entryIds[0] ?? ""));
    const other = {
      processId: w.processId,
      participantId: `${fixtureProcess(w.fixtures).key}-other-side`,
      delegationId: `${fixtureProcess(w.fixtures).key}-delegation-other-side`,
    };
    const later = await insertList(w.app.deps.db, other, "sought again", [
      {
        latin: { given: "Samir", father: "Ahmad", grandfather: "Ibrahim", family: "Halabi" },
        sex: "male",
        birthYear: 1980,
      },
      stranger,
    ]);
    const { runId } = await w.runAndWait(w.intermediary, { mode: "cases", leftListId: later.listId });
    const candidates = await w.candidatesOf(runId);
    expect(candidates.map((c) => [c.leftEntryId, c.rightCaseId])).toContainEqual([
      later.entryIds[0],
      samirCase?.id,
    ]);
    const samirCandidate = candidates.find((c) => c.rightCaseId === samirCase?.id);
    const confirmed = await w.decide(cookie, samirCandidate?.id ?? "", "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [row] = await w.app.deps.db
      .select()
      .from(humListEntries)
      .where(eq(humListEntries.id, later.entryIds[0] ?? ""));
    expect(row?.caseId).toBe(confirmed.json().caseId);
    const { runId: again } = await w.runAndWait(w.intermediary, { mode: "cases", leftListId: later.listId });
    expect((await w.candidatesOf(again)).map((c) => c.rightCaseId)).not.toContain(samirCase?.id);
  });

  it("answers 409 for a candidate gone stale, and writes nothing", async () => {
    const cookie = await fixtureSession(w.app, fixtureProcess(w.fixtures).accounts.intermediary.email);
    const [candidate] = await w.app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(
        and(
          eq(humMatchCandidates.leftEntryId, w.lists.government.entryIds[1] ?? ""),
          eq(humMatchCandidates.state, "pending"),
        ),
      );
    await withdrawEntry(w.app.deps.db, w.lists.opposition.entryIds[0] ?? "");
    const stale = await w.decide(cookie, candidate?.id ?? "", "confirm");
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.code).toBe("candidate_stale");
    const [row] = await w.app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.id, candidate?.id ?? ""));
    expect(row?.state).toBe("pending");
  });

  it("is the intermediary's alone", async () => {
    const process = fixtureProcess(w.fixtures);
    const [candidate] = await w.app.deps.db
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.state, "pending"));
    for (const role of ["party", "guarantor", "host"] as const) {
      const response = await w.decide(
        await fixtureSession(w.app, process.accounts[role].email),
        candidate?.id ?? "",
        "confirm",
      );
      expect(response.statusCode, role).toBe(403);
    }
  });
});
