import { ErrorResponse, HealthResponse, ReadyResponse } from "../../contracts/platform.ts";
import { version } from "../version.ts";
import { registerAuditRoutes } from "./audit-routes.ts";
import type { ServerDeps, ZodApp } from "./module.ts";
import { type EventStreamOptions, registerEventStream } from "./sse.ts";

export type PlatformRouteOptions = { eventStream?: EventStreamOptions };

/** The platform's own routes: liveness, readiness, the audit log and the live event stream. */
export async function registerPlatformRoutes(
  app: ZodApp,
  deps: ServerDeps,
  options: PlatformRouteOptions = {},
): Promise<void> {
  app.get(
    "/health",
    {
      schema: {
        tags: ["platform"],
        summary: "Liveness: the process answers",
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: "ok" as const, version }),
  );

  app.get(
    "/ready",
    {
      schema: {
        tags: ["platform"],
        summary: "Readiness: the database answers",
        response: { 200: ReadyResponse, 503: ReadyResponse.or(ErrorResponse) },
      },
    },
    async (_request, reply) => {
      const ok = await deps.database.ping();
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? "ready" : "unavailable", database: deps.database.kind });
    },
  );

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await registerAuditRoutes(app, deps);
  await registerEventStream(app, deps, options.eventStream);
}
