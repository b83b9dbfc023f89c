// Placing one request: among the starts where every participant has a free team (over the meeting
// and the minimum gap) and a suitable room is free, the one with the best score: the preferred-time
// bonus, staying where an earlier schedule had it, then packing rooms end to end and keeping big
// rooms for big meetings.

import type { Board } from "./board.ts";

export type Spot = { g: number; room: number; bonus: number };

/** The best free spot for request r, or null when none exists on the current board. */
export function bestSpot(board: Board, r: number, random: () => number): Spot | null {
  const c = board.c;
  const starts = c.starts[r] as Int32Array;
  const bonuses = c.startBonus[r] as Float64Array;
  const rooms = c.roomsOf[r] as Int32Array;
  const duration = c.duration[r] as number;
  const previous = board.previousStart[r] as number;
  let best: Spot | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < starts.length; i++) {
    const g = starts[i] as number;
    if (!board.anyRoomFree(g, duration) || board.busyParticipant(r, g) >= 0) continue;
    for (let k = 0; k < rooms.length; k++) {
      const room = rooms[k] as number;
      if (!board.roomOpen(room, g) || !board.roomFree(room, g, duration)) continue;
      let score =
        (bonuses[i] as number) + 0.02 * board.snugness(room, g, duration) - 0.001 * k + 0.01 * random();
      if (g === previous && room === board.previousRoom[r]) score += c.weights.move + 1;
      if (score > bestScore) {
        bestScore = score;
        best = { g, room, bonus: bonuses[i] as number };
      }
    }
  }
  return best;
}

/** Places r at its best spot if it has one; reports whether it did. */
export function insertBest(board: Board, r: number, random: () => number): boolean {
  const spot = bestSpot(board, r, random);
  if (!spot) return false;
  board.place(r, spot.g, spot.room, spot.bonus);
  return true;
}

/**
 * Places r where the meetings in its way are worth least (their weight, plus the move penalty for
 * meetings of an earlier schedule), if that is less than r brings; the evicted meetings are then
 * re-inserted where they fit. Undone unless the objective rises. Used for late requests on a re-solve.
 */
export function insertByEviction(board: Board, r: number, random: () => number): boolean {
  const c = board.c;
  const starts = c.starts[r] as Int32Array;
  const rooms = c.roomsOf[r] as Int32Array;
  const duration = c.duration[r] as number;
  const value = (q: number) =>
    (c.weight[q] as number) + ((board.previousStart[q] as number) >= 0 ? c.weights.move : 0);
  let best: { g: number; room: number; bonus: number; evict: number[] } | null = null;
  let bestCost = (c.weight[r] as number) - 1e-9;
  for (let i = 0; i < starts.length; i++) {
    const g = starts[i] as number;
    const inTheWay = new Set<number>();
    let blocked = false;
    const end = g + duration + c.gap;
    for (
      let p = c.participantsStart[r] as number;
      p < (c.participantsStart[r + 1] as number) && !blocked;
      p++
    ) {
      const own = c.requestsOf[c.participants[p] as number] as Int32Array;
      for (let k = 0; k < own.length; k++) {
        const q = own[k] as number;
        const s = board.start[q] as number;
        if (s >= 0 && s < end && g < s + (c.duration[q] as number) + c.gap) inTheWay.add(q);
      }
    }
    for (const fixed of c.fixedTeams)
      if (fixed.from < end && g < fixed.to)
        for (let p = c.participantsStart[r] as number; p < (c.participantsStart[r + 1] as number); p++)
          if (c.participants[p] === fixed.delegation) blocked = true;
    let teamCost = 0;
    for (const q of inTheWay) {
      if (board.pinned[q]) blocked = true;
      teamCost += value(q);
    }
    if (blocked || teamCost >= bestCost) continue;
    for (let k = 0; k < rooms.length; k++) {
      const room = rooms[k] as number;
      if (!board.roomOpen(room, g)) continue;
      const evict = new Set(inTheWay);
      let cost = teamCost;
      for (let t = g; t < g + duration && cost < bestCost; t++) {
        const q = board.occupant(room, t);
        if (q === -2 || (q >= 0 && board.pinned[q])) cost = Number.POSITIVE_INFINITY;
        else if (q >= 0 && !evict.has(q)) {
          evict.add(q);
          cost += value(q);
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = { g, room, bonus: (c.startBonus[r] as Float64Array)[i] as number, evict: [...evict] };
      }
    }
  }
  if (!best) return false;
  const before = board.objective();
  const evicted = best.evict.map((q) => ({
    q,
    g: board.start[q] as number,
    room: board.room[q] as number,
    bonus: board.bonus[q] as number,
  }));
  for (const { q } of evicted) board.remove(q);
  if (board.busyParticipant(r, best.g) >= 0 || !board.roomFree(best.room, best.g, duration)) {
    for (const e of evicted) board.place(e.q, e.g, e.room, e.bonus);
    return false;
  }
  board.place(r, best.g, best.room, best.bonus);
  const reinserted = evicted.filter(({ q }) => insertBest(board, q, random)).map(({ q }) => q);
  if (board.objective() > before) return true;
  for (const q of reinserted) board.remove(q);
  board.remove(r);
  for (const e of evicted) board.place(e.q, e.g, e.room, e.bonus);
  return false;
}
