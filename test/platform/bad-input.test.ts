import { connect } from "node:net";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../../src/server/app.ts";
import type { Database } from "../../src/server/platform/db.ts";
import type { ZodApp } from "../../src/server/platform/module.ts";
import { createTestAccount, startTestApp, type TestApp, testConfig } from "../helpers/app.ts";
import { freshDatabase } from "../helpers/database.ts";
import { expectError, namedFields } from "../helpers/error-shape.ts";

const validSetup = { email: "admin@example.org", name: "First Admin", password: "correct horse battery" };

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

describe("hostile request bodies", () => {
  it("answers malformed JSON with 400 malformed_json", async () => {
    expectError(await postSetup('{"email": "a@b.org", "name": '), 400, "malformed_json");
    expectError(await postSetup("{'single': 'quotes'}"), 400, "malformed_json");
  });

  it("answers an empty JSON body with 400", async () => {
    expectError(await postSetup(""), 400, "empty_body");
  });

  it("answers a missing body with 400 naming the body", async () => {
    const error = expectError(await app.request({ method: "POST", url: "/api/setup" }), 400, "invalid_input");
    expect(namedFields(error.details)).toContain("body");
  });

  it("answers JSON that is not an object with 400", async () => {
    for (const payload of ["null", "[]", "42", '"text"', "true"]) {
      expectError(await postSetup(payload), 400, "invalid_input");
    }
  });

  it("answers wrong types with 400 invalid_input naming each field", async () => {
    const error = expectError(
      await postSetup({ email: 5, name: ["a"], password: true }),
      400,
      "invalid_input",
    );
    expect(namedFields(error.details)).toEqual(
      expect.arrayContaining(["body.email", "body.name", "body.password"]),
    );
    expect(error.message).toContain("body.email");
  });

  it("answers an unknown field with 400 invalid_input naming it", async () => {
    const error = expectError(
      await postSetup({ ...validSetup, isAdmin: false, role: "x" }),
      400,
      "invalid_input",
    );
    expect(namedFields(error.details)).toEqual(expect.arrayContaining(["body.isAdmin", "body.role"]));
  });

  it("answers prototype-polluting keys as unknown fields, and pollutes nothing", async () => {
    const error = expectError(
      await postSetup(
        `{"email":"a@b.org","name":"A","password":"correct horse battery","__proto__":{"isAdmin":true}}`,
      ),
      400,
    );
    expect(error.code).toMatch(/invalid_input|malformed_json/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("answers a body over BODY_LIMIT_BYTES with 413 payload_too_large", async () => {
    const big = JSON.stringify({ ...validSetup, name: "x".repeat(app.config.BODY_LIMIT_BYTES) });
    expectError(await postSetup(big), 413, "payload_too_large");
  });

  it("answers a body that is not JSON with 415", async () => {
    expectError(
      await postSetup("email=a@b.org", { "content-type": "application/x-www-form-urlencoded" }),
      415,
    );
    expectError(await postSetup("hello", { "content-type": "text/plain" }), 415, "unsupported_media_type");
  });

  it("refuses control characters and 100 kB strings in a name", async () => {
    for (const name of [
      "Bad\u0000Name",
      "Bell\u0007",
      "C1\u0085control",
      "x".repeat(100_000),
      "   ",
      "\ud800",
    ]) {
      const response = await postSetup({ ...validSetup, name });
      const error = expectError(response, response.statusCode === 422 ? 422 : 400);
      expect(JSON.stringify(error.details)).toContain("name");
    }
  });

  it("refuses numbers where text is expected, including 1e309 (Infinity once parsed)", async () => {
    const error = expectError(
      await postSetup(`{"email":"a@b.org","name":1e309,"password":"correct horse battery"}`),
      400,
    );
    expect(namedFields(error.details)).toContain("body.name");
  });

  it("created nothing while refusing all of the above", async () => {
    expect(await countRows("user")).toBe(0);
    expect(await countRows("account")).toBe(0);
  });
});

describe("addresses", () => {
  it("answers an unknown route with 404 route_not_found", async () => {
    expectError(await app.request({ method: "GET", url: "/api/no-such-thing" }), 404, "route_not_found");
    expectError(await app.request({ method: "POST", url: "/api/no/such/thing" }), 404, "route_not_found");
    expectError(await app.request({ method: "DELETE", url: "/api/setup" }), 404, "route_not_found");
  });

  it("does not echo a long address back in full", async () => {
    const error = expectError(await app.request({ method: "GET", url: `/api/${"a".repeat(5000)}` }), 404);
    expect(error.message.length).toBeLessThan(300);
  });

  it("answers a badly encoded address with 400 in our shape", async () => {
    for (const url of ["/api/%E0%A4%A", "/api/setup%", "/api/%C0%AF", "/api/%ED%A0%80"]) {
      const response = await app.request({ method: "GET", url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expectError(response, response.statusCode);
    }
  });
});

describe("the first-run setup cannot be repeated", () => {
  it("creates the first administrator once; a second identical request is 409 setup_done", async () => {
    expectCreated(await postSetup({ ...validSetup, token: await app.setupToken() }));
    const auditBefore = await countRows("audit_log");
    expectError(await postSetup(validSetup), 409, "setup_done");
    expectError(await postSetup({ ...validSetup, email: "other@example.org" }), 409, "setup_done");
    expect(await countRows("user")).toBe(1);
    expect(await countRows("account")).toBe(1);
    expect(await countRows("audit_log")).toBeLessThanOrEqual(auditBefore + 2);
  });

  it("an existing e-mail is 409 email_taken and writes nothing", async () => {
    await createTestAccount(app.database.db, { email: "boss@example.org", isAdmin: true });
    const cookie = await app.signIn("boss@example.org", "correct horse battery");
    const users = await countRows("user");
    const response = await app.request({
      method: "POST",
      url: "/api/accounts",
      as: cookie,
      payload: { email: "ADMIN@example.org ", name: "Again", password: "correct horse battery" },
    });
    expectError(response, 409, "email_taken");
    expect(await countRows("user")).toBe(users);
  });

  it("creating an account without a session is 401 in our shape", async () => {
    const response = await app.request({
      method: "POST",
      url: "/api/accounts",
      payload: { email: "x@example.org", name: "X", password: "correct horse battery" },
    });
    expectError(response, 401, "unauthenticated");
  });
});

describe("racing first-run setups", () => {
  let raceApp: TestApp;
  beforeAll(async () => {
    raceApp = await startTestApp();
  });
  afterAll(async () => {
    await raceApp?.close();
  });

  it("lets exactly one of several simultaneous setups win", async () => {
    const token = await raceApp.setupToken();
    const responses = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        raceApp.request({
          method: "POST",
          url: "/api/setup",
          payload: {
            email: `admin${n}@example.org`,
            name: `Admin ${n}`,
            password: "correct horse battery",
            token,
          },
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const response of responses.filter((candidate) => candidate.statusCode === 409)) {
      expectError(response, 409, "setup_done");
    }
    const result = await raceApp.database.db.execute(sql`select count(*)::int as n from "user"`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as {
      n: number;
    }[];
    expect(rows[0]?.n).toBe(1);
  });
});

describe("the sign-in endpoints answer in the same shape", () => {
  it("answers bad input, wrong credentials and unknown auth routes as { error }", async () => {
    const auth = { authEndpoint: true };
    const signIn = (payload: unknown) =>
      app.request({ method: "POST", url: "/api/auth/sign-in/email", payload: payload as object });
    expect(expectError(await signIn({ email: 5 }), 400, undefined, auth).code).toMatch(/^[a-z_]+$/);
    expectError(
      await signIn({ email: "nobody@example.org", password: "wrong password" }),
      401,
      undefined,
      auth,
    );
    expectError(
      await app.request({ method: "GET", url: "/api/auth/no-such-endpoint" }),
      404,
      undefined,
      auth,
    );
    expectError(
      await app.request({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { "content-type": "application/json" },
        payload: '{"email":',
      }),
      400,
      "malformed_json",
    );
  });
});

describe("requests Node's HTTP parser refuses", () => {
  it("answers over-long headers with 431 in our shape", async () => {
    const address = await app.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`);
      });
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString("utf8");
      });
      socket.on("close", () => resolve(received));
      socket.on("error", (error) => (received ? resolve(received) : reject(error)));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    expect(body).toEqual({
      error: { code: "headers_too_large", message: expect.any(String), details: null },
    });
  });
});

function expectCreated(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(201);
}

describe("numbers and path parameters on any route", () => {
  // A probe route declared the way modules declare theirs (zod contracts), added to the real server.
  let database: Database;
  let probe: ZodApp;
  beforeAll(async () => {
    database = await freshDatabase();
    const config = testConfig();
    probe = (await buildApp({ config, database, logger: false })).app;
    probe.post(
      "/api/probe/:id",
      {
        schema: {
          params: z.strictObject({ id: z.string().max(64) }),
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }),
          body: z.strictObject({ count: z.int().min(0) }),
        },
      },
      async (request) => ({
        id: request.params.id,
        count: request.body.count,
        limit: request.query.limit ?? null,
      }),
    );
    await probe.ready();
  });
  afterAll(async () => {
    await probe?.close();
    await database?.close();
  });

  const send = (url: string, payload: string) =>
    probe.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload });

  it("accepts the well-formed request (so the refusals below are about the input)", async () => {
    const response = await send("/api/probe/abc?limit=5", '{"count":3}');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: "abc", count: 3, limit: 5 });
  });

  it("refuses Infinity, 1e309 and integers beyond 2^53 in a query with 400 naming the field", async () => {
    for (const limit of ["Infinity", "1e309", "-Infinity", "NaN", "99999999999999999999", "1.5", "abc"]) {
      const error = expectError(
        await send(`/api/probe/abc?limit=${limit}`, '{"count":3}'),
        400,
        "invalid_input",
      );
      expect(namedFields(error.details), limit).toContain("querystring.limit");
    }
  });

  it("refuses 1e309, huge and fractional numbers in a body with 400 naming the field", async () => {
    for (const count of ["1e309", "-1e309", "9007199254740993", "1e20", "2.5", '"3"', "null"]) {
      const error = expectError(await send("/api/probe/abc", `{"count":${count}}`), 400, "invalid_input");
      expect(namedFields(error.details), count).toContain("body.count");
    }
  });

  it("answers an over-long path parameter with a 4xx in our shape", async () => {
    expectError(await send(`/api/probe/${"a".repeat(5000)}`, '{"count":3}'), 414, "uri_too_long");
    const longButAllowed = await send(`/api/probe/${"a".repeat(150)}`, '{"count":3}');
    expectError(longButAllowed, 400, "invalid_input");
  });

  it("answers a badly encoded parameter with 400 in our shape", async () => {
    expectError(await send("/api/probe/%E0%A4%A", '{"count":3}'), 400);
    expectError(await send("/api/probe/%ED%A0%80", '{"count":3}'), 400);
  });
});
