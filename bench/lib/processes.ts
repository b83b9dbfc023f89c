// Real servers for the load benchmarks: the platform as `npm start` runs it (a child process on a
// fresh data directory) and the bare baselines it is compared with, started in the same run.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type Running = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function stopper(child: ChildProcess, cleanup?: () => void): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        cleanup?.();
        resolve();
        return;
      }
      child.once("exit", () => {
        cleanup?.();
        resolve();
      });
      child.kill("SIGTERM");
    });
}

export type AstanaOptions = {
  dataDir?: string;
  env?: Record<string, string>;
  keepDataDir?: boolean;
  /** `astana serve`'s options, e.g. `--build-web-if-needed` for a bench that loads the web app. */
  serveOptions?: string[];
};

/** Spawns `astana serve` as `npm start` does, waits for /api/health, and reports how long that took. */
export async function startAstana(
  options: AstanaOptions = {},
): Promise<Running & { dataDir: string; readyMs: number }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "astana-bench-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.ts", "serve", ...(options.serveOptions ?? [])], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO: "on",
      LOG_LEVEL: "warn",
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`);
  const readyMs = performance.now() - started;
  const cleanup =
    options.keepDataDir || options.dataDir
      ? undefined
      : () => rmSync(dataDir, { recursive: true, force: true });
  return { url, child, dataDir, readyMs, stop: stopper(child, cleanup) };
}

/** What the bare baseline answers on one path: the same bytes and content type as the platform. */
export type BareAnswer = { body: string; contentType: string; headers?: Record<string, string> };

/**
 * A bare Fastify in its own process (as the platform is), answering each path with fixed bytes:
 * what any Node server must at least spend to send the same answer.
 */
export async function startBareFastify(answers: Record<string, BareAnswer>): Promise<Running> {
  const dir = mkdtempSync(path.join(tmpdir(), "astana-bare-"));
  const file = path.join(dir, "answers.json");
  writeFileSync(file, JSON.stringify(answers));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "bench/lib/bare-fastify.ts"), file, String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/ready`);
  return { url, child, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}
