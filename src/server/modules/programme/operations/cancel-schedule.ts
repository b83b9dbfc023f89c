import { RecordRef } from "../../../../contracts/common.ts";
import { EmptyInput } from "../../../../contracts/programme.ts";
import { Conflict } from "../../../platform/errors.ts";
import { latestJobOf, requestCancel } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { bySecretariatOfRound } from "./shared.ts";

/** programme.schedule.cancel: the secretariat stops the scheduler's run on the round; nothing of it is saved. */
export const cancelSchedule = defineOperation({
  name: "programme.schedule.cancel",
  input: EmptyInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, _input, target) => {
    const latest = await latestJobOf(ctx.tx, ctx.actor, "programme", target.roundId);
    if (!latest || (latest.state !== "queued" && latest.state !== "running"))
      throw new Conflict("The scheduler is not running on this round.", undefined, "job_not_running");
    await requestCancel(ctx.tx, latest.id);
    ctx.audit({ data: { jobId: latest.id } });
    return { jobId: latest.id };
  },
});
