// The server's side of a CLI command sent to it: the same commander program, run inside the server on
// the server's database, with its output, exit code and written files kept per call.
import type { Command } from "commander";
import type { CliRequest, CliResponse, CliRunner } from "../server/platform/cli-endpoint.ts";
import { type InServerCall, inServerCall, runProgram } from "./common.ts";

let captureInstalled = false;

/**
 * Routes what a command writes to standard output and error into its own call: the writes of code run
 * inside a call go to that call, every other write (the server's logs) where it always went.
 */
function captureOutputPerCall(): void {
  if (captureInstalled) return;
  captureInstalled = true;
  for (const [stream, key] of [
    [process.stdout, "stdout"],
    [process.stderr, "stderr"],
  ] as const) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const call = inServerCall.getStore();
      if (!call) return write(chunk, ...rest);
      call[key].push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
}

/**
 * Runs CLI commands inside the server, each on a program of its own from `buildProgram`: what
 * `astana serve` hands the server for its CLI endpoint.
 */
export const cliRunner =
  (buildProgram: () => Command): CliRunner =>
  async (request: CliRequest, database, config): Promise<CliResponse> => {
    captureOutputPerCall();
    const call: InServerCall = {
      database,
      config,
      cwd: request.cwd,
      stdin: request.stdin,
      env: request.env,
      stdout: [],
      stderr: [],
      exitCode: 0,
      files: [],
    };
    await inServerCall.run(call, () => runProgram(buildProgram(), request.argv, "user"));
    return {
      exitCode: call.exitCode,
      stdout: call.stdout.join(""),
      stderr: call.stderr.join(""),
      files: call.files.map((file) => ({
        path: file.path,
        content: file.content.toString("base64"),
        private: file.private,
      })),
    };
  };
