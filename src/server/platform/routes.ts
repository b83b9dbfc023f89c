import { ErrorResponse, HealthResponse, ReadyResponse } from "../../contracts/platform.ts";
import { version } from "../version.ts";
import { registerAuditRoutes } from "./audit-routes.ts";
import type { ServerDeps, ZodApp } from "./module.ts";
import { defineRead, registerRead } from "./read.ts";
import { type EventStreamOptions, registerEventStream } from "./sse.ts";

export type PlatformRouteOptions = { eventStream?: EventStreamOptions };

/** The platform's own routes: liveness, readiness, the audit log and the live event stream. */
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

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await registerAuditRoutes(app, deps);
  await registerEventStream(app, deps, options.eventStream);
}
