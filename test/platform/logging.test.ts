import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AstanaApp, buildApp, startModules } from "../../src/server/app.ts";
import type { Database } from "../../src/server/platform/db.ts";
import { createTestAccount, nextRemoteAddress, testConfig } from "../helpers/app.ts";
import { freshDatabase } from "../helpers/database.ts";

type LogLine = Record<string, unknown> & { msg?: string; reqId?: string };

const lines: string[] = [];
const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);

let built: AstanaApp;
let database: Database;
let accountId: string;

beforeAll(async () => {
  database = await freshDatabase();
  const config = testConfig({ LOG_LEVEL: "info" });
  built = await buildApp({ config, database, logStream: { write: (line: string) => lines.push(line) } });
  await startModules(built.deps);
  await built.app.ready();
  accountId = await createTestAccount(database.db, {
    email: "logged@example.org",
    password: "correct horse battery",
  });
});
afterAll(async () => {
  await built?.app.close();
  await database?.close();
});

const request = (options: InjectOptions) =>
  built.app.inject({ remoteAddress: nextRemoteAddress(), ...options });

describe("request logs", () => {
  it("tags every line of a request with its id, the one sent back as x-request-id", async () => {
    for (const url of ["/api/health", "/api/no-such-route", "/api/audit"]) {
      lines.length = 0;
      const response = await request({ method: "GET", url });
      const requestId = response.headers["x-request-id"];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const own = parsed();
      expect(own.map((line) => line.msg)).toEqual(
        expect.arrayContaining(["incoming request", "request completed"]),
      );
      for (const line of own) expect(line.reqId, `${url}: ${JSON.stringify(line)}`).toBe(requestId);
    }
  });

  it("does not trust a request id sent by the client", async () => {
    const response = await request({
      method: "GET",
      url: "/api/health",
      headers: { "x-request-id": "forged" },
    });
    expect(response.headers["x-request-id"]).not.toBe("forged");
  });

  it("names the signed-in actor on the request's lines once it is known", async () => {
    const signIn = await request({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "logged@example.org", password: "correct horse battery" },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.map((item) => `${item.name}=${item.value}`).join("; ");
    lines.length = 0;
    const response = await request({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const completed = parsed().find((line) => line.msg === "request completed");
    expect(completed).toMatchObject({ reqId: response.headers["x-request-id"], actorId: accountId });
  });

  it("redacts cookies, authorization headers and passwords", async () => {
    lines.length = 0;
    const signIn = await request({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "logged@example.org", password: "correct horse battery" },
    });
    const token = signIn.cookies.find((item) => item.name.includes("session_token"))?.value;
    expect(token).toBeTruthy();
    await request({
      method: "GET",
      url: "/api/me",
      headers: {
        cookie: `astana.session_token=${token}`,
        authorization: "Bearer very-secret-bearer-token",
        "user-agent": "log-test/1.0",
      },
    });
    built.app.log.info(
      { headers: { cookie: "raw-cookie-value" }, body: { password: "hunter2-hunter2" } },
      "careless",
    );
    const text = lines.join("");
    expect(text).not.toContain(String(token));
    expect(text).not.toContain("very-secret-bearer-token");
    expect(text).not.toContain("raw-cookie-value");
    expect(text).not.toContain("correct horse battery");
    expect(text).not.toContain("hunter2-hunter2");
    const incoming = parsed().find(
      (line) => line.msg === "incoming request" && (line.req as { url: string }).url === "/api/me",
    );
    expect(incoming).toBeDefined();
    expect((incoming?.req as { headers?: Record<string, string> } | undefined)?.headers).toMatchObject({
      cookie: "[redacted]",
      authorization: "[redacted]",
      "user-agent": "log-test/1.0",
    });
  });

  it("redacts a feed token in the address (?token=) from every line, on a feed and on any other route", async () => {
    const secret = "astana_feedSecretValueThatMustNotBeLogged";
    for (const url of [
      `/api/processes/astana/rounds.ics?lang=ru&token=${secret}`,
      `/api/health?token=${secret}&x=1`,
      `/api/no-such-route?token=${secret}`,
    ]) {
      lines.length = 0;
      await request({ method: "GET", url });
      expect(lines.join("\n"), url).not.toContain(secret);
      const incoming = parsed().find((line) => line.msg === "incoming request") as
        | { req?: { url?: string } }
        | undefined;
      expect(incoming?.req?.url, url).toContain("token=[redacted]");
    }
  });

  it("writes a repeated public read straight from the answer cache, with the computed answer's headers and its own log line", async () => {
    const first = await request({ method: "GET", url: "/api/processes" });
    expect(first.statusCode).toBe(200);
    lines.length = 0;
    const again = await request({ method: "GET", url: "/api/processes" });
    expect(again.body).toBe(first.body);
    const completed = parsed().find((line) => line.msg === "request completed");
    expect(completed).toMatchObject({ reqId: again.headers["x-request-id"], cache: "hit" });
    for (const header of ["content-type", "cache-control", "vary", "content-security-policy", "etag"]) {
      expect(again.headers[header], header).toBe(first.headers[header]);
    }
  });

  it("answers a repeated read over a real socket from the cache, before routing, with the same headers, 304 and log lines", async () => {
    await built.app.listen({ port: 0, host: "127.0.0.1" });
    const address = built.app.server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const url = `${base}/api/openapi.json`;
    const first = await fetch(url, { headers: { "accept-encoding": "gzip" } });
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    lines.length = 0;
    const again = await fetch(url, { headers: { "accept-encoding": "gzip" } });
    expect(await again.text()).toBe(firstBody);
    for (const header of ["content-type", "cache-control", "vary", "content-security-policy", "etag"]) {
      expect(again.headers.get(header), header).toBe(first.headers.get(header));
    }
    const requestId = again.headers.get("x-request-id");
    expect(requestId).not.toBe(first.headers.get("x-request-id"));
    const own = parsed().filter((line) => line.reqId === requestId);
    expect(own.map((line) => line.msg)).toEqual(["incoming request", "request completed"]);
    expect(own[1]).toMatchObject({ cache: "hit", res: { statusCode: 200 } });
    const unchanged = await fetch(url, { headers: { "if-none-match": String(again.headers.get("etag")) } });
    expect(unchanged.status).toBe(304);
  });
});
