import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roomTimeBound } from "../../bench/lib/scheduler-bound.ts";
import { generateInstance } from "../../bench/lib/scheduler-instances.ts";
import {
  type SchedulerInstance,
  solveSchedule,
  validateSchedule,
} from "../../src/server/modules/programme/scheduler/index.ts";

const shapes = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  delegations: fc.integer({ min: 3, max: 14 }),
  requests: fc.integer({ min: 1, max: 45 }),
  days: fc.integer({ min: 1, max: 3 }),
  rooms: fc.integer({ min: 1, max: 4 }),
  gap: fc.integer({ min: 0, max: 2 }),
  tradeFair: fc.boolean(),
});

type Shape = typeof shapes extends fc.Arbitrary<infer T> ? T : never;

function instanceOf(shape: Shape): SchedulerInstance {
  const instance = generateInstance(shape);
  instance.minGapSlots = shape.gap;
  return instance;
}

const placeOf = (m: { day: string; start: number; room: string }) => `${m.day}/${m.start}/${m.room}`;

describe("the scheduler on random instances", () => {
  it("produces schedules the independent validator accepts, every request placed or explained", () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const instance = instanceOf(shape);
        const solution = solveSchedule(instance, { budgetMs: 25, seed: shape.seed });
        expect(validateSchedule(instance, solution)).toEqual([]);
        for (const unplaced of solution.unplaced) expect(unplaced.reason.message.length).toBeGreaterThan(0);
        // The benchmark's room-time bound must hold for every valid schedule.
        expect(solution.objective.total).toBeLessThanOrEqual(roomTimeBound(instance) + 1e-9);
      }),
      { numRuns: 20 },
    );
  });

  it("keeps locked meetings where they are when it builds the rest again", () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 0, max: 100 }), (shape, lockPercent) => {
        const instance = instanceOf(shape);
        const first = solveSchedule(instance, { budgetMs: 15, seed: 1 });
        instance.locked = first.meetings
          .filter((_, i) => (i * 37) % 100 < lockPercent)
          .map(({ requestId, day, start, room }) => ({ requestId, day, start, room }));
        const second = solveSchedule(instance, { budgetMs: 15, seed: 2 });
        expect(validateSchedule(instance, second)).toEqual([]);
        const placed = new Map(second.meetings.map((m) => [m.requestId, placeOf(m)]));
        for (const lock of instance.locked) expect(placed.get(lock.requestId)).toBe(placeOf(lock));
      }),
      { numRuns: 12 },
    );
  });

  it("after one late request, moves few meetings, never a published one, and reports exactly those it moved", () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const instance = instanceOf(shape);
        const first = solveSchedule(instance, { budgetMs: 20, seed: 3 });
        const published = first.meetings.filter((_, i) => i % 3 === 0).map((m) => m.requestId);
        instance.requests.push({
          id: "late",
          requester: "del-1",
          invitees: ["del-2"],
          durationSlots: 2,
          preference: "must",
          state: "accepted",
        });
        const second = solveSchedule(instance, {
          budgetMs: 20,
          seed: 4,
          previous: first.meetings,
          published,
        });
        expect(validateSchedule(instance, second)).toEqual([]);
        const after = new Map(second.meetings.map((m) => [m.requestId, placeOf(m)]));
        const changed = first.meetings
          .filter((m) => after.get(m.requestId) !== placeOf(m))
          .map((m) => m.requestId);
        expect([...second.moved, ...second.dropped].sort()).toEqual(changed.sort());
        for (const id of published) expect(changed).not.toContain(id);
        expect(changed.length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 12 },
    );
  });
});
