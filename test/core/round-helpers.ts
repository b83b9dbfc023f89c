// The round tests' fixture and requests: a process with its cast, a round planned by its secretariat,
// and a write as any member of the cast.
import { expect } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

/** Starts the app with a process fixture for the file's tests; returns their plan and write requests. */
export function roundTests() {
  const ctx = {} as { app: TestApp; fx: ProcessFixture };
  withProcessFixture((started) => Object.assign(ctx, started));

  async function plan(number: number, extra: Record<string, unknown> = {}) {
    const response = await ctx.app.request({
      method: "POST",
      url: `/api/processes/${ctx.fx.slug}/rounds`,
      as: ctx.fx.as.secretariat,
      payload: { names: { en: `Round ${number}` }, number, ...extra },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function write(
    url: string,
    payload: unknown,
    as = ctx.fx.as.secretariat,
    method: "POST" | "PUT" | "PATCH" = "POST",
  ) {
    return ctx.app.request({ method, url, as, payload: payload as Record<string, unknown> });
  }

  return { ctx, plan, write };
}
