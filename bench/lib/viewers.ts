// Thousands of live viewers: plain HTTP connections reading Server-Sent Events, each noting when a
// message carrying a given marker arrives. The same clients measure the platform and the bare broadcast.
import { Agent, request } from "node:http";

export type Viewers = {
  /** Viewers whose stream is open (they received the first bytes). */
  connected: () => number;
  errors: () => number;
  /** Resolves with each viewer's arrival time (ms, performance.now) of the first message containing `marker`. */
  arrivals: (marker: string, timeoutMs: number) => Promise<number[]>;
  close: () => void;
};

/**
 * Opens `count` event streams to `url`, a few hundred at a time, and resolves once all are open; with
 * `headers` (a session cookie) each stream is a signed-in reader's.
 */
export async function openViewers(
  url: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<Viewers> {
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const waiting = new Map<string, { times: (number | undefined)[]; resolve: () => void; left: number }>();
  let connected = 0;
  let errors = 0;
  const requests: ReturnType<typeof request>[] = [];
  const open = (index: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        url,
        { agent, headers: { accept: "text/event-stream", ...headers } },
        (response) => {
          response.setEncoding("utf8");
          let first = true;
          response.on("data", (chunk: string) => {
            if (first) {
              first = false;
              connected += 1;
              resolve();
            }
            for (const [marker, wait] of waiting) {
              if (wait.times[index] === undefined && chunk.includes(marker)) {
                wait.times[index] = performance.now();
                wait.left -= 1;
                if (wait.left === 0) wait.resolve();
              }
            }
          });
          response.on("error", () => {});
        },
      );
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end();
      requests.push(req);
    });
  for (let start = 0; start < count; start += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, count - start) }, (_, offset) => open(start + offset)),
    );
  }
  return {
    connected: () => connected,
    errors: () => errors,
    arrivals: (marker, timeoutMs) =>
      new Promise((resolve) => {
        const wait = { times: new Array<number | undefined>(count), left: connected, resolve: () => {} };
        const finish = () => {
          waiting.delete(marker);
          clearTimeout(timer);
          resolve(wait.times.filter((time): time is number => time !== undefined));
        };
        wait.resolve = finish;
        const timer = setTimeout(finish, timeoutMs);
        waiting.set(marker, wait);
      }),
    close: () => {
      for (const req of requests) req.destroy();
      agent.destroy();
    },
  };
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}
