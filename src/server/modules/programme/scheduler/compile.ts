// The instance turned into flat typed arrays the search can scan fast: every day laid end to end on
// one slot axis (each followed by `gap` padding slots, so a team's rest after the last meeting of a
// day never spills into the next), each request's feasible start slots and suitable rooms listed once.

import { instanceIssues, SchedulerInputError } from "./check-input.ts";
import {
  defaultWeights,
  type ObjectiveWeights,
  type Preference,
  type SchedulerInstance,
  type SchedulerRequest,
} from "./types.ts";

export type Compiled = {
  instance: SchedulerInstance;
  weights: ObjectiveWeights;
  gap: number;
  /** Slots on the whole axis. */
  totalSlots: number;
  dayStart: Int32Array;
  daySlots: Int32Array;
  /** The day of each axis slot. */
  dayOf: Int32Array;
  /** 1 where no meeting may run: breaks and padding. */
  blocked: Uint8Array;
  delegationIndex: Map<string, number>;
  teams: Uint8Array;
  teamSize: Int32Array;
  /** First and last-plus-one axis slot a delegation is present. */
  presentFrom: Int32Array;
  presentUntil: Int32Array;
  roomIndex: Map<string, number>;
  roomCapacity: Int32Array;
  /** roomOpen[room * days + day] = 1 when the room can be used that day. */
  roomOpen: Uint8Array;
  /** Accepted requests only, in instance order; `requestIndex` maps ids to positions. */
  requests: SchedulerRequest[];
  requestIndex: Map<string, number>;
  participantsStart: Int32Array;
  participants: Int32Array;
  duration: Int32Array;
  weight: Float64Array;
  headcount: Int32Array;
  /** Rooms that seat and equip the meeting, smallest first. */
  roomsOf: Int32Array[];
  /** Axis slots where the meeting may start, as far as days, breaks and stays allow. */
  starts: Int32Array[];
  /** Bonus of each start (preferred day and time). */
  startBonus: Float64Array[];
  /** Accepted requests of each delegation. */
  requestsOf: Int32Array[];
  /** Sum of the weights a delegation wishes for (its accepted requests). */
  wanted: Float64Array;
  /** Occupation by fixed sessions: rooms taken, and axis intervals taking all teams of a delegation. */
  fixedRooms: { room: number; from: number; to: number }[];
  fixedTeams: { delegation: number; from: number; to: number }[];
  /** Per day, the last slot (exclusive, day-relative) a consultation may end, from closing sessions. */
  consultationsEnd: Int32Array;
};

/** The weight of a request: the sum of every side's stated preference, so mutual interest counts more. */
export function requestWeight(request: SchedulerRequest, weights: ObjectiveWeights): number {
  const of = (preference: Preference) =>
    preference === "must"
      ? weights.must
      : preference === "would-like"
        ? weights.wouldLike
        : weights.notNeeded;
  let total = of(request.preference);
  for (const preference of Object.values(request.inviteePreferences ?? {})) total += of(preference);
  return total;
}

