// The scheduler's work as a background job runs it: in a worker thread, with progress and a stop flag.

import type { MeetingPlace, SchedulerInstance, SchedulerSolution } from "../scheduler/index.ts";
import { solveSchedule } from "../scheduler/index.ts";

export type SolveJobInput = {
  roundId: string;
  instance: SchedulerInstance;
  previous: MeetingPlace[];
  published: string[];
  budgetMs: number;
  seed?: number;
};

/** Solves a round's instance within its budget; the best schedule found is the output. */
export function solveInWorker(
  input: SolveJobInput,
  ctx: { progress: (fraction: number, detail?: Record<string, unknown>) => void; shouldStop: () => boolean },
): SchedulerSolution {
  return solveSchedule(input.instance, {
    budgetMs: input.budgetMs,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.previous.length > 0 ? { previous: input.previous, published: input.published } : {}),
    onProgress: (p) => ctx.progress(p.fraction, { placed: p.placed, bestObjective: p.bestObjective }),
    shouldStop: ctx.shouldStop,
  });
}
