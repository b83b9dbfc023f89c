// humanitarian.matching.record: the matcher (a system actor, from the matching job) records a run's
// outcome — its candidates with their scores and per-field verdicts (never a name), all in one
// transaction, or the run's failure or cancellation; a pair an earlier run proposed is not proposed
// again. Nothing is joined here: candidates wait for a person.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { FieldVerdict } from "../../../../contracts/humanitarian-matching.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { humMatchCandidates, humMatchRuns } from "../schema.ts";

const batch = 1000;

export const recordMatching = defineOperation({
  name: "humanitarian.matching.record",
  input: z.strictObject({
    runId: z.string(),
    outcome: z.enum(["completed", "failed", "cancelled"]),
    candidates: z
      .array(
        z.object({
          leftId: z.string(),
          rightId: z.string(),
          score: z.number().min(0).max(1),
          fields: z.array(FieldVerdict),
        }),
      )
      .max(5_000_000),
  }),
  load: async (tx, input) => {
    const [run] = await tx.select().from(humMatchRuns).where(eq(humMatchRuns.id, input.runId));
    if (!run) throw new NotFound("Matching run", input.runId);
    return run;
  },
  // Only the matching job records a run's outcome; people start runs and decide candidates.
  authorize: (actor) => actor.kind === "system",
  scope: (input, run) => ({
    subjectType: "hum_match_run",
    subjectId: input.runId,
    processId: run?.processId ?? null,
    tier: "intermediary",
  }),
  run: async (ctx, input, run) => {
    if (run.state !== "queued" && run.state !== "running")
      throw new Conflict(
        "This matching run's outcome is already recorded.",
        { state: run.state },
        "run_finished",
      );
    const rightColumn = run.mode === "cases" ? "rightCaseId" : "rightEntryId";
    // A pair already proposed by an earlier run (pending, or decided by a person) is not proposed again.
    const known = await ctx.tx
      .select({
        left: humMatchCandidates.leftEntryId,
        right: run.mode === "cases" ? humMatchCandidates.rightCaseId : humMatchCandidates.rightEntryId,
      })
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.processId, run.processId));
    const proposed = new Set(known.map((pair) => `${pair.left}|${pair.right}`));
    const rows =
      input.outcome === "completed"
        ? input.candidates.filter(
            (candidate) =>
              !proposed.has(`${candidate.leftId}|${candidate.rightId}`) &&
              !proposed.has(`${candidate.rightId}|${candidate.leftId}`),
          )
        : [];
    for (let start = 0; start < rows.length; start += batch) {
      await ctx.tx.insert(humMatchCandidates).values(
        rows.slice(start, start + batch).map((candidate) => ({
          id: randomUUID(),
          runId: run.id,
          processId: run.processId,
          leftEntryId: candidate.leftId,
          [rightColumn]: candidate.rightId,
          score: candidate.score,
          fields: candidate.fields,
        })),
      );
    }
    await ctx.tx
      .update(humMatchRuns)
      .set({ state: input.outcome, candidates: rows.length, finishedAt: new Date(), updatedAt: new Date() })
      .where(eq(humMatchRuns.id, run.id));
    ctx.audit({ data: { runId: run.id, outcome: input.outcome, candidates: rows.length } });
    ctx.emit({
      type: "humanitarian.matching.record",
      tier: "intermediary",
      processId: run.processId,
      subjectType: "hum_match_run",
      subjectId: run.id,
      payload: { runId: run.id, state: input.outcome, candidates: rows.length },
    });
    return { runId: run.id, state: input.outcome, candidates: rows.length };
  },
});
