// The CLI's side of "one writer per database": before a command opens the embedded database, it looks
// at the directory's lock. Held by a running server, the command is sent to that server (which runs it
// on its own database, audited as `system:cli`) or, if it cannot run there, refused before anything is
// touched. Held by another short command, it waits for it. Free, the command opens the database itself.
import http from "node:http";
import type { Command } from "commander";
import type { CliResponse } from "../server/platform/cli-endpoint.ts";
import type { LockHolder } from "../server/platform/data-dir-lock.ts";
import {
  CommandDone,
  commandReadsStandardInput,
  inServerCall,
  readStandardInput,
  whyNotThroughServer,
  writeFileAtomically,
} from "./common.ts";

/** How long a command waits for another process that holds the database without serving (starting, or a command). */
const waitForHolderMs = 60_000;
/** The caller's environment variables a command may read inside the server. */
const forwardedEnvironment = ["ASTANA_PASSWORD"];

/** commander's preAction hook: sends the command to the running server, or lets it run here. */
export async function throughRunningServer(_program: Command, command: Command): Promise<void> {
  if (inServerCall.getStore()) return;
  let dataDir: string;
  try {
    const { loadConfig } = await import("../server/config.ts");
    const database = loadConfig().database;
    if (database.kind !== "pglite") return; // a PostgreSQL server takes many clients
    dataDir = database.dataDir;
  } catch {
    return; // the command itself reports the configuration error
  }
  const lock = await import("../server/platform/data-dir-lock.ts");
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder = await holderOnceSettled(dataDir, lock.dataDirHolder);
    if (!holder?.server) return; // free (run here), or still busy (opening reports who holds it)
    const why = whyNotThroughServer(command);
    if (why) throw new lock.DataDirectoryBusy(`${why}\n${lock.describeHolder(dataDir, holder)}`, holder);
    const stdin = commandReadsStandardInput(command) ? await readStandardInput() : undefined;
    let result: CliResponse;
    try {
      result = await send(holder.server, {
        argv: process.argv.slice(2),
        cwd: process.cwd(),
        ...(stdin !== undefined && { stdin }),
        env: Object.fromEntries(
          forwardedEnvironment.flatMap((name) => {
            const value = process.env[name];
            return value === undefined ? [] : [[name, value]];
          }),
        ),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") {
        // The server is stopping (or was killed): look at the lock again.
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      throw error;
    }
    for (const file of result.files) {
      await writeFileAtomically(file.path, Buffer.from(file.content, "base64"), file.private ? 0o600 : 0o644);
    }
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    throw new CommandDone(result.exitCode);
  }
}

/**
 * The live holder of the directory once it is serving or gone: a process that holds it without a
 * server endpoint (a server still starting, another command) is waited for, with a note saying so.
 */
async function holderOnceSettled(
  dataDir: string,
  currentHolder: (dataDir: string) => LockHolder | undefined,
): Promise<LockHolder | undefined> {
  const deadline = Date.now() + waitForHolderMs;
  let noted = false;
  for (;;) {
    const holder = currentHolder(dataDir);
    if (!holder || holder.server || Date.now() > deadline) return holder;
    if (!noted) {
      noted = true;
      process.stderr.write(
        `Waiting for process ${holder.pid} (${holder.command}) to finish with ${dataDir}…\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function send(endpoint: { url: string; token: string }, body: object): Promise<CliResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${endpoint.url}/cli`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${endpoint.token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 200) {
            reject(new Error(`the running server refused the command (${response.statusCode}): ${text}`));
            return;
          }
          resolve(JSON.parse(text) as CliResponse);
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
