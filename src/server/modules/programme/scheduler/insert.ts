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
