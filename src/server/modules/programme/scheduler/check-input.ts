// Malformed input is refused before any search, with every fault named, so a route answers 422 with
// the fields at fault instead of a schedule built on nonsense.

import { type FieldIssue, ValidationFailed } from "../../../platform/errors.ts";
import type { SchedulerInstance, SlotPoint } from "./types.ts";

/** The error a route turns into a 422: `details.issues` lists each fault with its path and code. */
export class SchedulerInputError extends ValidationFailed {}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

const isCount = (value: number, min: number) => Number.isInteger(value) && value >= min;

/**
 * Every structural fault of an instance: unknown or repeated names, spans that end before they
 * start or leave their day, fixed sessions out of order or too big for their room. Overlaps between
 * locked meetings are found when they are laid on the board (see compile.ts).
 */
export function instanceIssues(instance: SchedulerInstance): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: (string | number)[], code: string, message: string) =>
    issues.push({ path, code, message });
  const days = new Map(instance.days.map((day) => [day.id, day]));
  const rooms = new Map(instance.rooms.map((room) => [room.id, room]));
  const delegations = new Map(instance.delegations.map((delegation) => [delegation.id, delegation]));
  const dayIndex = new Map(instance.days.map((day, index) => [day.id, index]));

  for (const [name, ids] of [
    ["days", instance.days.map((d) => d.id)],
    ["rooms", instance.rooms.map((r) => r.id)],
    ["delegations", instance.delegations.map((d) => d.id)],
    ["requests", instance.requests.map((r) => r.id)],
    ["fixedSessions", (instance.fixedSessions ?? []).map((s) => s.id)],
  ] as const) {
    for (const id of duplicates([...ids]))
      add([name], "duplicate_id", `Two ${name} share the identifier "${id}".`);
  }
  if (instance.minGapSlots !== undefined && !isCount(instance.minGapSlots, 0))
    add(["minGapSlots"], "bad_number", "The minimum gap must be a whole number of slots, zero or more.");

  instance.days.forEach((day, i) => {
    if (!isCount(day.slots, 1))
      add(["days", i, "slots"], "bad_number", `Day "${day.id}" must have at least one slot.`);
    (day.breaks ?? []).forEach((range, j) => {
      if (!(range.end > range.start))
        add(
          ["days", i, "breaks", j],
          "ends_before_start",
          `A break of day "${day.id}" ends before it starts.`,
        );
    });
  });
  instance.rooms.forEach((room, i) => {
    if (!isCount(room.capacity, 1))
      add(["rooms", i, "capacity"], "bad_number", `Room "${room.id}" must seat at least one person.`);
    (room.days ?? []).forEach((day, j) => {
      if (!days.has(day))
        add(["rooms", i, "days", j], "unknown_day", `Room "${room.id}" names an unknown day "${day}".`);
    });
  });
  const moment = (point: SlotPoint | undefined, fallback: number) =>
    point ? (dayIndex.get(point.day) ?? Number.NaN) * 1_000_000 + point.slot : fallback;
  instance.delegations.forEach((delegation, i) => {
    if (!isCount(delegation.teams, 1))
      add(
        ["delegations", i, "teams"],
        "bad_number",
        `Delegation "${delegation.id}" must field at least one team.`,
      );
    if (!isCount(delegation.teamSize, 1))
      add(
        ["delegations", i, "teamSize"],
        "bad_number",
        `A team of "${delegation.id}" must count at least one person.`,
      );
    for (const key of ["arrival", "departure"] as const) {
      const point = delegation[key];
      if (point && !days.has(point.day))
        add(["delegations", i, key], "unknown_day", `The ${key} of "${delegation.id}" names an unknown day.`);
    }
    if (
      moment(delegation.departure, Number.POSITIVE_INFINITY) <=
      moment(delegation.arrival, Number.NEGATIVE_INFINITY)
    )
      add(
        ["delegations", i, "departure"],
        "ends_before_start",
        `Delegation "${delegation.id}" leaves before it arrives.`,
      );
  });

  instance.requests.forEach((request, i) => {
    const named = [request.requester, ...request.invitees];
    named.forEach((id, j) => {
      if (!delegations.has(id))
        add(
          ["requests", i, j === 0 ? "requester" : "invitees"],
          "unknown_delegation",
          `Request "${request.id}" names "${id}", which is not a delegation of the round.`,
        );
    });
    if (request.invitees.length === 0)
      add(["requests", i, "invitees"], "no_invitee", `Request "${request.id}" invites nobody.`);
    if (duplicates(named).length > 0)
      add(
        ["requests", i, "invitees"],
        "duplicate_participant",
        `Request "${request.id}" names a delegation twice.`,
      );
    if (!isCount(request.durationSlots, 1))
      add(
        ["requests", i, "durationSlots"],
        "ends_before_start",
        `Request "${request.id}" must last at least one slot.`,
      );
    if (request.preferred?.day && !days.has(request.preferred.day))
      add(["requests", i, "preferred"], "unknown_day", `Request "${request.id}" prefers an unknown day.`);
  });

  const sessions = instance.fixedSessions ?? [];
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  sessions.forEach((session, i) => {
    const day = days.get(session.day);
    if (!day)
      add(["fixedSessions", i, "day"], "unknown_day", `Session "${session.id}" names an unknown day.`);
    if (!isCount(session.durationSlots, 1))
      add(
        ["fixedSessions", i, "durationSlots"],
        "ends_before_start",
        `Session "${session.id}" ends before it starts.`,
      );
    else if (day && (session.start < 0 || session.start + session.durationSlots > day.slots))
      add(
        ["fixedSessions", i, "start"],
        "outside_day",
        `Session "${session.id}" does not fit within its day.`,
      );
    const unknown = session.participants.filter((id) => !delegations.has(id));
    for (const id of unknown)
      add(
        ["fixedSessions", i, "participants"],
        "unknown_delegation",
        `Session "${session.id}" names "${id}", which is not a delegation of the round.`,
      );
    if (session.room !== undefined) {
      const room = rooms.get(session.room);
      if (!room)
        add(["fixedSessions", i, "room"], "unknown_room", `Session "${session.id}" names an unknown room.`);
      else {
        const headcount = session.participants.reduce(
          (sum, id) => sum + (delegations.get(id)?.teamSize ?? 0) * (delegations.get(id)?.teams ?? 0),
          0,
        );
        if (headcount > room.capacity)
          add(
            ["fixedSessions", i, "room"],
            "room_over_capacity",
            `Session "${session.id}" brings ${headcount} people into "${room.id}", which seats ${room.capacity}.`,
          );
      }
    }
    for (const earlierId of session.after ?? []) {
      const earlier = sessionById.get(earlierId);
      if (!earlier)
        add(
          ["fixedSessions", i, "after"],
          "unknown_session",
          `Session "${session.id}" follows an unknown session "${earlierId}".`,
        );
      else if (
        moment({ day: earlier.day, slot: earlier.start + earlier.durationSlots }, 0) >
        moment({ day: session.day, slot: session.start }, 0)
      )
        add(
          ["fixedSessions", i, "start"],
          "session_order",
          `Session "${session.id}" must start after "${earlierId}" ends.`,
        );
    }
  });

  const requestIds = new Set(instance.requests.map((request) => request.id));
  (instance.locked ?? []).forEach((lock, i) => {
    if (!requestIds.has(lock.requestId))
      add(
        ["locked", i, "requestId"],
        "unknown_request",
        `A lock names an unknown request "${lock.requestId}".`,
      );
    if (!days.has(lock.day))
      add(["locked", i, "day"], "unknown_day", `The lock of "${lock.requestId}" names an unknown day.`);
    if (!rooms.has(lock.room))
      add(["locked", i, "room"], "unknown_room", `The lock of "${lock.requestId}" names an unknown room.`);
  });
  for (const id of duplicates((instance.locked ?? []).map((lock) => lock.requestId)))
    add(["locked"], "duplicate_id", `Request "${id}" is locked twice.`);
  return issues;
}
