import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasUnstorableCharacters } from "../../contracts/common.ts";
import { errorBody } from "./http-errors.ts";

/** Deeper JSON than this is refused: no request of ours nests more than a few levels. */
export const maxInputDepth = 32;

/** One value the guard refuses, named as a form names a field (`body.source.id`). */
export type GuardIssue = { path: (string | number)[]; message: string; code: string };

const unstorable = "Contains a character that cannot be stored (a NUL or a lone surrogate).";

/**
 * The first value of a request part (its path parameters, query or JSON body) that the database could
 * not store, or nesting deeper than `maxInputDepth`; null when there is none. Walks with its own stack,
 * so a hostile body nested a hundred thousand levels deep cannot overflow the call stack.
 */
export function findUnsafeInput(part: string, value: unknown): GuardIssue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [part] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof current === "string") {
      if (hasUnstorableCharacters(current))
        return { path, message: unstorable, code: "unstorable_character" };
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    // Only parsed input (plain objects and arrays) is walked. A body a route reads as a stream (an ACLED
    // file, a list) is judged by its route: walking it would walk the socket behind it, whose references
    // loop, and refuse every real upload as nested too deep.
    const prototype = Object.getPrototypeOf(current);
    if (!Array.isArray(current) && prototype !== Object.prototype && prototype !== null) continue;
    if (path.length > maxInputDepth) {
      return { path, message: `Nested more than ${maxInputDepth} levels deep.`, code: "too_deep" };
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = [...path, Array.isArray(current) ? Number(key) : key];
      if (hasUnstorableCharacters(key))
        return { path: childPath, message: unstorable, code: "unstorable_character" };
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}

/** A NUL written into the address itself (`/api/processes/a%00b`, `?q=%00`), before any decoding. */
const encodedNul = /%00/i;

function refuse(request: FastifyRequest, reply: FastifyReply, issue: GuardIssue) {
  const body = errorBody("invalid_input", `The request is not valid: check ${issue.path.join(".")}.`, {
    issues: [issue],
  });
  // better-auth's client reads code and message at the top level of /api/auth/* answers.
  const auth = request.url.startsWith("/api/auth/");
  return reply
    .status(400)
    .header("content-type", "application/json; charset=utf-8")
    .send(auth ? { ...body, code: body.error.code, message: body.error.message } : body);
}

/**
 * The platform's guard against input PostgreSQL cannot hold, for every route of every module, before
 * any contract or query sees it: a NUL or lone surrogate in the path, the query or the JSON body (keys
 * included), or a body nested absurdly deep, answers 400 `invalid_input` in the one error shape. The
 * contracts refuse the same values with field-level messages; this guard keeps a route whose contract
 * forgot them from ever turning a client's mistake into a database error and a 500.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (encodedNul.test(request.url)) {
      return refuse(request, reply, {
        path: ["url"],
        message: "The address contains a NUL character (%00).",
        code: "unstorable_character",
      });
    }
  });
  app.addHook("preValidation", async (request, reply) => {
    const issue =
      findUnsafeInput("params", request.params) ??
      findUnsafeInput("querystring", request.query) ??
      findUnsafeInput("body", request.body);
    if (issue) return refuse(request, reply, issue);
  });
}
