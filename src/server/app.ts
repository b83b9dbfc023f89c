import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { appModules, resolveActor } from "./modules.ts";
import { type Auth, createAuth } from "./platform/auth.ts";
import { registerAuthBridge } from "./platform/auth-bridge.ts";
import { anonymous } from "./platform/authz.ts";
import type { Database } from "./platform/db.ts";
import { EventHub } from "./platform/events.ts";
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers } from "./platform/http-errors.ts";
import type { ServerDeps, ZodApp } from "./platform/module.ts";
import { registerPlatformRoutes } from "./platform/routes.ts";
import { version } from "./version.ts";

export const webDistDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

export type BuildOptions = {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions["logger"];
};

export type AstanaApp = { app: ZodApp; deps: ServerDeps; auth: Auth };

/**
 * Assembles the HTTP server: contracts, error shape, OpenAPI, sessions, the platform's routes, every
 * module's routes, the live event stream and the web app. Nothing listens until the caller says so.
 */
export async function buildApp({ config, database, logger }: BuildOptions): Promise<AstanaApp> {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const auth = createAuth({
    db: database.db,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    secureCookies: config.secureCookies,
    signInAttemptsPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    log: app.log,
  });
  const events = new EventHub(database);
  const deps: ServerDeps = { config, database, db: database.db, auth, events, log: app.log };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Astana API",
        version,
        description: "Convening multilateral peace talks and following through what they agree.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "astana.session_token" } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.decorateRequest("actor", null as unknown as { kind: "anonymous" });
  app.addHook("onRequest", async (request) => {
    request.actor = anonymous;
  });
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
    const session = await auth.api.getSession({ headers: toHeaders(request.headers) }).catch(() => null);
    if (session?.user) request.actor = await resolveActor(database.db, session.user.id);
  });

  await registerAuthBridge(app, auth, database.db);
  await app.register(
    async (api) => {
      await registerPlatformRoutes(api as unknown as ZodApp, deps);
      for (const module of appModules) await module.routes?.(api as unknown as ZodApp, deps);
    },
    { prefix: "/api" },
  );

  if (config.SERVE_WEB && existsSync(path.join(webDistDir, "index.html"))) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false });
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply.callNotFound();
      }
      return reply.sendFile("index.html");
    });
  }

  app.addHook("onClose", async () => {
    await events.stop();
  });
  return { app: app as unknown as ZodApp, deps, auth };
}

/** Runs every module's start-up task (after migrations) and starts the event listener. */
export async function startModules(deps: ServerDeps): Promise<void> {
  await deps.events.start();
  for (const module of appModules) await module.onStart?.(deps);
}

/** Node's incoming headers as a Web `Headers`, which better-auth reads. */
export function toHeaders(incoming: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}
