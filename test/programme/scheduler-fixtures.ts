// Small hand-made instances for the scheduler's tests: few enough slots to reason about by hand.

import type {
  SchedulerInstance,
  SchedulerSolution,
} from "../../src/server/modules/programme/scheduler/index.ts";

/** One day of 12 slots with a break at 6–7, two rooms, four delegations (the guarantor fields two teams). */
export function smallRound(): SchedulerInstance {
  return {
    days: [
      { id: "d1", slots: 12, breaks: [{ start: 6, end: 7 }] },
      { id: "d2", slots: 12 },
    ],
    rooms: [
      { id: "small", capacity: 6 },
      { id: "hall", capacity: 30, equipment: ["interpretation"] },
    ],
    delegations: [
      { id: "guarantor", teams: 2, teamSize: 3 },
      { id: "party", teams: 1, teamSize: 3 },
      { id: "observer", teams: 1, teamSize: 2, arrival: { day: "d1", slot: 4 } },
      { id: "un", teams: 1, teamSize: 2, departure: { day: "d2", slot: 8 } },
    ],
    requests: [
      {
        id: "g-p",
        requester: "guarantor",
        invitees: ["party"],
        durationSlots: 2,
        preference: "must",
        state: "accepted",
      },
      {
        id: "g-o",
        requester: "guarantor",
        invitees: ["observer"],
        durationSlots: 2,
        preference: "would-like",
        state: "accepted",
      },
      {
        id: "p-un",
        requester: "party",
        invitees: ["un"],
        durationSlots: 2,
        preference: "must",
        state: "accepted",
        equipment: ["interpretation"],
      },
    ],
    fixedSessions: [
      {
        id: "plenary",
        kind: "plenary",
        day: "d2",
        start: 8,
        durationSlots: 2,
        room: "hall",
        participants: ["guarantor", "party", "observer"],
        closesConsultations: true,
      },
    ],
    minGapSlots: 1,
  };
}

/** A schedule of smallRound that breaks no rule. */
export function validSmallSchedule(): Pick<SchedulerSolution, "meetings" | "unplaced"> {
  return {
    meetings: [
      { requestId: "g-p", day: "d1", start: 0, room: "small", teams: { guarantor: 1, party: 1 } },
      { requestId: "g-o", day: "d1", start: 4, room: "small", teams: { guarantor: 2, observer: 1 } },
      { requestId: "p-un", day: "d1", start: 3, room: "hall", teams: { party: 1, un: 1 } },
    ],
    unplaced: [],
  };
}
