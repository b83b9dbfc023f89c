// The worker threads of background jobs: CPU-bound work (a solver, a matcher) runs here, off the
// server's thread, reporting progress by messages and watching a shared flag for a cancel.
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { projectPath } from "../paths.ts";

/**
 * The worker's entry, from the sources (Node runs them as they are): the server bundle in dist/ holds
 * no separate file for it, so it is found from the project's root, not beside this module.
 */
const workerHost = pathToFileURL(projectPath("src", "server", "platform", "job-worker.ts"));

/** A worker kind's module, named by its path from the project's root (works from the sources and the bundle). */
export function workerModule(...segments: string[]): string {
  return pathToFileURL(projectPath(...segments)).href;
}

/** Runs a worker kind's export in a worker thread; progress comes back as messages, stop as a shared flag. */
export function runInWorker(
  worker: { module: string; export: string },
  input: unknown,
  stopFlag: Int32Array,
  progress: (fraction: number, detail?: Record<string, unknown>) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(workerHost, {
      workerData: { module: worker.module, export: worker.export, input, stop: stopFlag.buffer },
    });
    let settled = false;
    thread.on(
      "message",
      (message: {
        type: string;
        fraction?: number;
        detail?: Record<string, unknown>;
        output?: unknown;
        error?: unknown;
      }) => {
        if (message.type === "progress") progress(message.fraction ?? 0, message.detail);
        else if (message.type === "output") {
          settled = true;
          resolve(message.output);
        } else if (message.type === "error") {
          settled = true;
          reject(message.error);
        }
      },
    );
    thread.on("error", (error) => {
      settled = true;
      reject(error);
    });
    thread.on("exit", (code) => {
      if (!settled) reject(new Error(`the job's worker stopped (exit code ${code})`));
    });
  });
}
