// What the matching tests share: the matching world (two sides' lists, the intermediary), and running
// matching, reading the review queue and deciding a candidate as the intermediary's page does.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { runMatching } from "../../src/server/modules/humanitarian/operations/run-matching.ts";
import { humMatchCandidates } from "../../src/server/modules/humanitarian/schema.ts";
import type { Actor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import type { TestApp } from "../helpers/app.ts";
import type { Fixtures } from "../helpers/fixtures.ts";
import { type MatchingWorld, openMatchingWorld } from "./matching-world.ts";

/** The world of one test file, filled before its first test, and the requests its tests make. */
export type ReviewWorld = {
  app: TestApp;
  fixtures: Fixtures;
  processId: string;
  intermediary: Actor;
  lists: MatchingWorld["lists"];
  candidatesOf: (runId: string) => Promise<(typeof humMatchCandidates.$inferSelect)[]>;
  runAndWait: (actor: Actor, input: Record<string, unknown>) => Promise<{ runId: string; jobId: string }>;
  queue: (as: string, query?: string) => ReturnType<TestApp["request"]>;
  decide: (
    as: string,
    candidateId: string,
    decision: "confirm" | "reject",
    reason?: string,
  ) => ReturnType<TestApp["request"]>;
};

/** Opens the matching world for this test file (closed after it). */
export function withReviewWorld(): ReviewWorld {
  const world = {} as ReviewWorld;
  beforeAll(async () => {
    Object.assign(world, await openMatchingWorld());
  });
  afterAll(async () => {
    await world.app?.close();
  });
  world.candidatesOf = (runId) =>
    world.app.deps.db.select().from(humMatchCandidates).where(eq(humMatchCandidates.runId, runId));
  world.runAndWait = async (actor, input) => {
    const started = await runOperation({ db: world.app.deps.db }, runMatching, actor, {
      processId: world.processId,
      ...input,
    });
    await world.app.deps.jobs.settled(started.jobId);
    return started;
  };
  world.queue = (as, query = "") =>
    world.app.request({
      method: "GET",
      url: `/api/processes/${world.processId}/humanitarian/review-queue${query}`,
      as,
    });
  world.decide = (as, candidateId, decision, reason = "Same person: names, father and birth agree.") =>
    world.app.request({
      method: "POST",
      url: `/api/humanitarian/candidates/${candidateId}/decision`,
      as,
      payload: { decision, reason },
    });
  return world;
}
