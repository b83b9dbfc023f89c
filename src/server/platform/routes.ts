import { z } from "zod";
import { RecordRef } from "../../contracts/common.ts";
import { ErrorResponse, HealthResponse, JobView, ReadyResponse } from "../../contracts/platform.ts";
import { version } from "../version.ts";
import { registerAuditRoutes } from "./audit-routes.ts";
import { cancelJob } from "./job-cancel.ts";
import { getJob, presentJob } from "./jobs.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "./module.ts";
import { defineRead, registerRead } from "./read.ts";
import { type EventStreamOptions, registerEventStream } from "./sse.ts";

export type PlatformRouteOptions = { eventStream?: EventStreamOptions };

/** The platform's own routes: liveness, readiness, background jobs, the audit log and the live event stream. */
export async function registerPlatformRoutes(
  app: ZodApp,
  deps: ServerDeps,
  options: PlatformRouteOptions = {},
): Promise<void> {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "platform.health",
      path: "/health",
      tags: ["platform"],
      summary: "Liveness: the process answers",
      response: HealthResponse,
      cache: "none",
      load: async () => ({ status: "ok" as const, version }),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "platform.ready",
      path: "/ready",
      tags: ["platform"],
      summary: "Readiness: the database answers",
      response: ReadyResponse,
      errors: { 503: ReadyResponse.or(ErrorResponse) },
      cache: "none",
      load: async () => ({ ok: await deps.database.ping() }),
      send: (reply, { ok }) =>
        reply
          .status(ok ? 200 : 503)
          .send({ status: ok ? "ready" : "unavailable", database: deps.database.kind }),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "platform.job.get",
      path: "/jobs/:id",
      tags: ["platform"],
      summary: "A background job the caller may follow: its state, progress, and result or error",
      params: z.object({ id: RecordRef }),
      response: JobView,
      cache: "none",
      canaryNote:
        "A job carries no record's text (its kind, state, progress and counts); it is tier-filtered like one.",
      load: (db, actor, { params }) => getJob(db, actor, params.id),
      present: presentJob,
    }),
  );

  app.post(
    "/jobs/:id/cancel",
    {
      schema: {
        tags: ["platform"],
        summary: "Cancel a running background job (whoever started it, or the process's secretariat)",
        params: z.object({ id: RecordRef }),
        response: { 200: z.object({ jobId: z.string() }), ...writeErrors },
      },
    },
    async (request) => perform(request, deps.db, cancelJob, { jobId: request.params.id }),
  );

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await registerAuditRoutes(app, deps);
  await registerEventStream(app, deps, options.eventStream);
}
