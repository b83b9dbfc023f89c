// The scheduler as a background job: the solve runs in a worker thread; its schedule is recorded by
// the programme.schedule.apply operation as the scheduler (a system actor), audited like any change.
import { systemActor } from "../../../platform/authz.ts";
import { defineJob, workerModule } from "../../../platform/jobs.ts";
import { runOperation } from "../../../platform/operation.ts";
import { applySchedule } from "../operations/apply-schedule.ts";
import type { SchedulerSolution } from "../scheduler/index.ts";
import type { SolveJobInput } from "./solve-in-worker.ts";

export const solveJob = defineJob<SolveJobInput, SchedulerSolution>({
  kind: "programme.solve",
  worker: {
    module: workerModule("src", "server", "modules", "programme", "jobs", "solve-in-worker.ts"),
    export: "solveInWorker",
  },
  complete: (db, job, solution) =>
    runOperation({ db }, applySchedule, systemActor("scheduler"), {
      roundId: (job.input as SolveJobInput).roundId,
      jobId: job.id,
      solution,
    }),
});
