// Large-neighbourhood search: free a related group of meetings, re-insert the unplaced requests by a
// noisy priority (weight per slot), keep the change if the objective does not fall by more than a
// cooling tolerance, remember the best board seen, and go back to it when the search wanders.

import type { Board } from "./board.ts";
import { destroyDelegation, destroyForRequest, destroyRandom, destroyWindow, type Freed } from "./destroy.ts";
import { insertBest } from "./insert.ts";

export type SearchLimits = {
  deadline: number;
  random: () => number;
  shouldStop?: () => boolean;
  onTick?: (fraction: number, best: number) => void;
};

/** A copy of where every request sits, to return to. */
type Snapshot = { start: Int32Array; room: Int32Array; bonus: Float64Array; objective: number };

function snapshot(board: Board): Snapshot {
  return {
    start: board.start.slice(),
    room: board.room.slice(),
    bonus: board.bonus.slice(),
    objective: board.objective(),
  };
}

/** Puts the board back to a snapshot by removing and placing only what differs. */
export function restore(board: Board, saved: Snapshot): void {
  const n = board.start.length;
  for (let r = 0; r < n; r++)
    if (board.start[r] !== saved.start[r] || board.room[r] !== saved.room[r]) board.remove(r);
  for (let r = 0; r < n; r++)
    if ((saved.start[r] as number) >= 0 && (board.start[r] as number) < 0)
      board.place(r, saved.start[r] as number, saved.room[r] as number, saved.bonus[r] as number);
}

/** Requests that could still be placed: unplaced, not pinned, with at least one start and room. */
function unplacedCandidates(board: Board): number[] {
  const c = board.c;
  const out: number[] = [];
  for (let r = 0; r < board.start.length; r++)
    if (
      (board.start[r] as number) < 0 &&
      (c.starts[r] as Int32Array).length > 0 &&
      (c.roomsOf[r] as Int32Array).length > 0
    )
      out.push(r);
  return out;
}

/** Inserts the given requests greedily, highest noisy weight per slot first. */
export function repair(board: Board, requests: number[], random: () => number, noise: number): number[] {
  const c = board.c;
  const keyed = requests.map((r) => ({
    r,
    key: ((c.weight[r] as number) / Math.sqrt(c.duration[r] as number)) * (1 + noise * random()),
  }));
  keyed.sort((a, b) => b.key - a.key);
  const placed: number[] = [];
  for (const { r } of keyed)
    if ((board.start[r] as number) < 0 && insertBest(board, r, random)) placed.push(r);
  return placed;
}

/** Runs the search until the deadline and leaves the best board found; returns iteration counts. */
export function improve(
  board: Board,
  limits: SearchLimits,
): { iterations: number; improvements: number; bestAt: number } {
  const { random } = limits;
  const c = board.c;
  let best = snapshot(board);
  let iterations = 0;
  let improvements = 0;
  let sinceBest = 0;
  let bestAt = performance.now();
  const begin = performance.now();
  const span = Math.max(1, limits.deadline - begin);
  const meanWeight = c.weight.length ? c.weight.reduce((a, b) => a + b, 0) / c.weight.length : 1;
  let lastTick = begin;
  const removed: Freed[] = [];
  while (true) {
    const now = performance.now();
    if (now >= limits.deadline || limits.shouldStop?.()) break;
    if (now - lastTick > 100) {
      lastTick = now;
      limits.onTick?.((now - begin) / span, best.objective);
    }
    iterations++;
    const before = board.objective();
    removed.length = 0;
    const candidates = unplacedCandidates(board);
    if (candidates.length === 0 && board.placedCount === 0) break; // nothing can ever be placed
    const op = candidates.length === 0 ? 0.45 + 0.55 * random() : random();
    let forced = -1;
    if (op < 0.45) forced = destroyForRequest(board, random, removed, candidates);
    else if (op < 0.75) destroyWindow(board, random, removed);
    else if (op < 0.9) destroyDelegation(board, random, removed);
    else {
      const placed: number[] = [];
      for (let r = 0; r < board.start.length; r++) if ((board.start[r] as number) >= 0) placed.push(r);
      destroyRandom(board, random, removed, placed);
    }
    const pool = candidates.length > 400 ? sample(candidates, 300, random) : candidates;
    const inserted = repair(board, [...removed.map((entry) => entry.r), ...pool], random, 0.5);
    const after = board.objective();
    const temperature = 0.3 * meanWeight * (1 - (now - begin) / span);
    if (after >= before - 1e-9 || random() < Math.exp((after - before) / Math.max(1e-6, temperature))) {
      if (after > best.objective + 1e-9) {
        best = snapshot(board);
        bestAt = performance.now();
        improvements++;
        sinceBest = 0;
      } else sinceBest++;
    } else {
      for (const r of inserted) board.remove(r);
      if (forced >= 0) board.remove(forced);
      restoreRemoved(board, removed);
      sinceBest++;
    }
    if (sinceBest > 400) {
      restore(board, best);
      sinceBest = 0;
    }
  }
  if (board.objective() < best.objective) restore(board, best);
  return { iterations, improvements, bestAt };
}

/** Undo for a rejected move: the freed meetings go back where they were. */
function restoreRemoved(board: Board, removed: Freed[]): void {
  for (const entry of removed) board.place(entry.r, entry.g, entry.room, entry.bonus);
}

function sample(list: number[], count: number, random: () => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(list[Math.floor(random() * list.length)] as number);
  return out;
}
