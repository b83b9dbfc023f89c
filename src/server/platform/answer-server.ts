// The HTTP server in front of Fastify: a GET whose answer the cache holds (sent once already through
// the whole stack, so with the headers it earned there) is written before any routing, request object,
// logger child or hook; everything else goes to Fastify's handler unchanged.

import { randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions as ServerOptionsOfNode,
  type ServerResponse,
} from "node:http";
import type { FastifyBaseLogger } from "fastify";
import type { Logger } from "pino";
import { type AnswerCache, writeHit } from "./answer-cache.ts";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
/** The part of Fastify's options its own node:http server is made with. */
type ServerOptions = {
  http?: ServerOptionsOfNode;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
};

/**
 * A Fastify `serverFactory`: the same node:http server Fastify would make (its keep-alive, request and
 * connection timeouts), with the answer cache's hits answered first. Hits keep their request id and,
 * at `info`, their two log lines, so a hit is as visible in the logs as any other request.
 */
export function answerServerFactory(cache: AnswerCache, logger: () => FastifyBaseLogger | undefined) {
  return (fastifyHandler: Handler, options: ServerOptions): Server => {
    const server = createServer(options.http ?? {}, (request, response) => {
      const entry = cache.hitFor(request.method, request.url, request.headers);
      if (!entry) {
        fastifyHandler(request, response);
        return;
      }
      const requestId = randomUUID();
      const log = logger() as Logger | undefined;
      if (log?.isLevelEnabled?.("info")) logHit(log, request, response, requestId);
      writeHit(request.method, request.headers, response, entry, requestId);
    });
    server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
    server.requestTimeout = options.requestTimeout ?? 0;
    server.setTimeout(options.connectionTimeout ?? 0);
    return server;
  };
}

function logHit(log: FastifyBaseLogger, request: IncomingMessage, response: ServerResponse, reqId: string) {
  const started = performance.now();
  log.info({ reqId, req: request }, "incoming request");
  response.once("finish", () =>
    log.info(
      {
        reqId,
        res: { statusCode: response.statusCode },
        responseTime: performance.now() - started,
        cache: "hit",
      },
      "request completed",
    ),
  );
}
