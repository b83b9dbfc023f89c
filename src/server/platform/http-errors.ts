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
};

/**
 * Installs the error and not-found handlers so every failure, from a zod issue to a framework error
 * raised before routing, answers `{ error: { code, message, details } }` and never a stack trace.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((rawError: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const error = translateDatabaseError(rawError) as FastifyError;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split("/").filter(Boolean)],
        message: issue.message,
        code: issue.params?.issue && (issue.params.issue as { code?: string }).code,
      }));
      const fields = issues.map((issue) => issue.path.join(".")).join(", ");
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
      .send(errorBody("route_not_found", `There is no ${request.method} ${request.url.split("?")[0]} here.`));
  });
}

/** Errors Fastify raises before any handler (a bad URL, an over-long parameter), in the same shape. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const known = error.code ? frameworkErrors[error.code] : undefined;
  const status = known?.status ?? (typeof error.statusCode === "number" ? error.statusCode : 400);
  reply
    .status(status)
    .send(errorBody(known?.code ?? "bad_request", known?.message ?? "The request could not be understood."));
}
