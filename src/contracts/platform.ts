import { z } from "zod";

/** The error body every failure answers with. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe("stable, machine-readable"),
      message: z.string().describe("for a person: what went wrong and what to do"),
      details: z.unknown(),
    }),
  })
  .meta({ id: "Error" });

export const HealthResponse = z.object({ status: z.literal("ok"), version: z.string() });
/** A background job as its followers see it (platform/jobs.ts). */
export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
  progress: z.number(),
  detail: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Whether the caller may cancel it now (who started it, or the process's secretariat, while it runs). */
  can: z.object({ cancel: z.boolean() }),
});

export const ReadyResponse = z.object({
  status: z.enum(["ready", "unavailable"]),
  database: z.enum(["pglite", "postgres"]),
});
