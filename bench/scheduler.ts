// The programme scheduler against the exact MILP solved by HiGHS (issue 16, item 8): on generated
// instances with fixed seeds, the share of HiGHS's optimum or best proven bound our scheduler reaches,
// and the time each takes. HiGHS's time limit is BENCH_HIGHS_SECONDS (400 by default; use 30–60 on a
// shared machine). Runs inside `npm run bench`, or alone: `npx node bench/scheduler.ts [words of names]`
// (prints them; `npm run bench -- "<name>"` records them in bench/RESULTS.md).

import { solveSchedule, validateSchedule } from "../src/server/modules/programme/scheduler/index.ts";
import type {
  SchedulerInstance,
  SchedulerSolution,
} from "../src/server/modules/programme/scheduler/types.ts";
import { roomTimeBound } from "./lib/scheduler-bound.ts";
import { generateInstance, type InstanceShape } from "./lib/scheduler-instances.ts";
import { type MilpResult, solveWithHighs } from "./lib/scheduler-milp.ts";
import type { Benchmark, BenchResult } from "./suite.ts";

const highsSeconds = Number(process.env.BENCH_HIGHS_SECONDS ?? 400);
const fmt = (value: number, digits = 1) => value.toFixed(digits);
const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const label = (s: InstanceShape) =>
  `${s.delegations} delegations, ${s.requests} requests, ${s.days} days, ${s.rooms} rooms`;

type Timed<T> = { value: T; wall: number; cpu: number };

