import { existsSync } from "node:fs";
import path from "node:path";
import { constants as zlibConstants } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyRequest, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { DestinationStream, LoggerOptions } from "pino";
import { webDistDir } from "./build.ts";
import type { Config } from "./config.ts";
import { resolveActor } from "./modules.ts";
import { ActorCache } from "./platform/actor-cache.ts";
import { AnswerCache, changesChannel, hasCredentials } from "./platform/answer-cache.ts";
import { answerServerFactory } from "./platform/answer-server.ts";
import { feedTokenOf, redactFeedToken } from "./platform/api-tokens.ts";
import { type Auth, createAuth } from "./platform/auth.ts";
import { registerAuthBridge } from "./platform/auth-bridge.ts";
import { type Actor, anonymous } from "./platform/authz.ts";

import type { Database } from "./platform/db.ts";
import { EventHub, onCommitted } from "./platform/events.ts";
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers } from "./platform/http-errors.ts";
import { installInputGuard } from "./platform/input-guard.ts";
import { JobRunner } from "./platform/jobs.ts";
import type { ServerDeps, ZodApp } from "./platform/module.ts";
import { installedModules } from "./platform/registry.ts";
import {
  actorOfRequest,
  checkAdministratorSecondFactor,
  checkFeedTokenPlacement,
  checkRequestOrigin,
  checkTokenAccess,
  securityHeaders,
} from "./platform/request-guards.ts";
import { registerPlatformRoutes } from "./platform/routes.ts";
import { version } from "./version.ts";

export type BuildOptions = {
  config: Config;
  database: Database;
  /** Replaces the logger configuration entirely (`false` silences it). */
  logger?: FastifyServerOptions["logger"];
  /** Keeps our logger options but writes the lines to this stream instead of standard output. */
  logStream?: DestinationStream;
  /** How often live event streams send a keep-alive and re-check their actor (default 25 s). */
  liveKeepAliveMs?: number;
};

/** Log fields that carry credentials; pino replaces their values before a line is written. */
export const redactedLogPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
  '*.headers["set-cookie"]',
  "password",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
];

/**
 * Structured logs (pino): every request line carries its request id (`reqId`, also sent back as
 * `x-request-id`), requests are logged with their headers so a problem can be traced, and cookies,
 * authorization headers, passwords and a feed token in the address (`?token=`) are replaced by
 * `[redacted]` wherever they appear.
 */
export function loggerOptions(config: Config): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: redactedLogPaths, censor: "[redacted]" },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactFeedToken(request.url ?? ""),
        // A hit answered in front of Fastify logs the raw request, which has no `ip` of its own.
        remoteAddress: request.ip ?? request.socket?.remoteAddress,
        headers: { ...request.headers },
      }),
    },
  };
}

export type AstanaApp = { app: ZodApp; deps: ServerDeps; auth: Auth };

/**
 * Assembles the HTTP server: contracts, error shape, OpenAPI, sessions, the platform's routes, every
 * module's routes, the live event stream and the web app. Nothing listens until the caller says so.
 */
