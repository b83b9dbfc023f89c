// No conflict settled silently: every conflict of the demonstration record whose field is shown
// somewhere marks the value in the API answer that shows it (a loop over the record's conflicts, so a
// new conflict without a mark fails here), and the values derived from a disputed one are marked too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";

type Mark = { conflicted?: true; conflicts?: { id: string; field: string; derived: boolean }[] };
// biome-ignore lint/suspicious/noExplicitAny: API answers read as JSON
type Json = any;

let app: TestApp;
const answers = new Map<string, Json>();
beforeAll(async () => {
  app = await startTestApp({ DEMO: "on" });
});
afterAll(async () => {
  await app?.close();
});

async function get(url: string): Promise<Json> {
  const cached = answers.get(url);
  if (cached) return cached;
  const response = await app.request({ method: "GET", url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  answers.set(url, response.json());
  return answers.get(url);
}

const marks = (shown: Mark | undefined, conflictId: string) =>
  shown?.conflicted === true && (shown.conflicts ?? []).some((conflict) => conflict.id === conflictId);

/**
 * Where each disputed field of each subject type is shown, as a reader finds it: the answers that show
 * it and, in each, the shown things that must carry the conflict. A field not listed is shown only on
 * its conflict card (the conflicts page and the subject's record), which is the conflict itself.
 */
const shownAt: Record<string, (conflict: Json) => Promise<Json[]> | null> = {
  round: (conflict) => {
    const id = conflict.subject.subjectId;
    return (async () => {
      const round = await get(`/api/rounds/${id}`);
      const places: Json[] = [round];
      if (["dates", "city"].includes(conflict.fieldKey)) {
        places.push((await get("/api/processes/astana/rounds")).items.find((item: Json) => item.id === id));
        places.push((await get("/api/processes/astana/timeline")).items.find((item: Json) => item.id === id));
        places.push(
          (await get("/api/processes/astana/attendance")).rounds.find((item: Json) => item.id === id),
        );
      }
      if (conflict.fieldKey === "nextRound") places.push(round.nextRound);
      if (conflict.fieldKey === "outcome") {
        const record = await get(`/api/record/round/${id}`);
        const outcomes = record.facts.filter((fact: Json) => fact.kind === "outcome");
        places.push(outcomes[conflict.fieldIndex]);
      }
      return places;
    })();
  },
  meeting: (conflict) => {
    const id = conflict.subject.subjectId;
    return (async () => {
      const places: Json[] = [await get(`/api/meetings/${id}`)];
      if (conflict.fieldKey === "dates")
        places.push((await get("/api/processes/astana/timeline")).items.find((item: Json) => item.id === id));
      return places;
    })();
  },
  milestone: (conflict) => {
    const id = conflict.subject.subjectId;
    if (conflict.fieldKey === "dates")
      return get("/api/processes/astana/timeline").then((timeline) => [
        [...timeline.items, ...timeline.undated].find((item: Json) => item.id === id),
      ]);
    if (conflict.fieldKey === "fact")
      return get(`/api/record/milestone/${id}`).then((record) => [
        record.facts.filter((fact: Json) => fact.kind === "fact")[conflict.fieldIndex],
      ]);
    return null;
  },
  role_change: (conflict) =>
    get("/api/processes/astana").then((process) => [
      process.roleChanges.find((change: Json) => change.id === conflict.subject.subjectId),
    ]),
  process: () => null,
};

describe("disputed values carry their conflict wherever they are shown", () => {
  it("every conflict of the record whose field is shown marks it there", async () => {
    const { items } = await get("/api/processes/astana/conflicts");
    expect(items.length).toBeGreaterThan(70);
    let checked = 0;
    for (const conflict of items) {
      const where = shownAt[conflict.subject.subjectType];
      expect(where, `no page known for subject type ${conflict.subject.subjectType}`).toBeDefined();
      const places = await where?.(conflict);
      if (!places) continue;
      for (const [index, place] of places.entries()) {
        expect(place, `${conflict.id} (${conflict.field}): place ${index} not found`).toBeDefined();
        expect(
          marks(place, conflict.id),
          `${conflict.id} (${conflict.field}) unmarked at place ${index}`,
        ).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("gives every conflict a field key the web app labels, never the record's internal name", async () => {
    const { items } = await get("/api/processes/astana/conflicts");
    const byField = new Map(items.map((conflict: Json) => [conflict.field, conflict.fieldKey]));
    expect(byField.get("key_outcomes[0]")).toBe("outcome");
    expect(byField.get("start_date / end_date")).toBe("dates");
    expect(byField.get("next_round_decision")).toBe("nextRound");
    expect(byField.get("when the US stopped attending")).toBe("attendance");
    const outcome = items.find(
      (conflict: Json) => conflict.field === "key_outcomes[2] (month of the next working-group meeting)",
    );
    expect(outcome.fieldIndex).toBe(2);
  });

  it("marks the United States' absence in every cell derived from the disputed round (9 or 15)", async () => {
    const matrix = await get("/api/processes/astana/attendance");
    const usCells = matrix.cells.filter(
      (cell: Json) => cell.participantId === "demo-participant-united-states",
    );
    const roundNumber = new Map(matrix.rounds.map((round: Json) => [round.id, round.number]));
    const absences = usCells.filter((cell: Json) => cell.attendance !== "attended");
    expect(absences.map((cell: Json) => roundNumber.get(cell.roundId))).toEqual([
      9, 10, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22,
    ]);
    for (const cell of absences) {
      expect(marks(cell, "demo-us-status-08-conflict-1"), `round ${roundNumber.get(cell.roundId)}`).toBe(
        true,
      );
    }
    const attended = usCells.filter((cell: Json) => cell.attendance === "attended");
    expect(attended.length).toBeGreaterThan(0);
    for (const cell of attended) expect(cell.conflicted).toBeUndefined();

    const process = await get("/api/processes/astana");
    const usLine = process.roleHistory.find(
      (line: Json) => line.participant.slug === "united-states" && line.role === "observer",
    );
    expect(marks(usLine, "demo-us-status-08-conflict-1")).toBe(true);
    const boycott = process.roleChanges.find((change: Json) => change.change === "boycott_declared");
    expect(marks(boycott, "demo-us-status-08-conflict-1")).toBe(true);

    const round22 = await get("/api/rounds/demo-round-22");
    const usAtRound22 = round22.participations.find(
      (participation: Json) => participation.participant.slug === "united-states",
    );
    expect(usAtRound22.attendance).toBe("boycotted");
    expect(marks(usAtRound22, "demo-us-status-08-conflict-1")).toBe(true);
    expect(usAtRound22.conflicts[0].derived).toBe(true);
    expect(
      marks(
        round22.participants.observer.find((entry: Json) => entry.slug === "united-states"),
        "demo-us-status-08-conflict-1",
      ),
    ).toBe(true);

    const participant = await get("/api/participants/united-states");
    expect(
      marks(
        participant.roles.find((line: Json) => line.role === "observer"),
        "demo-us-status-08-conflict-1",
      ),
    ).toBe(true);
  });

  it("marks the resumption decision (19 or 20 January 2024) and the fall of Assad (7 or 8 December)", async () => {
    const process = await get("/api/processes/astana");
    const resume = process.decisions.find((decision: Json) => decision.kind === "resume");
    expect(resume.decidedOn).toBe("2024-01-19");
    expect(marks(resume, "demo-milestone-resumption-2024-conflict-1")).toBe(true);
    const conclude = process.decisions.find((decision: Json) => decision.kind === "conclude");
    expect(conclude.conflicted).toBeUndefined();

    const timeline = await get("/api/processes/astana/timeline");
    const item = (id: string) => timeline.items.find((entry: Json) => entry.id === id);
    expect(marks(item("demo-astana-decision-resume"), "demo-milestone-resumption-2024-conflict-1")).toBe(
      true,
    );
    expect(marks(item("demo-milestone-fall-of-assad"), "demo-milestone-fall-of-assad-conflict-1")).toBe(true);
    expect(item("demo-milestone-round22-2024").conflicted).toBeUndefined();
  });

  it("marks the previous round's decision where it is set against the round held", async () => {
    const round12 = await get("/api/rounds/demo-round-12");
    expect(marks(round12.announcedVsHeld, "demo-round-11-conflict-1")).toBe(true);
    const round11 = await get("/api/rounds/demo-round-11");
    expect(marks(round11.nextRound, "demo-round-11-conflict-1")).toBe(true);
  });

  it("hides the marks of a conflict the caller may not see", async () => {
    // Every demonstration conflict is public; a hidden one must leave no mark (the canary test plants one of each tier).
    const rounds = await get("/api/processes/astana/rounds");
    const ids = new Set(
      (await get("/api/processes/astana/conflicts")).items.map((conflict: Json) => conflict.id),
    );
    for (const round of rounds.items)
      for (const conflict of round.conflicts ?? []) expect(ids.has(conflict.id)).toBe(true);
  });
});
