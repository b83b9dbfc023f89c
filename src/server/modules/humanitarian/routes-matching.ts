// The HTTP routes of matching (issue 18, item 3): start a run (a background job), read the review
// queue, decide a candidate. Reads through `defineRead`, writes through operations.
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  CandidateDecided,
  DecideCandidateInput,
  ReviewQueue,
  ReviewQueueQuery,
  RunMatchingInput,
  StartedMatchingRun,
} from "../../../contracts/humanitarian-matching.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { defineRead, registerRead } from "../../platform/read.ts";
import { decideCandidate } from "./operations/decide-candidate.ts";
import { runMatching } from "./operations/run-matching.ts";
import { loadReviewQueue } from "./reads/review-queue.ts";

const tags = ["humanitarian"];
const IdParams = z.object({ id: RecordRef });

/** Matching runs, the review queue and decisions on candidates: the neutral intermediary's work. */
export function registerMatchingRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "humanitarian.review_queue.get",
      path: "/processes/:id/humanitarian/review-queue",
      tags,
      summary:
        "Candidate matches best first, with per-field verdicts and both persons; the queue's progress (the intermediary only; every read audited)",
      params: IdParams,
      query: ReviewQueueQuery,
      response: ReviewQueue,
      errors: { 401: writeErrors[401], 403: writeErrors[403] },
      cache: "none",
      load: (db, actor, { params, query }) => loadReviewQueue(db, actor, params.id, query),
    }),
  );
  app.post(
    "/processes/:id/humanitarian/matching-runs",
    {
      schema: {
        tags,
        summary:
          "Match a list against another list, the recorded cases, or itself, as a background job (humanitarian.matching.run; the intermediary)",
        params: IdParams,
        body: RunMatchingInput,
        response: { 202: StartedMatchingRun, ...writeErrors },
      },
    },
    async (request, reply) => {
      const started = await perform(request, deps.db, runMatching, {
        ...(request.body as object),
        processId: request.params.id,
      });
      return reply.code(202).send(started);
    },
  );
  app.post(
    "/humanitarian/candidates/:id/decision",
    {
      schema: {
        tags,
        summary:
          "Confirm or reject a candidate match, saying why; confirming links both persons to one case (humanitarian.candidate.decide; the intermediary)",
        params: IdParams,
        body: DecideCandidateInput,
        response: { 200: CandidateDecided, ...writeErrors },
      },
    },
    async (request) =>
      perform(request, deps.db, decideCandidate, {
        ...(request.body as object),
        candidateId: request.params.id,
      }),
  );
}
