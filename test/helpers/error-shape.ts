// The one error shape, as the bad-input tests check it.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

/**
 * Asserts the one error shape: the status, a stable code, a message, details, JSON, and nothing that
 * looks like a stack trace or an internal error.
 */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code?: string,
  { authEndpoint = false } = {},
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const body = response.json();
  // /api/auth/* also repeats code and message at the top level, where better-auth's client reads them.
  expect(Object.keys(body).sort()).toEqual(authEndpoint ? ["code", "error", "message"] : ["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "details", "message"]);
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  if (code) expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+|stack/i);
  return body.error as { code: string; message: string; details: unknown };
}

/** The field paths named by an invalid_input answer, e.g. "body.email". */
export function namedFields(details: unknown): string[] {
  const issues = (details as { issues: { path: (string | number)[] }[] }).issues;
  return issues.map((issue) => issue.path.join("."));
}