async function timed<T>(body: () => T | Promise<T>): Promise<Timed<T>> {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const value = await body();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - wall0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

async function ours(instance: SchedulerInstance, budgetMs: number): Promise<Timed<SchedulerSolution>> {
  const run = await timed(() => solveSchedule(instance, { budgetMs, seed: 11 }));
  const violations = validateSchedule(instance, run.value);
  if (violations.length > 0) throw new Error(`invalid schedule: ${violations[0]?.message}`);
  return run;
}

type Reference = {
  milp: Timed<MilpResult>;
  relaxation?: Timed<MilpResult>;
  bound: number;
  boundKind: string;
};

/** HiGHS on the MILP; when it proves no bound in time, its LP relaxation, then the room-time bound. */
async function reference(instance: SchedulerInstance): Promise<Reference> {
  const milp = await timed(() => solveWithHighs(instance, highsSeconds));
  const capacity = roomTimeBound(instance);
  if (milp.value.bound !== null && milp.value.bound <= capacity)
    return {
      milp,
      bound: milp.value.bound,
      boundKind: milp.value.status === "optimal" ? "optimum" : "MILP bound",
    };
  const relaxation = await timed(() => solveWithHighs(instance, highsSeconds, { relaxation: true }));
  const lp = relaxation.value.status === "optimal" ? relaxation.value.bound : null;
  if (lp !== null && lp <= capacity) return { milp, relaxation, bound: lp, boundKind: "LP-relaxation bound" };
  return { milp, relaxation, bound: capacity, boundKind: "room-time bound" };
}

function describeHighs(ref: Reference): string {
  const m = ref.milp.value;
  const size = `${m.columns} columns × ${m.rows} rows, ${m.nonzeros} nonzeros`;
  const best = m.objective !== null ? `best ${fmt(m.objective)}` : "no solution";
  const bound = m.bound !== null ? `bound ${fmt(m.bound)}` : "no bound";
  const lp = ref.relaxation
    ? `; LP relaxation ${ref.relaxation.value.status}${ref.relaxation.value.bound !== null ? ` ${fmt(ref.relaxation.value.bound)}` : ""} in ${fmt(ref.relaxation.wall)} s`
    : "";
  return `HiGHS (${size}) ${m.status}${m.error ? ` (${m.error})` : ""}: ${best}, ${bound} in ${fmt(ref.milp.wall)} s (CPU ${fmt(ref.milp.cpu)} s)${lp}`;
}

const smallShapes: InstanceShape[] = [
  { seed: 101, delegations: 10, requests: 50, days: 2, rooms: 4 },
  { seed: 102, delegations: 10, requests: 80, days: 2, rooms: 4 },
  { seed: 103, delegations: 30, requests: 120, days: 2, rooms: 6 },
];

const smallInstances: Benchmark = {
  name: "scheduler: small instances against HiGHS's optimum",
  run: async () => {
    const parts: string[] = [];
    let met = true;
    for (const shape of smallShapes) {
      const instance = generateInstance(shape);
      const ref = await reference(instance);
      const optimal = ref.milp.value.status === "optimal";
      const budgetMs = Math.max(50, (optimal ? ref.milp.wall : highsSeconds) * 100);
      const run = await ours(instance, budgetMs);
      const share = run.value.objective.total / ref.bound;
      const timeRatio = run.wall / ref.milp.wall;
      // Where HiGHS proves no optimum in its limit, ≥ 98% of its bound (or a tighter valid one) is the stronger claim.
      met &&= share >= 0.98 && timeRatio <= 0.1;
      parts.push(
        `${label(shape)}: ${describeHighs(ref)}; ours ${fmt(run.value.objective.total)} = ${pct(share)} of the ${ref.boundKind} in ${fmt(run.wall, 2)} s (CPU ${fmt(run.cpu, 2)} s, best reached at ${fmt(run.value.stats.bestFoundMs / 1000, 2)} s), time ×${fmt(timeRatio, 3)}`,
      );
    }
    return {
      name: "scheduler: small instances against HiGHS's optimum",
      summary: parts.join("; "),
      target: "≥ 98% of the optimum HiGHS proves, in ≤ a tenth of its time",
      met,
      description: `Instances of 10–30 delegations and 50–120 requests over 2 days (seeds ${smallShapes.map((s) => s.seed).join(", ")}); HiGHS runs first with a limit of ${highsSeconds} s, then our scheduler with a budget of a tenth of HiGHS's time; every schedule passes the independent validator. Where HiGHS proves no optimum within its limit the share is of the tightest valid bound (HiGHS's, its LP relaxation's, or the room-time bound), which the optimum cannot exceed.`,
    };
  },
};

function largeInstance(
  name: string,
  shape: InstanceShape,
  budgetMs: number,
  target: string,
  resolve = false,
): Benchmark {
  return {
    name,
    run: async (): Promise<BenchResult> => {
      const instance = generateInstance(shape);
      const run = await ours(instance, budgetMs);
      const ref = await reference(instance);
      const share = run.value.objective.total / ref.bound;
      const vsBest =
        ref.milp.value.objective !== null ? run.value.objective.total / ref.milp.value.objective : null;
      let met = share >= 0.95 && run.wall <= budgetMs / 1000 + 1;
      let resolved = "";
      if (resolve) {
        instance.requests.push({
          id: "late",
          requester: "del-5",
          invitees: ["del-9"],
          durationSlots: 2,
          preference: "must",
          inviteePreferences: { "del-9": "must" },
          state: "accepted",
        });
        const again = await timed(() =>
          solveSchedule(instance, { budgetMs: 1_000, seed: 12, previous: run.value.meetings }),
        );
        const placed = again.value.meetings.some((m) => m.requestId === "late");
        const valid = validateSchedule(instance, again.value).length === 0;
        met &&= again.wall <= 2 && valid;
        resolved = `; re-solve after one late request: ${fmt(again.wall, 2)} s (CPU ${fmt(again.cpu, 2)} s), late request ${placed ? "placed" : "not placed"}, ${again.value.moved.length} moved, ${again.value.dropped.length} dropped${valid ? "" : ", INVALID"}`;
      }
      return {
        name,
        summary: `${describeHighs(ref)}; ours ${fmt(run.value.objective.total)} (${run.value.meetings.length} meetings) = ${pct(share)} of the ${ref.boundKind}${vsBest !== null ? `, ${pct(vsBest)} of HiGHS's best` : ""}, in ${fmt(run.wall, 1)} s (CPU ${fmt(run.cpu, 1)} s; best reached at ${fmt(run.value.stats.bestFoundMs / 1000, 1)} s)${resolved}`,
        target,
        met,
        description: `${label(shape)} (seed ${shape.seed}${shape.tradeFair ? ", trade-fair style: one-person delegations, half-hour bilateral meetings" : ""}); our scheduler with a ${budgetMs / 1000} s budget, then HiGHS with a limit of ${highsSeconds} s (and its LP relaxation, then the room-time bound, when it proves no bound); the share is of the tightest valid bound available.`,
      };
    },
  };
}

export const schedulerBenchmarks: Benchmark[] = [
  smallInstances,
  largeInstance(
    "scheduler: 60 delegations, 400 requests",
    { seed: 201, delegations: 60, requests: 400, days: 2, rooms: 8 },
    10_000,
    "≥ 95% of the best bound HiGHS proves in 400 s, in ≤ 10 s",
  ),
  largeInstance(
    "scheduler: 60 delegations, 500 requests, 3 days",
    { seed: 202, delegations: 60, requests: 500, days: 3, rooms: 12 },
    10_000,
    "≥ 95% of the best bound, in ≤ 10 s",
  ),
  largeInstance(
    "scheduler: conference scale",
    { seed: 301, delegations: 700, requests: 2500, days: 3, rooms: 40, tradeFair: true },
    60_000,
    "≥ 95% of HiGHS's best bound in ≤ 60 s; minimum-change re-solve after one late request ≤ 2 s",
    true,
  ),
];

if (import.meta.main) {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  for (const bench of schedulerBenchmarks) {
    if (only.length > 0 && !only.some((word) => bench.name.includes(word))) continue;
    process.stdout.write(`… ${bench.name}\n`);
    const result = await bench.run();
    results.push(result);
    process.stdout.write(`  ${result.summary}\n  met: ${result.met}\n`);
  }
  process.stdout.write('To record rows in bench/RESULTS.md: npm run bench -- "<benchmark name>"\n');
}
