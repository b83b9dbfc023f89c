import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import { loadDemo } from "../../src/server/modules/record/index.ts";
import * as recordSchema from "../../src/server/modules/record/schema.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { auditLog } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type RawRecord, rawRound, readRawRecord } from "./helpers.ts";

const { participants, processes, roundDelegations, roundAnnouncements, rounds, meetings, roleChanges } =
  coreSchema;
const { sources, citations, conflicts, conflictValues, facts } = recordSchema;

let app: TestApp;
let raw: RawRecord[];
beforeAll(async () => {
  raw = readRawRecord();
  app = await startTestApp({ DEMO: "on" });
});
afterAll(async () => {
  await app?.close();
});

const get = async (url: string) => {
  const response = await app.request({ method: "GET", url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};

describe("the demonstration record, loaded on first start with DEMO on", () => {
  it("has every round, meeting, source and conflict of the data file", async () => {
    const db = app.database.db;
    const ofType = (type: string) => raw.filter((record) => record.record_type === type);
    expect(await db.$count(rounds)).toBe(ofType("round").length);
    expect(ofType("round").length).toBe(22);
    const kinds = (await db.select({ kind: meetings.kind, level: meetings.level }).from(meetings)).map(
      (row) => row.kind,
    );
    const ministerial = ofType("ministerial");
    expect(ministerial.length).toBe(14);
    expect(kinds.filter((kind) => kind === "ministerial").length).toBe(13);
    expect(kinds.filter((kind) => kind === "quadrilateral").length).toBe(1);
    expect(kinds.filter((kind) => kind === "summit").length).toBe(ofType("summit").length);
    expect(kinds.filter((kind) => kind === "congress").length).toBe(1);
    expect(kinds.filter((kind) => kind === "technical").length).toBe(1);
    const [quadrilateral] = await db.select().from(meetings).where(eq(meetings.kind, "quadrilateral"));
    expect(quadrilateral?.slug).toBe("quad-deputy-fm-2023-06-20");
    expect(quadrilateral?.level).toBe("deputy_foreign_ministers");

    const sourceEntries = raw.flatMap((record) => record.sources);
    expect(sourceEntries.length).toBe(506);
    const urls = new Set(sourceEntries.map((source) => source.url));
    const stored = await db.select().from(sources);
    expect(stored.length).toBe(urls.size);
    expect(new Set(stored.map((source) => source.url))).toEqual(urls);
    const cited = new Set(
      (await db.select({ sourceId: citations.sourceId }).from(citations)).map((row) => row.sourceId),
    );
    expect(cited.size).toBe(urls.size);

    const tass = stored.find((source) => source.url.startsWith("https://tass.com/"));
    expect(tass?.publisher).toBe("tass.com");
    const withWww = stored.find((source) => new URL(source.url).hostname.startsWith("www."));
    expect(withWww?.publisher.startsWith("www.")).toBe(false);

    const rawConflicts = raw.flatMap((record) => record.conflicts_and_uncertainties ?? []);
    expect(await db.$count(conflicts)).toBe(rawConflicts.length);
    expect(await db.$count(conflictValues)).toBe(
      rawConflicts.reduce((sum, conflict) => sum + (conflict.values?.length ?? 0), 0),
    );
    const outcomes = raw.flatMap((record) => record.key_outcomes ?? []);
    expect(await db.$count(facts, eq(facts.kind, "outcome"))).toBe(outcomes.length);
  });

  it("marks every row it loads as demonstration data", async () => {
    const db = app.database.db;
    for (const table of [processes, rounds, meetings, participants, sources, facts, conflicts]) {
      expect(await db.$count(table, eq(table.isDemo, false))).toBe(0);
    }
  });

  it("shows round 22 on 11–12 November 2024 in Astana and round 15 in Sochi", async () => {
    const timeline = await get("/api/processes/astana/timeline");
    const round = (number: number) =>
      timeline.items.find((item: { number: number }) => item.number === number);
    expect(round(22)).toMatchObject({
      kind: "round",
      startDate: "2024-11-11",
      endDate: "2024-11-12",
      city: "Astana",
    });
    expect(round(15)).toMatchObject({ city: "Sochi", startDate: "2021-02-16" });
    expect(round(13)).toMatchObject({ city: "Nur-Sultan" });
    const record = await get("/api/record/round/demo-round-22");
    expect(record.citations.dates.length).toBe(rawRound(raw, 22).dates_source_refs.length);
    expect(record.citations.city[0].publisher).toBeTruthy();
  });

  it("keeps each value of a disputed date beside the sources that give it", async () => {
    const record = await get("/api/record/round/demo-round-21");
    const rawDates = rawRound(raw, 21).conflicts_and_uncertainties.filter(
      (conflict: RawRecord) => conflict.field === "start_date / end_date",
    );
    const dates = record.conflicts.filter(
      (conflict: RawRecord) => conflict.field === "start_date / end_date",
    );
    expect(dates).toHaveLength(rawDates.length);
    expect(dates[0].kind).toBe("disagreement");
    expect(dates[0].values.map((value: RawRecord) => value.value)).toEqual(
      rawDates[0].values.map((value: RawRecord) => value.value),
    );
    for (const [index, value] of dates[0].values.entries()) {
      expect(value.sources).toHaveLength(rawDates[0].values[index].source_refs.length);
      expect(value.sources[0]).toEqual(
        expect.objectContaining({ url: expect.any(String), publisher: expect.any(String) }),
      );
    }
  });

  it("keeps a changed plan apart from a disagreement between sources", async () => {
    const planned = await get("/api/processes/astana/conflicts?kind=plan_changed");
    const disagreements = await get("/api/processes/astana/conflicts?kind=disagreement");
    const count = (kind: string) =>
      raw.flatMap((record) => record.conflicts_and_uncertainties ?? []).filter((c) => c.kind === kind).length;
    expect(planned.items).toHaveLength(count("plan_changed"));
    expect(disagreements.items).toHaveLength(count("disagreement"));
    expect(planned.items.every((item: RawRecord) => item.kind === "plan_changed")).toBe(true);
    const round6 = planned.items.find((item: RawRecord) => item.subject.subjectId === "demo-round-06");
    expect(round6).toMatchObject({ field: "start_date", subject: { subjectType: "round" } });
    expect(round6.values.at(-1).value).toMatch(/held 14-15 September 2017/);
  });

  it("leaves gaps as gaps: no invented heads for round 4, no venue where none was found", async () => {
    const db = app.database.db;
    const heads = await db
      .select({ slug: participants.slug })
      .from(roundDelegations)
      .innerJoin(participants, eq(participants.id, roundDelegations.participantId))
      .where(eq(roundDelegations.roundId, "demo-round-04"));
    const slugs = heads.map((row) => row.slug);
    expect(rawRound(raw, 4).completeness.heads_not_found_for).toEqual([
      "Russia",
      "Turkey",
      "Syrian government",
    ]);
    expect(slugs).not.toContain("russia");
    expect(slugs).not.toContain("turkiye");
    expect(slugs).not.toContain("syrian-government");
    expect(slugs.length).toBeGreaterThan(0);
    const [round3] = await db.select().from(rounds).where(eq(rounds.number, 3));
    expect(rawRound(raw, 3).venue).toBeNull();
    expect(round3?.venue).toBeNull();
    const record = await get("/api/record/round/demo-round-03");
    expect(record.citations.venue).toBeUndefined();
    expect(round3?.completeness).toEqual(rawRound(raw, 3).completeness);
  });

  it("keeps the wording of every reported participation, and unknown names only there", async () => {
    const record = await get("/api/record/round/demo-round-12");
    const participations = record.related.filter(
      (part: RawRecord) => part.subject.subjectType === "round_participation",
    );
    expect(participations.length).toBeGreaterThan(5);
    const [un] = await app.database.db
      .select()
      .from(coreSchema.roundParticipations)
      .where(
        and(
          eq(coreSchema.roundParticipations.roundId, "demo-round-12"),
          eq(coreSchema.roundParticipations.participantId, "demo-participant-un"),
        ),
      );
    expect(un?.citedText).toContain("Office of the UN High Commissioner");
    expect(await app.database.db.$count(participants)).toBe(13);
    const turkey = await app.database.db.select().from(participants).where(eq(participants.slug, "turkiye"));
    expect(turkey[0]?.aliases).toContain("Turkey");
  });

  it("sets what each round announced against what was held (5→6, 8→9, 11→12, 13→14, 20→21)", async () => {
    const db = app.database.db;
    for (const [decided, held] of [
      [5, 6],
      [8, 9],
      [11, 12],
      [13, 14],
      [20, 21],
    ] as const) {
      const [deciding] = await db.select().from(rounds).where(eq(rounds.number, decided));
      const [next] = await db.select().from(rounds).where(eq(rounds.number, held));
      expect(deciding?.nextRoundWording).toBe(rawRound(raw, decided).next_round_decision.text);
      expect(deciding?.nextRoundWindowEnd, `round ${decided}`).not.toBeNull();
      expect(next?.startDate && next.startDate > (deciding?.nextRoundWindowEnd ?? "")).toBe(true);
      const announcements = await db
        .select()
        .from(roundAnnouncements)
        .where(eq(roundAnnouncements.roundId, next?.id ?? ""));
      expect(announcements.some((row) => row.announcedEnd === deciding?.nextRoundWindowEnd)).toBe(true);
    }
    const [round21] = await db.select().from(rounds).where(eq(rounds.number, 21));
    expect(round21).toMatchObject({
      nextRoundCity: "Astana",
      nextRoundWindowStart: "2024-07-01",
      nextRoundWindowEnd: "2024-12-31",
    });
  });

  it("draws the 14-month pause of 2019–2021 and the conclusion and resumption on the timeline", async () => {
    const timeline = await get("/api/processes/astana/timeline");
    const pause = timeline.gaps.find((gap: RawRecord) => gap.afterNumber === 14);
    expect(pause).toMatchObject({ beforeNumber: 15, from: "2019-12-11", to: "2021-02-16" });
    expect(pause.days).toBeGreaterThan(420);
    const only = await get("/api/processes/astana/timeline?minGapDays=400");
    expect(only.gaps.map((gap: RawRecord) => gap.afterNumber)).toEqual([14]);
    expect(timeline.periods).toEqual([
      expect.objectContaining({ kind: "active", from: "2017-01-23", to: "2023-06-21" }),
      expect.objectContaining({ kind: "concluded", from: "2023-06-21", to: "2024-01-19" }),
      expect.objectContaining({ kind: "resumed", from: "2024-01-19", to: null }),
    ]);
    const dates = timeline.items.map((item: RawRecord) => item.startDate);
    expect(dates).toEqual([...dates].sort());
    expect(timeline.items.filter((item: RawRecord) => item.kind === "meeting")).toHaveLength(23);
    expect(timeline.undated.map((item: RawRecord) => item.id)).toEqual(["demo-exchange-03"]);
    const process = await get("/api/record/process/demo-astana");
    const decisions = process.related.filter(
      (part: RawRecord) => part.subject.subjectType === "process_decision",
    );
    expect(decisions).toHaveLength(3);
    for (const decision of decisions) expect(decision.citations.subject.length).toBeGreaterThan(0);
  });

  it("shows the United States' attendance round by round, absent from round 15 on", async () => {
    const matrix = await get("/api/processes/astana/attendance");
    const us = matrix.participants.find((participant: RawRecord) => participant.name === "United States");
    const byNumber = new Map(matrix.rounds.map((round: RawRecord) => [round.id, round.number]));
    const cells = new Map<number, RawRecord>(
      matrix.cells
        .filter((cell: RawRecord) => cell.participantId === us.id)
        .map((cell: RawRecord) => [byNumber.get(cell.roundId), cell]),
    );
    for (let number = 1; number <= 8; number += 1) expect(cells.get(number)?.attendance).toBe("attended");
    expect(cells.get(9)?.attendance).toBe("declined");
    for (const number of [10, 11, 13]) expect(cells.get(number)?.attendance).toBe("absent");
    expect(cells.has(12)).toBe(false);
    expect(cells.get(15)?.attendance).toBe("declined");
    for (let number = 16; number <= 22; number += 1) expect(cells.get(number)?.attendance).toBe("boycotted");
    for (const cell of cells.values()) expect(cell.sourceCount).toBeGreaterThan(0);
    expect(cells.get(1)?.citedText).toBe(rawRound(raw, 1).participants.observers.text);
    const russia10 = matrix.cells.filter(
      (cell: RawRecord) =>
        cell.participantId === "demo-participant-russia" && byNumber.get(cell.roundId) === 10,
    );
    expect(russia10.map((cell: RawRecord) => cell.role).sort()).toEqual(["guarantor", "host"]);
  });

  it("records the US role changes with month precision and keeps the round 9 / round 15 disagreement", async () => {
    const [may2018] = await app.database.db
      .select()
      .from(roleChanges)
      .where(eq(roleChanges.id, "demo-us-status-08"));
    expect(may2018).toMatchObject({
      occurredOn: "2018-05-01",
      occurredPrecision: "month",
      change: "absent",
      roundNumber: 9,
    });
    const [jeffrey] = await app.database.db
      .select()
      .from(roleChanges)
      .where(eq(roleChanges.id, "demo-us-status-12"));
    expect(jeffrey).toMatchObject({
      occurredOn: "2020-06-30",
      occurredPrecision: "day",
      change: "statement",
    });
    const record = await get("/api/record/participant/demo-participant-united-states");
    const conflict = record.related
      .flatMap((part: RawRecord) => part.conflicts)
      .find((item: RawRecord) => item.field === "when the US stopped attending");
    expect(conflict.kind).toBe("disagreement");
    expect(conflict.values.map((value: RawRecord) => value.value)).toEqual([
      "from the 15th round (February 2021)",
      "from the 9th round (May 2018)",
    ]);
    expect(conflict.values[0].sources[0].publisher).toBe("english.enabbaladi.net");
    expect(conflict.values[1].sources).toHaveLength(3);
  });

  it("refuses a second load and leaves the record as it was", async () => {
    const before = await app.database.db.$count(citations);
    await expect(
      runOperation({ db: app.database.db }, loadDemo, systemActor("test"), {}),
    ).rejects.toMatchObject({
      status: 409,
      code: "demo_already_loaded",
    });
    expect(await app.database.db.$count(citations)).toBe(before);
    const loads = await app.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "record.demo.load"));
    expect(loads.filter((entry) => entry.outcome === "ok")).toHaveLength(1);
    expect((loads[0]?.data as { counts?: Record<string, number> } | undefined)?.counts?.rounds).toBe(22);
  });
});
