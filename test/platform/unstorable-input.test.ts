import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../../src/server/app.ts";
import type { Database } from "../../src/server/platform/db.ts";
import type { ZodApp } from "../../src/server/platform/module.ts";
import { startTestApp, type TestApp, testConfig } from "../helpers/app.ts";
import { freshDatabase } from "../helpers/database.ts";
import { expectError, namedFields } from "../helpers/error-shape.ts";

const _validSetup = { email: "admin@example.org", name: "First Admin", password: "correct horse battery" };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function countRows(table: "user" | "account" | "audit_log"): Promise<number> {
  const result = await app.database.db.execute(sql.raw(`select count(*)::int as n from "${table}"`));
  const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as {
    n: number;
  }[];
  return rows[0]?.n ?? -1;
}

const postSetup = (payload: unknown, headers: Record<string, string> = {}) =>
  app.request({
    method: "POST",
    url: "/api/setup",
    headers: { "content-type": "application/json", ...headers },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });

describe("characters PostgreSQL cannot store, on the real routes (issue 12: these answered 500)", () => {
  it("refuses a NUL in any {id} of a path with 400 before any query", async () => {
    for (const url of [
      "/api/processes/a%00b",
      "/api/rounds/%00",
      "/api/participants/a%00b",
      "/api/meetings/%00",
      "/api/round-delegations/a%00b",
      "/api/processes/a%00b/conflicts",
      "/api/record/round/a%00b",
      "/api/sources/a%00b",
    ]) {
      const error = expectError(await app.request({ method: "GET", url }), 400, "invalid_input");
      expect(JSON.stringify(error.details), url).toContain("unstorable_character");
    }
  });

  it("refuses a NUL in a query value with 400", async () => {
    for (const url of ["/api/sources?q=a%00b", "/api/audit?actor=%00", "/api/processes?x=%00"]) {
      expectError(await app.request({ method: "GET", url }), 400, "invalid_input");
    }
  });

  it("refuses a NUL in an id field of a body with 400 naming the field, even unauthenticated", async () => {
    const error = expectError(
      await app.request({
        method: "POST",
        url: "/api/record/citations",
        payload: { subjectType: "round", subjectId: "a\u0000b", source: { url: "https://example.org/a" } },
      }),
      400,
      "invalid_input",
    );
    expect(namedFields(error.details)).toContain("body.subjectId");
  });

  it("refuses a NUL in a key, a lone surrogate in a value and absurd nesting anywhere in a body", async () => {
    const users = await countRows("user");
    for (const payload of [
      '{"email":"a@b.org","name":"A","password":"correct horse battery","x\\u0000":1}',
      '{"email":"a@b.org","name":"\\ud800","password":"correct horse battery"}',
      `{"email":"a@b.org","name":${"[".repeat(20_000)}${"]".repeat(20_000)},"password":"correct horse battery"}`,
    ]) {
      expectError(await postSetup(payload), 400, "invalid_input");
    }
    expect(await countRows("user")).toBe(users);
  });
});

describe("a route whose contract forgets, and database errors that are the client's fault", () => {
  // Probe routes declared carelessly (plain z.string(), raw SQL), added to the real server: the
  // platform's guard and error handler must still keep every answer a 4xx in the one shape.
  let database: Database;
  let probe: ZodApp;
  const faults: Record<string, string> = {
    "string-too-long": "do $$ declare v varchar(2); begin v := 'abcdef'; end $$",
    "bad-byte-sequence": "select convert_from('\\x00'::bytea, 'UTF8') as v",
    "not-a-number": "select 'abc'::int as v",
    "out-of-range": "select 2147483648::int as v",
    "program-limit": "select repeat('x', 1073741824) as v",
  };
  beforeAll(async () => {
    database = await freshDatabase();
    probe = (await buildApp({ config: testConfig(), database, logger: false })).app;
    probe.post(
      "/api/careless/:id",
      { schema: { params: z.object({ id: z.string() }), body: z.object({ text: z.string() }) } },
      async (request) => {
        await database.db.execute(sql`select ${request.params.id}::text, ${request.body.text}::text`);
        return { ok: true };
      },
    );
    probe.get("/api/fault/:name", { schema: { params: z.object({ name: z.string() }) } }, async (request) => {
      await database.db.execute(sql.raw(faults[request.params.name] ?? "select 1"));
      return { ok: true };
    });
    await probe.ready();
  });
  afterAll(async () => {
    await probe?.close();
    await database?.close();
  });

  it("answers a NUL in the path or the body of a careless route with 400, not a database error", async () => {
    const ok = await probe.inject({ method: "POST", url: "/api/careless/abc", payload: { text: "fine" } });
    expect(ok.statusCode, ok.body).toBe(200);
    expectError(
      await probe.inject({ method: "POST", url: "/api/careless/a%00b", payload: { text: "fine" } }),
      400,
      "invalid_input",
    );
    expectError(
      await probe.inject({ method: "POST", url: "/api/careless/abc", payload: { text: "a\u0000b" } }),
      400,
      "invalid_input",
    );
  });

  it("turns data exceptions and program limits raised by a read into 422, never 500", async () => {
    for (const name of Object.keys(faults)) {
      const response = await probe.inject({ method: "GET", url: `/api/fault/${name}` });
      expect(response.statusCode, name).toBe(422);
      const error = expectError(response, 422);
      expect(error.code, name).toMatch(/^(invalid_value|input_too_large)$/);
    }
  });
});