export async function buildApp({
  config,
  database,
  logger,
  logStream,
  liveKeepAliveMs,
}: BuildOptions): Promise<AstanaApp> {
  const cache = new AnswerCache();
  const actors = new ActorCache();
  let appLog: FastifyBaseLogger | undefined;
  const app = Fastify({
    logger: logger ?? { ...loggerOptions(config), ...(logStream ? { stream: logStream } : {}) },
    serverFactory: answerServerFactory(cache, () => appLog),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  appLog = app.log;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  await installAnswerCache(app as unknown as ZodApp, database, cache, () => {
    cache.invalidate();
    actors.invalidate();
  });
  installInputGuard(app);
  // Shutting down: requests already under way finish, and their connections are not kept alive
  // afterwards, so closing waits for the work in flight and not for idle keep-alive sockets.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
    cache.stopFastPath();
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // No sniffing of content types, no framing by other sites, no full addresses leaked to them.
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    reply.headers(securityHeaders(config));
    if (closing) reply.header("connection", "close");
  });

  const auth = createAuth({
    db: database.db,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    secureCookies: config.secureCookies,
    signInAttemptsPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    signInRequestsPerMinute: config.SIGN_IN_REQUESTS_PER_MINUTE,
    log: app.log,
  });
  const events = new EventHub(database, (error) =>
    app.log.error({ err: error }, "live event dispatch failed"),
  );
  const jobs = new JobRunner(database.db, (error) => app.log.error({ err: error }, "background job failed"), {
    holds: config.ASTANA_TEST_HOLD_JOBS,
  });
  const deps: ServerDeps = { config, database, db: database.db, auth, events, jobs, log: app.log };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Astana API",
        version,
        description: "Convening multilateral peace talks and following through what they agree.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "astana.session_token" },
          apiToken: { type: "http", scheme: "bearer", description: "A personal API token (astana_…)" },
          feedToken: {
            type: "apiKey",
            in: "query",
            name: "token",
            description: "A feed token (astana_…, access feed): accepted only by feeds, only in the address",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.decorateRequest("actor", null as unknown as { kind: "anonymous" });
  app.addHook("onRequest", async (request) => {
    request.actor = anonymous;
  });
  const actorOf = (request: FastifyRequest): Promise<Actor> =>
    // Without a cookie, an authorization header or a feed token there is nothing to look up: the public.
    hasCredentials(request)
      ? actors.resolve(
          `${request.headers.cookie ?? ""}\u0001${request.headers.authorization ?? ""}\u0001${feedTokenOf(request.url) ?? ""}`,
          () =>
            actorOfRequest(
              request,
              database.db,
              async () => {
                const session = await auth.api
                  .getSession({ headers: toHeaders(request.headers) })
                  .catch(() => null);
                return session?.user?.id ?? null;
              },
              resolveActor,
            ),
        )
      : Promise.resolve(anonymous);
  // Before the body is even read: a cookie-authenticated change from a foreign page is refused, and a
  // token in the address of a route that is not a feed is refused before the route's contracts run.
  app.addHook("onRequest", async (request) => {
    checkRequestOrigin(request, config);
    checkFeedTokenPlacement(request);
  });
  app.addHook("preHandler", async (request, reply) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
    request.actor = await actorOf(request);
    checkTokenAccess(request, request.actor);
    await checkAdministratorSecondFactor(request, request.actor, database.db, config);
    if (request.actor.kind === "account") {
      // Every later line of this request (including "request completed") names who made it.
      const log = request.log.child({ actorId: request.actor.accountId });
      request.log = log;
      reply.log = log;
    }
  });

  await registerAuthBridge(app, auth, database.db, {
    perAccount: config.SIGN_IN_FAILURES_PER_ACCOUNT,
    perAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
    windowMs: config.SIGN_IN_LOCKOUT_MINUTES * 60_000,
  });
  await app.register(
    async (api) => {
      await registerPlatformRoutes(api as unknown as ZodApp, deps, {
        // A token revoked (or an account disabled) while its stream is open turns the stream public.
        eventStream: {
          refreshActor: (request) => actorOf(request).catch(() => anonymous),
          keepAliveMs: liveKeepAliveMs,
        },
      });
      for (const module of installedModules()) await module.routes?.(api as unknown as ZodApp, deps);
    },
    { prefix: "/api" },
  );

  if (config.SERVE_WEB && existsSync(path.join(webDistDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: false,
      // Vite writes .br and .gz beside each asset at build time: sent as they are, never compressed per request.
      preCompressed: true,
      setHeaders: (response, filePath) => {
        // Hashed file names change with their content, so browsers and proxies keep them for good.
        const hashed = filePath.startsWith(path.join(webDistDir, "assets") + path.sep);
        response.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply.callNotFound();
      }
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html");
    });
  }

  app.addHook("onClose", async () => {
    await jobs.stop();
    await events.stop();
  });
  return { app: app as unknown as ZodApp, deps, auth };
}

/**
 * Answers GETs of the API from memory when nothing has changed since they were computed (see
 * platform/answer-cache.ts for why that never crosses tiers), says how long proxies may keep them, and
 * compresses what is computed afresh. Registered before any other hook, so a cached answer costs no
 * session lookup, no query and no serialization.
 */
async function installAnswerCache(
  app: ZodApp,
  database: Database,
  cache: AnswerCache,
  invalidate: () => void,
): Promise<void> {
  app.addHook("onRequest", (request, reply) => {
    // A change to credentials (sign-out, revoked sessions, a new password) forgets what the old ones
    // were given, before it is made and again once it is done.
    if (request.method !== "GET" && request.url.startsWith("/api/auth/")) invalidate();
    return cache.serve(request, reply);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    cache.keep(request, reply, payload);
    if (request.url.startsWith("/api/") && request.method === "GET" && !reply.hasHeader("cache-control")) {
      reply.header("vary", "Cookie, Authorization, Accept-Language, Accept-Encoding");
      reply.header(
        "cache-control",
        hasCredentials(request) || reply.statusCode >= 400 || !request.routeOptions.url
          ? "private, no-store"
          : "public, max-age=0, s-maxage=1, must-revalidate",
      );
    }
    return payload;
  });
  app.addHook("onResponse", async (request, reply) => {
    // The headers the stored answer went out with: later hits write them straight to the socket.
    cache.release(request, reply.getHeaders());
    // better-auth writes sessions and credentials itself: a sign-out, a revoked session or a new
    // password must not leave an answer computed for the old credentials.
    if (request.method !== "GET" && request.url.startsWith("/api/auth/")) invalidate();
  });
  app.addHook("onRequestAbort", async (request) => cache.release(request));
  const stopLocal = onCommitted(() => invalidate());
  let unlisten: (() => Promise<void>) | undefined;
  app.addHook("onReady", async () => {
    unlisten = await database.listen(
      changesChannel,
      () => invalidate(),
      () => invalidate(),
    );
  });
  app.addHook("onClose", async () => {
    stopLocal();
    await unlisten?.();
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Runs every installed module's `onOpen` then `onStart` (after migrations) and starts the event listener. */
export async function startModules(deps: ServerDeps): Promise<void> {
  await deps.events.start();
  await deps.jobs.start();
  for (const module of installedModules()) await module.onOpen?.(deps);
  for (const module of installedModules()) await module.onStart?.(deps);
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
