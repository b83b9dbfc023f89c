import { describe, expect, it } from "vitest";
import { generateInstance } from "../../bench/lib/scheduler-instances.ts";
import {
  SchedulerInputError,
  type SchedulerInstance,
  type SchedulerProgress,
  solveSchedule,
  validateSchedule,
} from "../../src/server/modules/programme/scheduler/index.ts";
import { smallRound } from "./scheduler-fixtures.ts";

const flat = { preferredBonus: 0, fairness: 0 };

function inputIssues(instance: SchedulerInstance): string[] {
  try {
    solveSchedule(instance, { budgetMs: 20 });
  } catch (error) {
    expect(error).toBeInstanceOf(SchedulerInputError);
    expect((error as SchedulerInputError).status).toBe(422);
    return ((error as SchedulerInputError).details as { issues: { code: string }[] }).issues.map(
      (i) => i.code,
    );
  }
  return [];
}

describe("the scheduler", () => {
  it("reaches the optimum worked out by hand when one room is the bottleneck", () => {
    // One room, eight slots: "a" (5 slots, must) and "d" (3 slots) fill it for 10 + 4 = 14; the two
    // four-slot would-likes together bring only 8, and "a" with either of them does not fit.
    const pairs = ["b", "c", "d", "e"].map((id) => ({ id, teams: 1, teamSize: 1 }));
    const instance: SchedulerInstance = {
      days: [{ id: "d1", slots: 8 }],
      rooms: [{ id: "room", capacity: 4 }],
      delegations: [{ id: "host", teams: 4, teamSize: 1 }, ...pairs],
      requests: [
        {
          id: "a",
          requester: "host",
          invitees: ["b"],
          durationSlots: 5,
          preference: "must",
          state: "accepted",
        },
        {
          id: "b",
          requester: "host",
          invitees: ["c"],
          durationSlots: 4,
          preference: "would-like",
          state: "accepted",
        },
        {
          id: "c",
          requester: "host",
          invitees: ["d"],
          durationSlots: 4,
          preference: "would-like",
          state: "accepted",
        },
        {
          id: "d",
          requester: "host",
          invitees: ["e"],
          durationSlots: 3,
          preference: "would-like",
          state: "accepted",
        },
      ],
      weights: flat,
    };
    const solution = solveSchedule(instance, { budgetMs: 150 });
    expect(solution.objective.total).toBe(14);
    expect(solution.meetings.map((m) => m.requestId).sort()).toEqual(["a", "d"]);
    expect(validateSchedule(instance, solution)).toEqual([]);
  });

  it("sits a delegation in two meetings at once only when it fields two teams", () => {
    const instance: SchedulerInstance = {
      days: [{ id: "d1", slots: 4 }],
      rooms: [
        { id: "r1", capacity: 4 },
        { id: "r2", capacity: 4 },
      ],
      delegations: [
        { id: "x", teams: 2, teamSize: 1 },
        { id: "y", teams: 1, teamSize: 1 },
        { id: "z", teams: 1, teamSize: 1 },
      ],
      requests: [
        {
          id: "xy",
          requester: "x",
          invitees: ["y"],
          durationSlots: 4,
          preference: "must",
          state: "accepted",
        },
        {
          id: "xz",
          requester: "x",
          invitees: ["z"],
          durationSlots: 4,
          preference: "must",
          state: "accepted",
        },
      ],
    };
    const both = solveSchedule(instance, { budgetMs: 50 });
    expect(both.meetings).toHaveLength(2);
    expect(new Set(both.meetings.map((m) => m.teams.x))).toEqual(new Set([1, 2]));
    expect(validateSchedule(instance, both)).toEqual([]);
    instance.delegations[0] = { id: "x", teams: 1, teamSize: 1 };
    const one = solveSchedule(instance, { budgetMs: 50 });
    expect(one.meetings).toHaveLength(1);
    expect(one.unplaced[0]?.reason).toMatchObject({ code: "delegation_busy", delegations: ["x"] });
  });

  it("explains every request it could not place: the constraint and with whom", () => {
    const round = smallRound();
    round.delegations.push({ id: "late", teams: 1, teamSize: 2, arrival: { day: "d2", slot: 9 } });
    round.delegations.push({ id: "crowd", teams: 1, teamSize: 40 });
    round.requests.push(
      {
        id: "un-late",
        requester: "un",
        invitees: ["late"],
        durationSlots: 2,
        preference: "must",
        state: "accepted",
      },
      {
        id: "crowded",
        requester: "party",
        invitees: ["crowd"],
        durationSlots: 2,
        preference: "must",
        state: "accepted",
      },
      {
        id: "pending",
        requester: "party",
        invitees: ["observer"],
        durationSlots: 2,
        preference: "must",
        state: "pending",
      },
      {
        id: "too-long",
        requester: "guarantor",
        invitees: ["un"],
        durationSlots: 9,
        preference: "must",
        state: "accepted",
      },
    );
    const solution = solveSchedule(round, { budgetMs: 100 });
    expect(validateSchedule(round, solution)).toEqual([]);
    const reason = (id: string) => solution.unplaced.find((u) => u.requestId === id)?.reason;
    expect(reason("un-late")).toMatchObject({ code: "outside_stay" });
    expect(reason("un-late")?.delegations).toEqual(expect.arrayContaining(["un", "late"]));
    expect(reason("crowded")).toMatchObject({ code: "no_room_fits" });
    expect(reason("crowded")?.message).toContain("43 people");
    expect(reason("pending")).toMatchObject({ code: "not_accepted" });
    expect(reason("too-long")).toMatchObject({ code: "no_time_window" });
    expect(solution.meetings.map((m) => m.requestId).sort()).toEqual(["g-o", "g-p", "p-un"]);
  });

  it("explains a full venue as rooms taken by weightier meetings", () => {
    const instance: SchedulerInstance = {
      days: [{ id: "d1", slots: 2 }],
      rooms: [{ id: "r1", capacity: 4 }],
      delegations: ["a", "b", "c", "d"].map((id) => ({ id, teams: 1, teamSize: 1 })),
      requests: [
        {
          id: "ab",
          requester: "a",
          invitees: ["b"],
          durationSlots: 2,
          preference: "must",
          state: "accepted",
        },
        {
          id: "cd",
          requester: "c",
          invitees: ["d"],
          durationSlots: 2,
          preference: "would-like",
          state: "accepted",
        },
      ],
    };
    const solution = solveSchedule(instance, { budgetMs: 50 });
    expect(solution.meetings.map((m) => m.requestId)).toEqual(["ab"]);
    expect(solution.unplaced[0]).toMatchObject({
      requestId: "cd",
      reason: { code: "rooms_full", delegations: ["c", "d"] },
    });
  });

  it("refuses malformed input with typed errors a route turns into 422", () => {
    const unknown = smallRound();
    unknown.requests.push({
      id: "x",
      requester: "party",
      invitees: ["atlantis"],
      durationSlots: 2,
      preference: "must",
      state: "accepted",
    });
    expect(inputIssues(unknown)).toEqual(["unknown_delegation"]);
    const backwards = smallRound();
    (backwards.fixedSessions?.[0] as { durationSlots: number }).durationSlots = 0;
    backwards.days[0] = { id: "d1", slots: 12, breaks: [{ start: 7, end: 6 }] };
    expect(inputIssues(backwards)).toEqual(["ends_before_start", "ends_before_start"]);
    const crowded = smallRound();
    crowded.rooms[1] = { id: "hall", capacity: 10, equipment: ["interpretation"] };
    expect(inputIssues(crowded)).toEqual(["room_over_capacity"]);
    const clash = smallRound();
    clash.locked = [
      { requestId: "g-p", day: "d1", start: 0, room: "small" },
      { requestId: "g-o", day: "d1", start: 1, room: "small" },
    ];
    expect(inputIssues(clash)).toEqual(["locked_overlap"]);
    const disorder = smallRound();
    disorder.fixedSessions?.push({
      id: "press",
      kind: "press-conference",
      day: "d2",
      start: 5,
      durationSlots: 1,
      participants: ["guarantor"],
      after: ["plenary"],
    });
    expect(inputIssues(disorder)).toEqual(["session_order"]);
  });

  it("returns at once, explained, when nothing can be placed at all", () => {
    const round = smallRound();
    round.rooms = [];
    round.fixedSessions = [];
    const begin = performance.now();
    const solution = solveSchedule(round, { budgetMs: 5_000 });
    expect(performance.now() - begin).toBeLessThan(1_000);
    expect(solution.meetings).toEqual([]);
    expect(solution.unplaced.map((u) => u.reason.code)).toEqual([
      "no_room_fits",
      "no_room_fits",
      "no_room_fits",
    ]);
  });

  it("keeps locked meetings where the secretariat put them", () => {
    const round = smallRound();
    round.locked = [{ requestId: "g-o", day: "d2", start: 2, room: "hall" }];
    const solution = solveSchedule(round, { budgetMs: 50 });
    expect(solution.meetings.find((m) => m.requestId === "g-o")).toMatchObject({
      day: "d2",
      start: 2,
      room: "hall",
    });
    expect(validateSchedule(round, solution)).toEqual([]);
  });

  it("honours its time budget and reports progress up to completion", () => {
    const instance = generateInstance({ seed: 5, delegations: 60, requests: 400, days: 2, rooms: 8 });
    const progress: SchedulerProgress[] = [];
    const begin = performance.now();
    const solution = solveSchedule(instance, { budgetMs: 200, onProgress: (p) => progress.push(p) });
    const elapsed = performance.now() - begin;
    // The search would use all of a budget it ignored; the margin is for a loaded machine's
    // preemption, not for the solver (its speed is measured in bench/scheduler.ts, not here).
    expect(elapsed, `returned after ${elapsed.toFixed(0)} ms`).toBeLessThan(2_000);
    expect(progress.at(-1)).toMatchObject({ fraction: 1, bestObjective: solution.objective.total });
    expect(progress.length).toBeGreaterThan(1);
    expect(validateSchedule(instance, solution)).toEqual([]);
  });

  it("stops when the job is cancelled", () => {
    const instance = generateInstance({ seed: 6, delegations: 30, requests: 150, days: 2, rooms: 6 });
    let asked = 0;
    const begin = performance.now();
    const solution = solveSchedule(instance, { budgetMs: 10_000, shouldStop: () => ++asked > 20 });
    expect(performance.now() - begin).toBeLessThan(2_000);
    expect(validateSchedule(instance, solution)).toEqual([]);
  });

  it("re-solves after one late request moving few meetings, never a published one", () => {
    const instance = generateInstance({ seed: 7, delegations: 30, requests: 150, days: 2, rooms: 6 });
    const first = solveSchedule(instance, { budgetMs: 300 });
    const published = first.meetings.slice(0, 20).map((m) => m.requestId);
    instance.requests.push({
      id: "late",
      requester: "del-1",
      invitees: ["del-2"],
      durationSlots: 2,
      preference: "must",
      inviteePreferences: { "del-2": "must" },
      state: "accepted",
    });
    const second = solveSchedule(instance, { budgetMs: 300, previous: first.meetings, published });
    expect(validateSchedule(instance, second)).toEqual([]);
    expect(second.moved.length + second.dropped.length).toBeLessThanOrEqual(4);
    const before = new Map(first.meetings.map((m) => [m.requestId, m]));
    const after = new Map(second.meetings.map((m) => [m.requestId, m]));
    for (const id of published)
      expect(after.get(id)).toMatchObject({
        day: before.get(id)?.day,
        start: before.get(id)?.start,
        room: before.get(id)?.room,
      });
    const changed = [...before.keys()].filter((id) => {
      const a = before.get(id);
      const b = after.get(id);
      return !b || a?.day !== b.day || a.start !== b.start || a.room !== b.room;
    });
    expect(changed.sort()).toEqual([...second.moved, ...second.dropped].sort());
    expect(second.objective.movePenalty).toBe(changed.length * 3);
  });
});
