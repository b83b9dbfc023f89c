import { RecordRef } from "../../../../contracts/common.ts";
import { RunScheduleInput } from "../../../../contracts/programme.ts";
import { Conflict } from "../../../platform/errors.ts";
import { latestJobOf, queueJob } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { standingDelegationIdsOf } from "../../core/index.ts";
import { solveJob } from "../jobs/solve-job.ts";
import { buildInstance } from "../model.ts";
import { instanceIssues, SchedulerInputError } from "../scheduler/index.ts";
import { bySecretariatOfRound, requirePlan, roundRows } from "./shared.ts";

/**
 * programme.schedule.run: the secretariat runs the scheduler on the round as a background job within a
 * time budget it sets. Locked and published meetings stay; the others start from where they are, so a
 * re-run moves as little as it can. Malformed input (a fixed session over its room's capacity, out of
 * order, overlapping locks) is refused now with every fault named (422), and one run at a time (409).
 */
export const runSchedule = defineOperation({
  name: "programme.schedule.run",
  input: RunScheduleInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, input, target) => {
    const plan = requirePlan(target);
    const latest = await latestJobOf(ctx.tx, ctx.actor, "programme", target.roundId);
    if (latest && (latest.state === "queued" || latest.state === "running"))
      throw new Conflict(
        "The scheduler is already running on this round.",
        { jobId: latest.id },
        "job_running",
      );
    const { instance, previous, published } = buildInstance(await roundRows(ctx.tx, target, plan));
    const issues = instanceIssues(instance);
    if (issues.length > 0)
      throw new SchedulerInputError("The round's programme cannot be scheduled as it stands.", issues);
    const host = await standingDelegationIdsOf(ctx.tx, target.processId, [target.hostParticipantId]);
    const jobId = await queueJob(
      ctx,
      solveJob,
      {
        roundId: target.roundId,
        instance,
        previous,
        published,
        budgetMs: Math.round(input.budgetSeconds * 1000),
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
      },
      {
        tier: "delegation",
        processId: target.processId,
        delegationId: host.get(target.hostParticipantId) ?? null,
        subjectType: "programme",
        subjectId: target.roundId,
      },
    );
    ctx.audit({ data: { jobId, budgetSeconds: input.budgetSeconds, requests: instance.requests.length } });
    return { jobId };
  },
});
