// The door through which the CLI acts while the server holds the embedded database. It is not a route of
// the public application: a separate HTTP listener bound to 127.0.0.1 on a port of the system's
// choosing, so it appears in no OpenAPI document and no reverse proxy in front of the public port can
// reach it. Each request must also come from a loopback address (the socket's, never a forwarded
// header) and carry the token that only the data directory's owner can read in the lock file.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { Config } from "../config.ts";
import type { ServerEndpoint } from "./data-dir-lock.ts";
import type { Database } from "./db.ts";

/** One CLI command sent to the server: its arguments and what it may read from its caller. */
export const CliRequest = z.strictObject({
  argv: z.array(z.string().max(100_000)).max(1000),
  cwd: z.string().min(1).max(4096),
  /** Standard input, for the commands that read it. */
  stdin: z.string().optional(),
  /** The caller's environment variables a command reads (ASTANA_PASSWORD). */
  env: z.record(z.string(), z.string()),
});
export type CliRequest = z.infer<typeof CliRequest>;

/** What the command answered; `files` are written by the CLI process where its caller asked. */
export type CliResponse = {
  exitCode: number;
  stdout: string;
  stderr: string;
  files: { path: string; content: string; private: boolean }[];
};

/** Runs one CLI command inside the server, on the server's database. */
export type CliRunner = (request: CliRequest, database: Database, config: Config) => Promise<CliResponse>;

const loopbackAddresses = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const largestRequestBytes = 64 * 1024 * 1024;

/** Compares two secrets in time independent of where they differ (hashing first evens the lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

function refusal(code: string, message: string) {
  return { error: { code, message, details: null } };
}

async function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > largestRequestBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Starts the loopback listener that runs CLI commands with `runner`; resolves to its endpoint (address
 * and a fresh random token) and a close function that lets commands under way finish.
 */
export async function startCliEndpoint(options: {
  database: Database;
  config: Config;
  runner: CliRunner;
  log: { info(fields: object, message: string): void; error(fields: object, message: string): void };
}): Promise<{ endpoint: ServerEndpoint; close(): Promise<void> }> {
  const token = randomBytes(32).toString("base64url");
  const server = http.createServer(async (request, response) => {
    try {
      if (!loopbackAddresses.has(request.socket.remoteAddress ?? "")) {
        answer(response, 403, refusal("forbidden", "CLI commands are taken from this machine only."));
        return;
      }
      const header = request.headers.authorization ?? "";
      const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
      if (!sameSecret(given, token)) {
        answer(response, 401, refusal("unauthenticated", "A CLI command needs the token of the lock file."));
        return;
      }
      if (request.method !== "POST" || request.url !== "/cli") {
        answer(response, 404, refusal("not_found", "Only POST /cli is served here."));
        return;
      }
      const body = await readBody(request);
      if (body === undefined) {
        answer(response, 413, refusal("payload_too_large", "The command's input is too large."));
        return;
      }
      let parsed: CliRequest;
      try {
        parsed = CliRequest.parse(JSON.parse(body));
      } catch {
        answer(response, 400, refusal("invalid_input", "Not a CLI command."));
        return;
      }
      const startedAt = Date.now();
      const result = await options.runner(parsed, options.database, options.config);
      options.log.info(
        {
          command: commandPath(parsed.argv),
          exitCode: result.exitCode,
          ms: Date.now() - startedAt,
        },
        "cli command",
      );
      answer(response, 200, result);
    } catch (error) {
      options.log.error({ err: error }, "cli command failed");
      if (!response.headersSent)
        answer(response, 500, refusal("internal", "The command failed in the server."));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: { url: `http://127.0.0.1:${port}`, token },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The command's name for the log (`rounds announce`), without the values it was given. */
function commandPath(argv: string[]): string {
  const firstOption = argv.findIndex((arg) => arg.startsWith("-"));
  return (firstOption === -1 ? argv : argv.slice(0, firstOption)).slice(0, 2).join(" ");
}
