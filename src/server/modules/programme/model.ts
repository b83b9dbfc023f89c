// The programme's clock and its scheduler instance: clock times at the venue ↔ instants ↔ slots, and
// the rows of a round turned into the scheduler's plain input (pure functions, no database).
import type { Preference } from "../../../contracts/programme.ts";
import type {
  FixedSession,
  MeetingPlace,
  PlacedMeeting,
  SchedulerDelegation,
  SchedulerInstance,
  SchedulerRequest,
  SlotPoint,
} from "./scheduler/index.ts";
import type { PlanDay } from "./schema.ts";

/** What the clock needs of a round's plan. */
export type Clock = { utcOffset: string; slotMinutes: number; days: PlanDay[] };

const minute = 60_000;

/** The instant of a clock time on a day at the venue: `2025-05-20`, `09:00`, `+05:00`. */
export function venueInstant(date: string, time: string, utcOffset: string): Date {
  return new Date(`${date}T${time}:00${utcOffset}`);
}

function offsetMinutes(utcOffset: string): number {
  const sign = utcOffset.startsWith("-") ? -1 : 1;
  const [hours, minutes] = utcOffset.slice(1).split(":").map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

/** The venue's date and clock time of an instant. */
export function venueClock(instant: Date, utcOffset: string): { date: string; time: string } {
  const local = new Date(instant.getTime() + offsetMinutes(utcOffset) * minute).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** An instant as the venue's clocks show it, with its offset: 2025-05-20T09:00:00+05:00. */
export function venueIso(instant: Date, utcOffset: string): string {
  const { date, time } = venueClock(instant, utcOffset);
  return `${date}T${time}:00${utcOffset}`;
}

/** Where an instant falls on the programme's grid: its day and slot (fractional when off the grid). */
export function slotOf(clock: Clock, instant: Date): SlotPoint & { exact: boolean; inDay: boolean } {
  const { date } = venueClock(instant, clock.utcOffset);
  const day = clock.days.find((d) => d.date === date);
  const start = venueInstant(date, day?.from ?? "00:00", clock.utcOffset).getTime();
  const slots = (instant.getTime() - start) / (clock.slotMinutes * minute);
  const length = day ? daySlots(clock, day) : 0;
  return {
    day: date,
    slot: slots,
    exact: Number.isInteger(slots),
    inDay: Boolean(day) && slots >= 0 && slots <= length,
  };
}

/** How many slots a day of the plan holds. */
export function daySlots(clock: Clock, day: PlanDay): number {
  const length =
    venueInstant(day.date, day.to, clock.utcOffset).getTime() -
    venueInstant(day.date, day.from, clock.utcOffset).getTime();
  return Math.floor(length / (clock.slotMinutes * minute));
}

/** The instant a slot of a day starts. */
export function instantOfSlot(clock: Clock, date: string, slot: number): Date {
  const day = clock.days.find((d) => d.date === date);
  const start = venueInstant(date, day?.from ?? "00:00", clock.utcOffset).getTime();
  return new Date(start + slot * clock.slotMinutes * minute);
}

export type SessionRow = {
  id: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  participantIds: string[];
  locked: boolean;
  state: string;
  requestId: string | null;
  teams: Record<string, number>;
};
export type RequestRow = {
  id: string;
  requesterId: string;
  inviteeIds: string[];
  answers: Record<string, { answer: string; preference: Preference | null }>;
  durationMinutes: number;
  preference: Preference;
  preferredDay: string | null;
  preferredFrom: string | null;
  preferredTo: string | null;
  state: string;
};
export type StayRow = {
  participantId: string;
  arrivesAt: Date | null;
  departsAt: Date | null;
  teams: number;
  teamSize: number;
};
export type RoomRow = { id: string; capacity: number; equipment: string[] };

/** Everything of a round the scheduler reads. */
export type RoundRows = {
  clock: Clock & { minGapMinutes: number; weights: Record<string, number> };
  rooms: RoomRow[];
  accredited: string[];
  stays: StayRow[];
  requests: RequestRow[];
  sessions: SessionRow[];
};

const slotsFor = (minutes: number, slotMinutes: number) => Math.max(1, Math.ceil(minutes / slotMinutes));

/** A stay's arrival or departure as a slot point, clamped to the programme's days. */
function stayPoint(clock: Clock, instant: Date | null, edge: "arrival" | "departure"): SlotPoint | undefined {
  if (!instant) return undefined;
  const first = clock.days[0];
  const last = clock.days.at(-1);
  if (!first || !last) return undefined;
  const at = slotOf(clock, instant);
  if (at.inDay) return { day: at.day, slot: edge === "arrival" ? Math.ceil(at.slot) : Math.floor(at.slot) };
  if (at.day < first.date) return { day: first.date, slot: 0 };
  if (at.day > last.date) return undefined;
  const day = clock.days.find((d) => d.date >= at.day) ?? last;
  // Outside the day's hours: before them counts as the day's start, after them as its end.
  return at.day === day.date && at.slot > 0
    ? { day: day.date, slot: daySlots(clock, day) }
    : { day: day.date, slot: 0 };
}

/**
 * The round as the scheduler sees it: days of whole slots with their breaks (and the break sessions),
 * rooms, accredited delegations with their teams and stays, accepted requests, the secretariat's
 * sessions as fixed ones (a plenary closes its day's consultations; a press conference follows the
 * plenary of its day), locked meetings, and the current places of the request sessions.
 */
export function buildInstance(rows: RoundRows): {
  instance: SchedulerInstance;
  previous: MeetingPlace[];
  published: string[];
} {
  const { clock } = rows;
  const slot = clock.slotMinutes;
  const breakSessions = rows.sessions.filter((s) => s.kind === "break" && !s.roomId);
  const days = clock.days.map((day) => {
    const start = venueInstant(day.date, day.from, clock.utcOffset).getTime();
    const toSlot = (instant: number) => Math.round((instant - start) / (slot * minute));
    const breaks = day.breaks.map((b) => ({
      start: Math.floor(toSlot(venueInstant(day.date, b.from, clock.utcOffset).getTime())),
      end: Math.ceil(toSlot(venueInstant(day.date, b.to, clock.utcOffset).getTime())),
    }));
    for (const session of breakSessions)
      if (venueClock(session.startsAt, clock.utcOffset).date === day.date)
        breaks.push({ start: toSlot(session.startsAt.getTime()), end: toSlot(session.endsAt.getTime()) });
    return { id: day.date, slots: daySlots(clock, day), breaks: breaks.filter((b) => b.end > b.start) };
  });
  const stays = new Map(rows.stays.map((stay) => [stay.participantId, stay]));
  const delegations: SchedulerDelegation[] = rows.accredited.map((id) => {
    const stay = stays.get(id);
    const arrival = stayPoint(clock, stay?.arrivesAt ?? null, "arrival");
    const departure = stayPoint(clock, stay?.departsAt ?? null, "departure");
    return {
      id,
      teams: stay?.teams ?? 1,
      teamSize: stay?.teamSize ?? 3,
      ...(arrival ? { arrival } : {}),
      ...(departure ? { departure } : {}),
    };
  });
  const requests: SchedulerRequest[] = rows.requests
    .filter((request) => request.state === "accepted")
    .map((request) => {
      const inviteePreferences: Record<string, Preference> = {};
      for (const [id, answer] of Object.entries(request.answers))
        if (answer.preference) inviteePreferences[id] = answer.preference;
      const preferred = preferredWindow(clock, request);
      return {
        id: request.id,
        requester: request.requesterId,
        invitees: request.inviteeIds,
        durationSlots: slotsFor(request.durationMinutes, slot),
        preference: request.preference,
        inviteePreferences,
        ...(preferred ? { preferred } : {}),
        state: "accepted" as const,
      };
    });
  const accepted = new Set(requests.map((r) => r.id));
  const fixed = rows.sessions.filter((s) => !s.requestId && !(s.kind === "break" && !s.roomId));
  const fixedSessions: FixedSession[] = fixed.map((session) => {
    const at = slotOf(clock, session.startsAt);
    const end = slotOf(clock, session.endsAt);
    const start = Math.floor(at.slot);
    const plenaries = fixed.filter(
      (other) =>
        other.kind === "plenary" &&
        other.id !== session.id &&
        venueClock(other.startsAt, clock.utcOffset).date === at.day,
    );
    return {
      id: session.id,
      kind: session.kind,
      day: at.day,
      start,
      durationSlots: Math.max(1, Math.ceil(end.slot) - start),
      ...(session.roomId ? { room: session.roomId } : {}),
      participants: session.participantIds.filter((id) => rows.accredited.includes(id)),
      ...(session.kind === "press_conference" && plenaries.length > 0
        ? { after: plenaries.map((p) => p.id) }
        : {}),
      ...(session.kind === "plenary" ? { closesConsultations: true } : {}),
    };
  });
  const placed = rows.sessions.filter((s) => s.requestId && accepted.has(s.requestId) && s.roomId);
  const placeOf = (session: SessionRow): MeetingPlace => ({
    requestId: session.requestId as string,
    day: slotOf(clock, session.startsAt).day,
    start: Math.round(slotOf(clock, session.startsAt).slot),
    room: session.roomId as string,
  });
  return {
    instance: {
      days,
      rooms: rows.rooms.map((room) => ({ id: room.id, capacity: room.capacity, equipment: room.equipment })),
      delegations,
      requests,
      fixedSessions,
      locked: placed.filter((s) => s.locked).map(placeOf),
      minGapSlots: Math.ceil(clock.minGapMinutes / slot),
      weights: clock.weights,
    },
    previous: placed.map(placeOf),
    published: placed.filter((s) => s.state === "published").map((s) => s.requestId as string),
  };
}

function preferredWindow(clock: Clock, request: RequestRow): SchedulerRequest["preferred"] | undefined {
  if (!request.preferredDay && !request.preferredFrom && !request.preferredTo) return undefined;
  const day = clock.days.find((d) => d.date === request.preferredDay) ?? clock.days[0];
  if (!day) return undefined;
  const at = (time: string) => Math.round(slotOf(clock, venueInstant(day.date, time, clock.utcOffset)).slot);
  return {
    ...(request.preferredDay && clock.days.some((d) => d.date === request.preferredDay)
      ? { day: request.preferredDay }
      : {}),
    ...(request.preferredFrom ? { from: Math.max(0, at(request.preferredFrom)) } : {}),
    ...(request.preferredTo ? { to: Math.max(0, at(request.preferredTo)) } : {}),
  };
}

/**
 * Names the team each delegation sends to each meeting: meetings in order of start, each given the
 * first team free by then (after the minimum gap). A delegation with more meetings at once than teams
 * gets team 0 in the extra one, which `validateSchedule` reports as the conflict it is.
 */
export function assignTeams(instance: SchedulerInstance, places: MeetingPlace[]): PlacedMeeting[] {
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const dayIndex = new Map(instance.days.map((d, i) => [d.id, i]));
  const teamsOf = new Map(instance.delegations.map((d) => [d.id, d.teams]));
  const gap = instance.minGapSlots ?? 0;
  const ordered = [...places].sort(
    (a, b) => (dayIndex.get(a.day) ?? 0) - (dayIndex.get(b.day) ?? 0) || a.start - b.start,
  );
  const freeFrom = new Map<string, number[]>();
  return ordered.map((place) => {
    const request = requests.get(place.requestId);
    const at = (dayIndex.get(place.day) ?? 0) * 100_000 + place.start;
    const end = at + (request?.durationSlots ?? 1) + gap;
    const teams: Record<string, number> = {};
    for (const id of request ? [request.requester, ...request.invitees] : []) {
      const free = freeFrom.get(id) ?? new Array<number>(teamsOf.get(id) ?? 1).fill(Number.NEGATIVE_INFINITY);
      const team = free.findIndex((time) => time <= at);
      if (team >= 0) free[team] = end;
      teams[id] = team + 1;
      freeFrom.set(id, free);
    }
    return { ...place, teams };
  });
}
