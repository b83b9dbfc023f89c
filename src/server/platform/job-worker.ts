// The worker thread of a CPU-bound job (platform/jobs.ts): imports the kind's module, runs its export
// with the job's input, and posts progress, the output or the error back; a shared flag says stop.
import { parentPort, workerData } from "node:worker_threads";

type Data = { module: string; export: string; input: unknown; stop: SharedArrayBuffer };

const data = workerData as Data;
const stop = new Int32Array(data.stop);
const post = (message: unknown) => parentPort?.postMessage(message);

try {
  const loaded = (await import(data.module)) as Record<string, unknown>;
  const work = loaded[data.export];
  if (typeof work !== "function") throw new Error(`${data.module} has no function ${data.export}`);
  const output = await work(data.input, {
    progress: (fraction: number, detail?: Record<string, unknown>) =>
      post({ type: "progress", fraction, detail }),
    shouldStop: () => Atomics.load(stop, 0) === 1,
  });
  post({ type: "output", output });
} catch (error) {
  const known = error as { code?: unknown; message?: unknown; details?: unknown };
  post({
    type: "error",
    error: {
      code: typeof known?.code === "string" ? known.code : "job_failed",
      message: typeof known?.message === "string" ? known.message : String(error),
      details: known?.details,
    },
  });
}
