import { describe, expect, it } from "vitest";
import { type PlacedMeeting, validateSchedule } from "../../src/server/modules/programme/scheduler/index.ts";
import { smallRound, validSmallSchedule } from "./scheduler-fixtures.ts";

/** The valid schedule with one meeting changed. */
function withMeeting(requestId: string, change: Partial<PlacedMeeting>) {
  const schedule = validSmallSchedule();
  schedule.meetings = schedule.meetings.map((m) => (m.requestId === requestId ? { ...m, ...change } : m));
  return schedule;
}

const constraints = (violations: { constraint: string }[]) => violations.map((v) => v.constraint);

describe("the schedule validator", () => {
  it("accepts a schedule that keeps every rule", () => {
    expect(validateSchedule(smallRound(), validSmallSchedule())).toEqual([]);
  });

  it.each([
    ["day_window", withMeeting("g-p", { start: 11 })],
    ["day", withMeeting("g-p", { day: "d9" })],
    ["break", withMeeting("g-p", { start: 5 })],
    ["room", withMeeting("g-p", { room: "attic" })],
    ["equipment", withMeeting("p-un", { room: "small", start: 8 })],
    ["teams", withMeeting("g-p", { teams: { guarantor: 3, party: 1 } })],
    ["teams", withMeeting("g-p", { teams: { guarantor: 1 } })],
    ["stay", withMeeting("g-o", { start: 2, room: "hall", teams: { guarantor: 2, observer: 1 } })],
    ["stay", withMeeting("p-un", { day: "d2", start: 7 })],
    ["closing_session", withMeeting("g-p", { day: "d2", start: 7 })],
    ["room_double_booked", withMeeting("g-o", { start: 1 })],
    ["room_double_booked", withMeeting("p-un", { day: "d2", start: 8, teams: { party: 1, un: 1 } })],
    ["team_overlap", withMeeting("p-un", { start: 1 })],
    ["team_overlap", withMeeting("p-un", { start: 2 })],
  ])("reports %s when one meeting breaks it", (constraint, schedule) => {
    expect(constraints(validateSchedule(smallRound(), schedule))).toContain(constraint);
  });

  it("counts the minimum gap between one team's meetings, and lets a second team sit at the same time", () => {
    const round = smallRound();
    round.delegations[2] = { id: "observer", teams: 1, teamSize: 2 };
    const inGap = withMeeting("g-o", { start: 2, teams: { guarantor: 1, observer: 1 } });
    expect(constraints(validateSchedule(round, inGap))).toEqual(["team_overlap"]);
    const afterGap = withMeeting("g-o", { start: 3, teams: { guarantor: 1, observer: 1 } });
    expect(constraints(validateSchedule(round, afterGap))).toEqual([]);
    const otherTeam = withMeeting("g-o", { start: 0, room: "hall", teams: { guarantor: 2, observer: 1 } });
    expect(constraints(validateSchedule(round, otherTeam))).toEqual([]);
  });

  it("reports a room too small for the people a meeting brings", () => {
    const round = smallRound();
    round.rooms[0] = { id: "small", capacity: 5 };
    expect(constraints(validateSchedule(round, validSmallSchedule()))).toEqual(["room_capacity"]);
  });

  it("reports a room used on a day it is closed", () => {
    const round = smallRound();
    round.rooms[0] = { id: "small", capacity: 6, days: ["d2"] };
    expect(constraints(validateSchedule(round, validSmallSchedule()))).toContain("room_day");
  });

  it("reports a moved lock, a missing or repeated request, an unknown one and a placed request not accepted", () => {
    const round = smallRound();
    round.locked = [{ requestId: "g-p", day: "d1", start: 2, room: "small" }];
    expect(constraints(validateSchedule(round, validSmallSchedule()))).toEqual(["locked_moved"]);
    const partial = validSmallSchedule();
    partial.meetings.pop();
    expect(constraints(validateSchedule(smallRound(), partial))).toEqual(["missing"]);
    const twice = validSmallSchedule();
    twice.unplaced.push({ requestId: "g-p", reason: { code: "rooms_full", message: "", delegations: [] } });
    expect(constraints(validateSchedule(smallRound(), twice))).toEqual(["duplicate"]);
    const stranger = validSmallSchedule();
    stranger.unplaced.push({
      requestId: "nobody",
      reason: { code: "rooms_full", message: "", delegations: [] },
    });
    expect(constraints(validateSchedule(smallRound(), stranger))).toEqual(["unknown_request"]);
    const declined = smallRound();
    (declined.requests[0] as { state: string }).state = "declined";
    expect(constraints(validateSchedule(declined, validSmallSchedule()))).toEqual(["not_accepted"]);
  });
});
