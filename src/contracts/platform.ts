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
export const ReadyResponse = z.object({
  status: z.enum(["ready", "unavailable"]),
  database: z.enum(["pglite", "postgres"]),
});
