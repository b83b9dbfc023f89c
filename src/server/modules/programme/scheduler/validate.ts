// An independent check of a schedule against every constraint, written plainly (pairwise, in day
// and slot terms, sharing nothing with the solver's board) so that tests can trust it to catch the
// solver's mistakes. It also serves the grid's manual edits: a move that breaks a rule is named.

import type { MeetingPlace, PlacedMeeting, SchedulerInstance, SchedulerSolution } from "./types.ts";

/** A broken rule: the requests it concerns and, when a fixed session is the other party, that session. */
export type Violation = { constraint: string; message: string; requests: string[]; sessions?: string[] };

type Span = { label: string; request?: string; day: string; start: number; end: number };

const overlaps = (a: Span, b: Span, gap: number) =>
  a.day === b.day && a.start < b.end + gap && b.start < a.end + gap;

/** Every broken rule in a schedule: an empty list means the schedule is valid for the instance. */
export function validateSchedule(
  instance: SchedulerInstance,
  solution: Pick<SchedulerSolution, "meetings" | "unplaced">,
): Violation[] {
  const out: Violation[] = [];
  const fail = (constraint: string, message: string, ...requests: string[]) =>
    out.push({ constraint, message, requests });
  const failAgainst = (session: string, constraint: string, message: string, request: string) =>
    out.push({ constraint, message, requests: [request], sessions: [session] });
  const gap = instance.minGapSlots ?? 0;
  const dayOrder = instance.days.map((day) => day.id);
  const requests = new Map(instance.requests.map((request) => [request.id, request]));
  const delegations = new Map(instance.delegations.map((delegation) => [delegation.id, delegation]));

  const seen = new Map<string, number>();
  for (const id of [
    ...solution.meetings.map((m) => m.requestId),
    ...solution.unplaced.map((u) => u.requestId),
  ])
    seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const [id, count] of seen) {
    if (!requests.has(id)) fail("unknown_request", `"${id}" is not a request of the instance.`, id);
    if (count > 1) fail("duplicate", `"${id}" appears ${count} times in the schedule.`, id);
  }
  for (const request of instance.requests)
    if (!seen.has(request.id))
      fail("missing", `"${request.id}" is neither placed nor explained.`, request.id);

  const spans: { meeting: PlacedMeeting; span: Span }[] = [];
  for (const meeting of solution.meetings) {
    const request = requests.get(meeting.requestId);
    if (!request) continue;
    const id = request.id;
    if (request.state !== "accepted") fail("not_accepted", `"${id}" is placed but not accepted.`, id);
    const day = instance.days.find((d) => d.id === meeting.day);
    const end = meeting.start + request.durationSlots;
    const span: Span = { label: id, request: id, day: meeting.day, start: meeting.start, end };
    spans.push({ meeting, span });
    if (!day) {
      fail("day", `"${id}" is on an unknown day.`, id);
      continue;
    }
    if (!Number.isInteger(meeting.start) || meeting.start < 0 || end > day.slots)
      fail("day_window", `"${id}" runs outside its day.`, id);
    for (const pause of day.breaks ?? [])
      if (meeting.start < pause.end && pause.start < end) fail("break", `"${id}" runs into a break.`, id);
    const room = instance.rooms.find((r) => r.id === meeting.room);
    const participants = [request.requester, ...request.invitees];
    const people = participants.reduce((sum, p) => sum + (delegations.get(p)?.teamSize ?? 0), 0);
    if (!room) fail("room", `"${id}" is in an unknown room.`, id);
    else {
      if (room.days && !room.days.includes(meeting.day))
        fail("room_day", `"${id}" uses "${room.id}" on a day it is closed.`, id);
      if (people > room.capacity)
        fail(
          "room_capacity",
          `"${id}" brings ${people} people into "${room.id}" (${room.capacity} seats).`,
          id,
        );
      for (const item of request.equipment ?? [])
        if (!room.equipment?.includes(item))
          fail("equipment", `"${id}" needs ${item}, which "${room.id}" lacks.`, id);
    }
    const teamKeys = Object.keys(meeting.teams);
    if (teamKeys.length !== participants.length || participants.some((p) => !(p in meeting.teams)))
      fail("teams", `"${id}" does not name exactly one team for each participant.`, id);
    for (const p of participants) {
      const team = meeting.teams[p];
      const delegation = delegations.get(p);
      if (
        delegation &&
        (team === undefined || !Number.isInteger(team) || team < 1 || team > delegation.teams)
      )
        fail("teams", `"${id}" sends team ${team} of "${p}", which fields ${delegation.teams}.`, id);
      const before = (a: { day: string; slot: number }, b: { day: string; slot: number }) =>
        dayOrder.indexOf(a.day) < dayOrder.indexOf(b.day) || (a.day === b.day && a.slot < b.slot);
      if (delegation?.arrival && before({ day: meeting.day, slot: meeting.start }, delegation.arrival))
        fail("stay", `"${id}" starts before "${p}" arrives.`, id);
      if (delegation?.departure && before(delegation.departure, { day: meeting.day, slot: end }))
        fail("stay", `"${id}" ends after "${p}" leaves.`, id);
    }
  }

  const fixed = instance.fixedSessions ?? [];
  for (const session of fixed) {
    const sessionSpan: Span = {
      label: session.id,
      day: session.day,
      start: session.start,
      end: session.start + session.durationSlots,
    };
    for (const { meeting, span } of spans) {
      const request = requests.get(meeting.requestId);
      if (!request) continue;
      if (session.room === meeting.room && overlaps(span, sessionSpan, 0))
        failAgainst(
          session.id,
          "room_double_booked",
          `"${span.label}" shares "${meeting.room}" with the session "${session.id}".`,
          span.label,
        );
      const shared = [request.requester, ...request.invitees].filter((p) => session.participants.includes(p));
      if (shared.length > 0 && overlaps(span, sessionSpan, gap))
        failAgainst(
          session.id,
          "team_overlap",
          `"${span.label}" and the session "${session.id}" both need ${shared.join(", ")} (gap ${gap}).`,
          span.label,
        );
      if (session.closesConsultations && meeting.day === session.day && span.end > session.start)
        failAgainst(
          session.id,
          "closing_session",
          `"${span.label}" ends after "${session.id}" begins.`,
          span.label,
        );
    }
  }

  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i] as { meeting: PlacedMeeting; span: Span };
      const b = spans[j] as { meeting: PlacedMeeting; span: Span };
      if (a.meeting.room === b.meeting.room && overlaps(a.span, b.span, 0))
        fail(
          "room_double_booked",
          `"${a.span.label}" and "${b.span.label}" share "${a.meeting.room}".`,
          a.span.label,
          b.span.label,
        );
      if (!overlaps(a.span, b.span, gap)) continue;
      for (const [delegation, team] of Object.entries(a.meeting.teams))
        if (b.meeting.teams[delegation] === team)
          fail(
            "team_overlap",
            `Team ${team} of "${delegation}" is in "${a.span.label}" and "${b.span.label}" (gap ${gap}).`,
            a.span.label,
            b.span.label,
          );
    }
  }

  for (const lock of instance.locked ?? []) {
    const meeting = solution.meetings.find((m) => m.requestId === lock.requestId);
    if (!meeting || !samePlace(meeting, lock))
      fail(
        "locked_moved",
        `The locked meeting "${lock.requestId}" is not where it was locked.`,
        lock.requestId,
      );
  }
  return out;
}

const samePlace = (a: MeetingPlace, b: MeetingPlace) =>
  a.day === b.day && a.start === b.start && a.room === b.room;
