// The "destroy" half of large-neighbourhood search: each operator frees a related group of meetings
// (a stretch of time in some rooms, one delegation's day, the meetings in the way of an unplaced
// request) so the repair can pack them, and others, better. Pinned meetings are never freed.

import type { Board } from "./board.ts";

/** A freed meeting and where it was, so a rejected move can be undone. */
export type Freed = { r: number; g: number; room: number; bonus: number };

/** Removes a meeting unless pinned; logs it so the move can be undone. */
function free(board: Board, r: number, removed: Freed[]): void {
  if (r < 0 || board.pinned[r] || (board.start[r] as number) < 0) return;
  removed.push({
    r,
    g: board.start[r] as number,
    room: board.room[r] as number,
    bonus: board.bonus[r] as number,
  });
  board.remove(r);
}

/** Frees every meeting in a random window of one day, in all rooms or a random half of them. */
export function destroyWindow(board: Board, random: () => number, removed: Freed[]): void {
  const c = board.c;
  const d = Math.floor(random() * c.dayStart.length);
  const length = 3 + Math.floor(random() * 10);
  const from =
    (c.dayStart[d] as number) + Math.floor(random() * Math.max(1, (c.daySlots[d] as number) - length));
  const allRooms = random() < 0.4;
  for (let room = 0; room < c.roomCapacity.length; room++) {
    if (!allRooms && random() < 0.5) continue;
    for (let t = from; t < from + length && t < c.totalSlots; t++)
      free(board, board.occupant(room, t), removed);
  }
}

/** Frees most meetings of one delegation, chosen among the least served, so its day can be rebuilt. */
export function destroyDelegation(board: Board, random: () => number, removed: Freed[]): void {
  const c = board.c;
  let pick = Math.floor(random() * c.teams.length);
  for (let tries = 0; tries < 3; tries++) {
    const other = Math.floor(random() * c.teams.length);
    const share = (m: number) => (c.wanted[m] ? (board.metBy[m] as number) / (c.wanted[m] as number) : 1);
    if (share(other) < share(pick)) pick = other;
  }
  const own = c.requestsOf[pick] as Int32Array;
  for (let i = 0; i < own.length; i++) if (random() < 0.6) free(board, own[i] as number, removed);
}

/** Frees everything standing in the way of one unplaced request at one of its starts, then places it there. */
export function destroyForRequest(
  board: Board,
  random: () => number,
  removed: Freed[],
  candidates: number[],
): number {
  const c = board.c;
  if (candidates.length === 0) return -1;
  let r = candidates[Math.floor(random() * candidates.length)] as number;
  const other = candidates[Math.floor(random() * candidates.length)] as number;
  if (
    (c.weight[other] as number) / (c.duration[other] as number) >
    (c.weight[r] as number) / (c.duration[r] as number)
  )
    r = other;
  const starts = c.starts[r] as Int32Array;
  const rooms = c.roomsOf[r] as Int32Array;
  if (starts.length === 0 || rooms.length === 0) return -1;
  const i = Math.floor(random() * starts.length);
  const g = starts[i] as number;
  const room = rooms[Math.floor(random() * rooms.length)] as number;
  if (!board.roomOpen(room, g)) return -1;
  const duration = c.duration[r] as number;
  for (let t = g; t < g + duration; t++) {
    const occupant = board.occupant(room, t);
    if (occupant === -2 || (occupant >= 0 && board.pinned[occupant])) return -1;
    free(board, occupant, removed);
  }
  const end = g + duration + c.gap;
  for (let p = c.participantsStart[r] as number; p < (c.participantsStart[r + 1] as number); p++) {
    const m = c.participants[p] as number;
    const own = c.requestsOf[m] as Int32Array;
    for (let k = 0; k < own.length; k++) {
      const q = own[k] as number;
      const s = board.start[q] as number;
      if (s >= 0 && s < end && g < s + (c.duration[q] as number) + c.gap) free(board, q, removed);
    }
  }
  if (board.busyParticipant(r, g) >= 0 || !board.roomFree(room, g, duration)) return -1;
  board.place(r, g, room, (c.startBonus[r] as Float64Array)[i] as number);
  return r;
}

/** Frees a few meetings at random. */
export function destroyRandom(board: Board, random: () => number, removed: Freed[], placed: number[]): void {
  const count = 2 + Math.floor(random() * 6);
  for (let i = 0; i < count && placed.length > 0; i++)
    free(board, placed[Math.floor(random() * placed.length)] as number, removed);
}