/** Checks the instance (throws SchedulerInputError) and builds the search's flat view of it. */
export function compileInstance(instance: SchedulerInstance): Compiled {
  const issues = instanceIssues(instance);
  if (issues.length > 0) throw new SchedulerInputError("The scheduling input is malformed.", issues);
  const weights = { ...defaultWeights, ...instance.weights };
  const gap = instance.minGapSlots ?? 0;
  const dayCount = instance.days.length;
  const dayStart = new Int32Array(dayCount);
  const daySlots = new Int32Array(dayCount);
  let totalSlots = 0;
  instance.days.forEach((day, d) => {
    dayStart[d] = totalSlots;
    daySlots[d] = day.slots;
    totalSlots += day.slots + gap;
  });
  const dayOf = new Int32Array(totalSlots);
  const blocked = new Uint8Array(totalSlots);
  const dayIndex = new Map(instance.days.map((day, d) => [day.id, d]));
  instance.days.forEach((day, d) => {
    const base = dayStart[d] as number;
    for (let t = 0; t < day.slots + gap; t++) {
      dayOf[base + t] = d;
      if (t >= day.slots) blocked[base + t] = 1;
    }
    for (const range of day.breaks ?? [])
      for (let t = Math.max(0, range.start); t < Math.min(day.slots, range.end); t++) blocked[base + t] = 1;
  });
  const axis = (day: string, slot: number) => (dayStart[dayIndex.get(day) as number] as number) + slot;

  const delegationIndex = new Map(instance.delegations.map((delegation, i) => [delegation.id, i]));
  const delegationCount = instance.delegations.length;
  const teams = new Uint8Array(delegationCount);
  const teamSize = new Int32Array(delegationCount);
  const presentFrom = new Int32Array(delegationCount);
  const presentUntil = new Int32Array(delegationCount);
  instance.delegations.forEach((delegation, i) => {
    teams[i] = Math.min(delegation.teams, 255);
    teamSize[i] = delegation.teamSize;
    presentFrom[i] = delegation.arrival ? axis(delegation.arrival.day, delegation.arrival.slot) : 0;
    presentUntil[i] = delegation.departure
      ? axis(delegation.departure.day, delegation.departure.slot)
      : totalSlots;
  });

  const roomIndex = new Map(instance.rooms.map((room, i) => [room.id, i]));
  const roomCapacity = new Int32Array(instance.rooms.map((room) => room.capacity));
  const roomOpen = new Uint8Array(instance.rooms.length * dayCount);
  instance.rooms.forEach((room, r) => {
    for (let d = 0; d < dayCount; d++) {
      const id = instance.days[d]?.id as string;
      roomOpen[r * dayCount + d] = !room.days || room.days.includes(id) ? 1 : 0;
    }
  });

  const consultationsEnd = new Int32Array(daySlots);
  const fixedRooms: Compiled["fixedRooms"] = [];
  const fixedTeams: Compiled["fixedTeams"] = [];
  for (const session of instance.fixedSessions ?? []) {
    const d = dayIndex.get(session.day) as number;
    const from = axis(session.day, session.start);
    const to = from + session.durationSlots;
    if (session.room !== undefined)
      fixedRooms.push({ room: roomIndex.get(session.room) as number, from, to });
    for (const id of session.participants)
      fixedTeams.push({ delegation: delegationIndex.get(id) as number, from, to: to + gap });
    if (session.closesConsultations)
      consultationsEnd[d] = Math.min(consultationsEnd[d] as number, session.start);
  }

  const requests = instance.requests.filter((request) => request.state === "accepted");
  const requestIndex = new Map(requests.map((request, i) => [request.id, i]));
  const n = requests.length;
  const participantsStart = new Int32Array(n + 1);
  const participantList: number[] = [];
  const duration = new Int32Array(n);
  const weight = new Float64Array(n);
  const headcount = new Int32Array(n);
  const roomsOf: Int32Array[] = [];
  const starts: Int32Array[] = [];
  const startBonus: Float64Array[] = [];
  const requestsOfLists: number[][] = instance.delegations.map(() => []);
  const wanted = new Float64Array(delegationCount);
  const roomsBySize = instance.rooms
    .map((_, r) => r)
    .sort((a, b) => (roomCapacity[a] as number) - (roomCapacity[b] as number));

  requests.forEach((request, i) => {
    participantsStart[i] = participantList.length;
    const members = [request.requester, ...request.invitees].map((id) => delegationIndex.get(id) as number);
    participantList.push(...members);
    duration[i] = request.durationSlots;
    weight[i] = requestWeight(request, weights);
    let people = 0;
    let from = 0;
    let until = totalSlots;
    for (const m of members) {
      people += teamSize[m] as number;
      from = Math.max(from, presentFrom[m] as number);
      until = Math.min(until, presentUntil[m] as number);
      requestsOfLists[m]?.push(i);
      wanted[m] = (wanted[m] as number) + (weight[i] as number);
    }
    headcount[i] = people;
    const equipment = request.equipment ?? [];
    roomsOf.push(
      Int32Array.from(
        roomsBySize.filter(
          (r) =>
            (roomCapacity[r] as number) >= people &&
            equipment.every((item) => instance.rooms[r]?.equipment?.includes(item)),
        ),
      ),
    );
    const feasible: number[] = [];
    const bonuses: number[] = [];
    const dur = request.durationSlots;
    for (let d = 0; d < dayCount; d++) {
      const base = dayStart[d] as number;
      const lastEnd = consultationsEnd[d] as number;
      for (let s = 0; s + dur <= lastEnd; s++) {
        const g = base + s;
        if (g < from || g + dur > until) continue;
        let free = true;
        for (let t = g; t < g + dur; t++) if (blocked[t]) free = false;
        if (!free) continue;
        feasible.push(g);
        const wish = request.preferred;
        const fits =
          wish !== undefined &&
          (wish.day === undefined || wish.day === instance.days[d]?.id) &&
          (wish.from === undefined || s >= wish.from) &&
          (wish.to === undefined || s + dur <= wish.to);
        bonuses.push(fits ? weights.preferredBonus : 0);
      }
    }
    starts.push(Int32Array.from(feasible));
    startBonus.push(Float64Array.from(bonuses));
  });
  participantsStart[n] = participantList.length;

  return {
    instance,
    weights,
    gap,
    totalSlots,
    dayStart,
    daySlots,
    dayOf,
    blocked,
    delegationIndex,
    teams,
    teamSize,
    presentFrom,
    presentUntil,
    roomIndex,
    roomCapacity,
    roomOpen,
    requests,
    requestIndex,
    participantsStart,
    participants: Int32Array.from(participantList),
    duration,
    weight,
    headcount,
    roomsOf,
    starts,
    startBonus,
    requestsOf: requestsOfLists.map((list) => Int32Array.from(list)),
    wanted,
    fixedRooms,
    fixedTeams,
    consultationsEnd,
  };
}
