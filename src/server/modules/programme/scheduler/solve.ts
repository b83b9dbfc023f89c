// The scheduler: from accepted requests and the round's constraints to a programme that maximizes
// the weighted requests met, plus a max-min fairness term, within a time budget (see README,
// "Programme"). Pure domain code: no database, no clock other than the budget, seeded randomness.

import type { FieldIssue } from "../../../platform/errors.ts";
import { Board } from "./board.ts";
import { SchedulerInputError } from "./check-input.ts";
import { type Compiled, compileInstance } from "./compile.ts";
import { explainUnplaced } from "./explain.ts";
import { insertByEviction } from "./insert.ts";
import { seededRandom } from "./rng.ts";
import { improve, repair } from "./search.ts";
import { assignTeams } from "./teams.ts";
import type {
  MeetingPlace,
  PlacedMeeting,
  SchedulerInstance,
  SchedulerSolution,
  SolveOptions,
  UnplacedRequest,
} from "./types.ts";

const defaultBudgetMs = 5_000;

type Located = { r: number; g: number; room: number; bonus: number; startIndex: number };

/** Where a meeting place lands on the board, or why it cannot be there at all. */
function locate(c: Compiled, place: MeetingPlace): Located | string {
  const r = c.requestIndex.get(place.requestId);
  if (r === undefined) return "the request is not accepted";
  const d = c.instance.days.findIndex((day) => day.id === place.day);
  const room = c.roomIndex.get(place.room);
  if (d < 0 || room === undefined) return "its day or room is unknown";
  if (place.start < 0 || place.start + (c.duration[r] as number) > (c.daySlots[d] as number))
    return "it does not fit within its day";
  const g = (c.dayStart[d] as number) + place.start;
  if ((c.headcount[r] as number) > (c.roomCapacity[room] as number))
    return `it brings ${c.headcount[r]} people into a room that seats ${c.roomCapacity[room]}`;
  const startIndex = (c.starts[r] as Int32Array).indexOf(g);
  return {
    r,
    g,
    room,
    bonus: startIndex >= 0 ? ((c.startBonus[r] as Float64Array)[startIndex] as number) : 0,
    startIndex,
  };
}

/** Lays the locked meetings on the board; any that cannot sit where locked is an input error. */
function placeLocks(board: Board, locks: MeetingPlace[]): void {
  const issues: FieldIssue[] = [];
  locks.forEach((lock, i) => {
    const at = locate(board.c, lock);
    if (typeof at === "string") {
      const code = at.startsWith("it brings") ? "room_over_capacity" : "locked_infeasible";
      issues.push({
        path: ["locked", i],
        code,
        message: `The locked meeting "${lock.requestId}" cannot stay: ${at}.`,
      });
      return;
    }
    const duration = board.c.duration[at.r] as number;
    const busy = board.busyParticipant(at.r, at.g);
    if (!board.roomFree(at.room, at.g, duration) || busy >= 0) {
      const who =
        busy >= 0 ? ` (${board.c.instance.delegations[busy]?.id} has no free team)` : " (its room is taken)";
      issues.push({
        path: ["locked", i],
        code: "locked_overlap",
        message: `The locked meeting "${lock.requestId}" overlaps another locked or fixed session${who}.`,
      });
      return;
    }
    board.place(at.r, at.g, at.room, at.bonus);
    board.pinned[at.r] = 1;
  });
  if (issues.length > 0) throw new SchedulerInputError("Locked meetings conflict.", issues);
}

/** Puts the earlier schedule back (published meetings pinned), skipping what no longer fits. */
function placePrevious(board: Board, previous: MeetingPlace[], published: Set<string>): void {
  const located = previous.map((place) => ({ place, at: locate(board.c, place) }));
  for (const { at } of located) {
    if (typeof at === "string") continue;
    board.previousStart[at.r] = at.g;
    board.previousRoom[at.r] = at.room;
  }
  board.recountMoved();
  const order = [...located].sort(
    (a, b) => Number(published.has(b.place.requestId)) - Number(published.has(a.place.requestId)),
  );
  for (const { place, at } of order) {
    if (
      typeof at === "string" ||
      at.startIndex < 0 ||
      board.pinned[at.r] ||
      (board.start[at.r] as number) >= 0
    )
      continue;
    const c = board.c;
    if (!(c.roomsOf[at.r] as Int32Array).includes(at.room) || !board.roomOpen(at.room, at.g)) continue;
    if (!board.roomFree(at.room, at.g, c.duration[at.r] as number) || board.busyParticipant(at.r, at.g) >= 0)
      continue;
    board.place(at.r, at.g, at.room, at.bonus);
    if (published.has(place.requestId)) board.pinned[at.r] = 1;
  }
}

