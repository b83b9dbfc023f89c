// Why a request has no meeting, told in the secretariat's terms: the constraint that stops it and the
// delegations concerned, judged on the final schedule.

import type { Board } from "./board.ts";
import type { Compiled } from "./compile.ts";
import type { SchedulerRequest, UnplacedReason } from "./types.ts";

function staticReason(c: Compiled, request: SchedulerRequest): UnplacedReason | null {
  const r = c.requestIndex.get(request.id) as number;
  const ids = [request.requester, ...request.invitees];
  if ((c.roomsOf[r] as Int32Array).length === 0) {
    const biggest = Math.max(0, ...c.roomCapacity);
    return {
      code: "no_room_fits",
      message:
        (c.headcount[r] as number) > biggest
          ? `The meeting brings ${c.headcount[r]} people; the largest room seats ${biggest}.`
          : "No room has the equipment the meeting needs.",
      delegations: ids,
    };
  }
  if ((c.starts[r] as Int32Array).length > 0) return null;
  let from = 0;
  let until = c.totalSlots;
  for (const id of ids) {
    const m = c.delegationIndex.get(id) as number;
    from = Math.max(from, c.presentFrom[m] as number);
    until = Math.min(until, c.presentUntil[m] as number);
  }
  if (until - from < (c.duration[r] as number)) {
    const late = ids.filter((id) => (c.presentFrom[c.delegationIndex.get(id) as number] as number) >= from);
    const early = ids.filter(
      (id) => (c.presentUntil[c.delegationIndex.get(id) as number] as number) <= until,
    );
    return {
      code: "outside_stay",
      message: "The delegations are not at the venue together long enough for this meeting.",
      delegations: [...new Set([...late, ...early])],
    };
  }
  return {
    code: "no_time_window",
    message:
      "No stretch of the days is long enough between breaks and closing sessions while all are present.",
    delegations: ids,
  };
}

/** The reason an accepted request stayed unplaced, from the static data or the final board. */
export function explainUnplaced(board: Board, request: SchedulerRequest): UnplacedReason {
  const c = board.c;
  const fixed = staticReason(c, request);
  if (fixed) return fixed;
  const r = c.requestIndex.get(request.id) as number;
  const starts = c.starts[r] as Int32Array;
  const rooms = c.roomsOf[r] as Int32Array;
  const blamed = new Map<number, number>();
  let roomsFullAtFreeTimes = 0;
  for (let i = 0; i < starts.length; i++) {
    const g = starts[i] as number;
    const busy = board.busyParticipant(r, g);
    if (busy >= 0) {
      blamed.set(busy, (blamed.get(busy) ?? 0) + 1);
      continue;
    }
    let roomFree = false;
    for (let k = 0; k < rooms.length && !roomFree; k++) {
      const room = rooms[k] as number;
      roomFree = board.roomOpen(room, g) && board.roomFree(room, g, c.duration[r] as number);
    }
    if (!roomFree) roomsFullAtFreeTimes++;
  }
  const ids = c.instance.delegations.map((delegation) => delegation.id);
  if (roomsFullAtFreeTimes > 0)
    return {
      code: "rooms_full",
      message: `Every suitable room is taken at the ${roomsFullAtFreeTimes} start times when all participants are free; the meetings there weigh more.`,
      delegations: [request.requester, ...request.invitees],
    };
  const ranked = [...blamed.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => ids[m] as string);
  return {
    code: "delegation_busy",
    message: `At every possible time a participant has no free team (counting the minimum gap): ${ranked.join(", ")}.`,
    delegations: ranked,
  };
}
