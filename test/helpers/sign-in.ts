// What the sign-in tests share: a password, signing in from our own page, and better-auth's error shape.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestApp } from "./app.ts";

export const password = "correct horse battery";

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((cookie) => cookie.value !== "")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/** A request as the web app sends it: from the platform's own origin, as browsers say in `Origin`. */
export function fromOurPage(app: TestApp, options: Parameters<TestApp["request"]>[0]) {
  return app.request({ ...options, headers: { origin: app.config.publicUrl, ...(options.headers ?? {}) } });
}

export function signIn(app: TestApp, email: string, pass: string, remoteAddress?: string) {
  return fromOurPage(app, {
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password: pass },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** The platform's error shape, with better-auth's own code and message kept at the top level. */
export function expectAuthError(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(["code", "error", "message"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "details", "message"]);
  expect(body.error.code).toBe(code);
  expect(body.message).toBe(body.error.message);
  expect(body.code.toLowerCase()).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}