/**
 * Builds (or, given `previous`, rebuilds with minimum change) the programme. Malformed input throws
 * SchedulerInputError; anything merely unsatisfiable comes back as a partial schedule whose unplaced
 * requests each carry the reason. Returns the best schedule found when the budget ends.
 */
export function solveSchedule(instance: SchedulerInstance, options: SolveOptions = {}): SchedulerSolution {
  const begin = performance.now();
  // The search stops at 90% of the budget, leaving the rest for naming teams and explaining the unplaced.
  const deadline = begin + 0.9 * (options.budgetMs ?? defaultBudgetMs);
  const compiled = compileInstance(instance);
  const board = new Board(compiled);
  const random = seededRandom(options.seed ?? 1);
  placeLocks(board, instance.locked ?? []);
  if (options.previous) placePrevious(board, options.previous, new Set(options.published ?? []));
  const all: number[] = [];
  for (let r = 0; r < compiled.requests.length; r++) all.push(r);
  repair(board, all, random, 0);
  if (options.previous) {
    // Late requests (no earlier place) that found no free spot may displace cheaper meetings.
    for (const r of all)
      if ((board.start[r] as number) < 0 && (board.previousStart[r] as number) < 0)
        insertByEviction(board, r, random);
  }
  const report = (fraction: number, bestObjective: number) =>
    options.onProgress?.({ fraction: Math.min(1, fraction), bestObjective, placed: board.placedCount });
  report(0, board.objective());
  const { iterations, improvements, bestAt } = improve(board, {
    deadline,
    random,
    onTick: report,
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  report(1, board.objective());
  return present(board, instance, {
    iterations,
    improvements,
    elapsedMs: performance.now() - begin,
    bestFoundMs: bestAt - begin,
  });
}

function present(
  board: Board,
  instance: SchedulerInstance,
  stats: SchedulerSolution["stats"],
): SchedulerSolution {
  const c = board.c;
  const teams = assignTeams(board);
  const meetings: PlacedMeeting[] = [];
  const unplaced: UnplacedRequest[] = [];
  const moved: string[] = [];
  const dropped: string[] = [];
  for (const request of instance.requests) {
    const r = c.requestIndex.get(request.id);
    if (r === undefined) {
      unplaced.push({
        requestId: request.id,
        reason: {
          code: "not_accepted",
          message: `The request is ${request.state}, not accepted.`,
          delegations: request.invitees,
        },
      });
      continue;
    }
    const g = board.start[r] as number;
    if ((board.previousStart[r] as number) >= 0 && board.isMoved(r))
      (g < 0 ? dropped : moved).push(request.id);
    if (g < 0) {
      unplaced.push({ requestId: request.id, reason: explainUnplaced(board, request) });
      continue;
    }
    const d = c.dayOf[g] as number;
    const teamOf = teams.get(r);
    meetings.push({
      requestId: request.id,
      day: instance.days[d]?.id as string,
      start: g - (c.dayStart[d] as number),
      room: instance.rooms[board.room[r] as number]?.id as string,
      teams: Object.fromEntries(
        [request.requester, ...request.invitees].map((id) => [
          id,
          teamOf?.get(c.delegationIndex.get(id) as number) ?? 1,
        ]),
      ),
    });
  }
  const minShare = board.minShare();
  return {
    meetings,
    unplaced,
    objective: {
      total: board.objective(),
      weightMet: board.weightMet,
      preferredBonus: board.bonusMet,
      minShare,
      fairness: c.weights.fairness * minShare,
      movePenalty: c.weights.move * board.movedCount,
    },
    moved,
    dropped,
    stats,
  };
}
