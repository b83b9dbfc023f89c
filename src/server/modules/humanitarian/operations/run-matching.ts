// humanitarian.matching.run: the neutral intermediary matches a list against another side's list,
// against the process's recorded cases, or against itself (persons entered twice). The work runs as a
// background job with progress; its candidates wait in the review queue for a person's decision.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { RunMatchingInput } from "../../../../contracts/humanitarian-matching.ts";
import { actorId, actorLabel } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound, ValidationFailed } from "../../../platform/errors.ts";
import { queueJob } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { findProcess } from "../../core/index.ts";
import { matchingJob } from "../jobs/matching-job.ts";
import { canReadPerson, isIntermediary } from "../policies.ts";
import { humLists, humMatchRuns } from "../schema.ts";

type ListRow = typeof humLists.$inferSelect;

/** A list the actor may read, or 404 as if it did not exist (a hidden list is never confirmed to exist). */
async function readableList(
  tx: Db,
  actor: Parameters<typeof canReadPerson>[0],
  listId: string,
): Promise<ListRow> {
  const [list] = await tx.select().from(humLists).where(eq(humLists.id, listId));
  if (!list || !canReadPerson(actor, list)) throw new NotFound("List", listId);
  return list;
}

export const runMatching = defineOperation({
  name: "humanitarian.matching.run",
  input: RunMatchingInput.safeExtend({ processId: RecordRef }),
  load: async (tx, input, actor) => {
    // The process is named by id or slug, as on every process route.
    const processId = (await findProcess(tx, input.processId)).id;
    const left = await readableList(tx, actor, input.leftListId);
    const right = input.rightListId ? await readableList(tx, actor, input.rightListId) : null;
    return { left, right, processId };
  },
  // Matching reads every side's persons: the neutral intermediary's work (policies.ts).
  authorize: (actor, _input, { left, processId }) =>
    left.processId === processId && isIntermediary(actor, left.processId),
  scope: (input, target) => ({
    subjectType: "hum_list",
    subjectId: input.leftListId,
    processId: target?.processId ?? input.processId,
    tier: "intermediary",
  }),
  run: async (ctx, input, { left, right }) => {
    const invalid = (field: string, message: string) =>
      new ValidationFailed(message, [{ path: [field], message }]);
    if (left.withdrawnAt) throw invalid("leftListId", "This list was withdrawn.");
    if (right) {
      if (right.withdrawnAt) throw invalid("rightListId", "This list was withdrawn.");
      if (right.id === left.id)
        throw invalid("rightListId", "Match a list against another list, or use mode duplicates.");
      if (right.processId !== left.processId)
        throw invalid("rightListId", "Both lists must belong to the same process.");
    }
    const [running] = await ctx.tx
      .select({ id: humMatchRuns.id })
      .from(humMatchRuns)
      .where(
        and(
          eq(humMatchRuns.leftListId, left.id),
          eq(humMatchRuns.mode, input.mode),
          inArray(humMatchRuns.state, ["queued", "running"]),
        ),
      );
    if (running)
      throw new Conflict("This list is already being matched so.", { runId: running.id }, "matching_running");
    const runId = randomUUID();
    await ctx.tx.insert(humMatchRuns).values({
      id: runId,
      processId: left.processId,
      mode: input.mode,
      leftListId: left.id,
      rightListId: right?.id ?? null,
      threshold: input.threshold ?? null,
      requestedBy: actorId(ctx.actor),
      requestedByLabel: actorLabel(ctx.actor),
    });
    const jobId = await queueJob(
      ctx,
      matchingJob,
      { runId },
      {
        tier: "intermediary",
        processId: left.processId,
        subjectType: "hum_match_run",
        subjectId: runId,
      },
    );
    await ctx.tx.update(humMatchRuns).set({ jobId }).where(eq(humMatchRuns.id, runId));
    ctx.audit({
      subjectType: "hum_match_run",
      subjectId: runId,
      data: { mode: input.mode, leftListId: left.id, rightListId: right?.id ?? null, jobId },
    });
    ctx.emit({
      type: "humanitarian.matching.run",
      tier: "intermediary",
      processId: left.processId,
      subjectType: "hum_match_run",
      subjectId: runId,
      payload: { runId, jobId, mode: input.mode },
    });
    return { runId, jobId };
  },
});
