import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/server/platform/db.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** A port nobody listens on right now, found by letting the system pick one and releasing it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server not ready in time");
}

describe("graceful shutdown on SIGTERM", () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "astana-shutdown-"));
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finishes the request under way, ends live streams, closes the database and exits 0", async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ["src/cli/main.ts", "serve"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        SERVE_WEB: "off",
        DEMO: "off",
        LOG_LEVEL: "info",
      },
    });
    child = server;
    let output = "";
    server.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    server.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));

    await waitUntilReady(baseUrl, server);

    // A live stream stays open until the server ends it.
    const stream = await fetch(`${baseUrl}/api/events`);
    const reader = stream.body?.getReader();
    if (!reader) throw new Error("no stream body");
    await reader.read();
    const streamEnded = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({
      email: "late@example.org",
      name: "Late",
      password: "correct horse battery",
    });
    const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${baseUrl}/api/accounts`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => {
            text += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 500);
      }, 300);
    });

    const signalledAt = Date.now() + 300;
    const answer = await slow;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.code).toBe("unauthenticated");
    expect(await streamEnded).toBe(true);
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);

    const logLines = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { msg?: string; res?: { statusCode?: number } });
    const messages = logLines.map((line) => line.msg);
    const signalled = messages.indexOf("shutting down: finishing requests");
    const finished = logLines.findIndex(
      (line) => line.msg === "request completed" && line.res?.statusCode === 401,
    );
    const closed = messages.indexOf("database closed");
    expect(signalled).toBeGreaterThanOrEqual(0);
    expect(finished).toBeGreaterThan(signalled);
    expect(closed).toBeGreaterThan(finished);

    // The embedded database was closed cleanly: it opens again at once and answers.
    const reopened = await openPglite(path.join(dataDir, "pglite"));
    try {
      const result = await reopened.query<{ count: number }>("select count(*)::int as count from audit_log");
      expect(result.rows[0]?.count).toBeGreaterThanOrEqual(0);
    } finally {
      await reopened.close();
    }
  }, 90_000);
});
