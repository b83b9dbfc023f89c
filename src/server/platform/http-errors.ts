import type { Duplex } from "node:stream";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { DomainError } from "./errors.ts";
import { translateDatabaseError } from "./operation.ts";

/** The one error body every failure answers with. */
export type ErrorBody = { error: { code: string; message: string; details: unknown } };

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/** Fastify's own error codes that are the client's mistake, with a message a person can act on. */
const frameworkErrors: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: "malformed_json",
    message: "The request body is not valid JSON.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: "empty_body",
    message: "The request says it sends JSON but the body is empty.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: "payload_too_large",
    message: "The request body is larger than this server accepts.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "Send the body as application/json.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: "bad_content_length",
    message: "The Content-Length header does not match the body.",
  },
  FST_ERR_BAD_URL: { status: 400, code: "bad_url", message: "The address is not correctly encoded." },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: "bad_request", message: "The request could not be routed." },
  FST_ERR_INVALID_URL: { status: 400, code: "bad_url", message: "The address is not valid." },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: "uri_too_long",
    message: "A part of the address is too long.",
  },
};

/** One field at fault, as a form shows it: where (`body.email`), what is wrong, and zod's issue code. */
export type InputIssue = { path: (string | number)[]; message: string; code: string };

/**
 * Turns one zod issue (as the type provider reports it) into the fields it concerns. An unknown key is
 * reported under its own name, so the client learns which field to drop, not merely that one exists.
 */
function inputIssues(
  context: string,
  instancePath: string,
  code: string,
  message: string | undefined,
  params: Record<string, unknown>,
): InputIssue[] {
  const path = [context, ...instancePath.split("/").filter(Boolean)];
  const text = message ?? "Invalid value.";
  if (code === "unrecognized_keys" && Array.isArray(params.keys)) {
    return params.keys.map((key) => ({ path: [...path, String(key)], message: "Unknown field.", code }));
  }
  return [{ path, message: text, code }];
}

/**
 * Installs the error and not-found handlers so every failure, from a zod issue to a framework error
 * raised before routing, answers `{ error: { code, message, details } }` and never a stack trace.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  // The API speaks JSON only: a text/plain body must answer 415, not reach a contract as a string.
  app.removeContentTypeParser("text/plain");
  app.setErrorHandler((rawError: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const error = translateDatabaseError(rawError) as FastifyError;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.flatMap((issue) =>
        inputIssues(
          error.validationContext ?? "body",
          issue.instancePath,
          issue.keyword,
          issue.message,
          issue.params,
        ),
      );
      const fields = [...new Set(issues.map((issue) => issue.path.join(".")))].join(", ");
      return reply
        .status(400)
        .send(errorBody("invalid_input", `The request is not valid: check ${fields}.`, { issues }));
    }
    if (error instanceof DomainError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    const known = error.code ? frameworkErrors[error.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its contract");
      return reply
        .status(500)
        .send(errorBody("internal_error", "The server could not complete the request."));
    }
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody("bad_request", error.message));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send(
        errorBody("internal_error", "The server could not complete the request.", { requestId: request.id }),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(errorBody("route_not_found", `There is no ${request.method} ${shortPath(request.url)} here.`));
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode < 400 || request.method === "HEAD") return payload;
    if (payload !== null && payload !== undefined && typeof payload !== "string") return payload;
    const shaped = inOurShape(reply.statusCode, payload ?? "");
    if (shaped === undefined) return payload;
    reply.removeHeader("content-length");
    reply.header("content-type", "application/json; charset=utf-8");
    return shaped;
  });
}

/** The path of an address, cut short so an error message never echoes kilobytes back. */
function shortPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}

const statusCodes: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "too_many_requests",
};

/**
 * An error body that is not yet in our shape, rewritten into it; undefined when it already is. Bodies
 * from libraries that answer on their own (better-auth's `{ code, message }`) keep their code, in our
 * lower-case style, and their message; a server error keeps nothing but the fact.
 */
export function inOurShape(status: number, payload: string): string | undefined {
  let parsed: unknown = null;
  try {
    parsed = payload.length > 0 ? JSON.parse(payload) : null;
  } catch {
    parsed = null;
  }
  const record = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const inner = record.error;
  if (typeof inner === "object" && inner !== null && "code" in inner && "message" in inner) return undefined;
  if (status >= 500) {
    return JSON.stringify(errorBody("internal_error", "The server could not complete the request."));
  }
  const rawCode = typeof record.code === "string" ? record.code : undefined;
  const code = rawCode?.toLowerCase().replace(/[^a-z0-9]+/g, "_") ?? statusCodes[status] ?? "bad_request";
  const message =
    typeof record.message === "string" && record.message.length > 0
      ? record.message
      : "The request could not be completed.";
  return JSON.stringify(errorBody(code === "validation_error" ? "invalid_input" : code, message));
}

/** Errors Fastify raises before any handler (a bad URL, an over-long parameter), in the same shape. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const known = error.code ? frameworkErrors[error.code] : undefined;
  const status = known?.status ?? (typeof error.statusCode === "number" ? error.statusCode : 400);
  reply
    .status(status)
    .send(errorBody(known?.code ?? "bad_request", known?.message ?? "The request could not be understood."));
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (headers too large, a malformed request
 * line, a request that took too long): answered on the socket, in the same shape, then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const { status, reason, code, message } =
    error.code === "HPE_HEADER_OVERFLOW"
      ? {
          status: 431,
          reason: "Request Header Fields Too Large",
          code: "headers_too_large",
          message: "The request's headers are too large.",
        }
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? {
            status: 408,
            reason: "Request Timeout",
            code: "request_timeout",
            message: "The request took too long to arrive.",
          }
        : {
            status: 400,
            reason: "Bad Request",
            code: "bad_request",
            message: "The request could not be understood.",
          };
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
