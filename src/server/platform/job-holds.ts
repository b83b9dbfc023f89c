// Test servers only (ASTANA_TEST_HOLD_JOBS, refused with NODE_ENV=production): holds that slow a
// background job down so a browser test can see it running — click Cancel on it, watch its progress
// grow — on a machine where the work would otherwise finish before the page draws it. The work itself
// runs as ever; a cancel ends any hold at once.

/** How long a job of a kind waits, running, before its work (ms), by kind. A kind listed (even at 0) may be held per job. */
export type JobHolds = Readonly<Record<string, number>>;

/** One job's hold, asked for by a test's request: before its work starts, and at each pause between chunks. */
export type TestHold = { startMs: number; chunkMs: number };

/** The header a test's request names its job's hold with: `start=3000,chunks=300` (ms, each optional). */
export const testHoldHeader = "x-astana-test-hold";

/** The hold a header asks for, or null for none or a malformed one (at most a minute each). */
export function testHoldFromHeader(value: string | string[] | undefined): TestHold | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return null;
  const hold: TestHold = { startMs: 0, chunkMs: 0 };
  for (const part of text.split(",")) {
    const match = /^\s*(start|chunks)=(\d{1,5})\s*$/.exec(part);
    if (!match) return null;
    const ms = Math.min(Number(match[2]), 60_000);
    if (match[1] === "start") hold.startMs = ms;
    else hold.chunkMs = ms;
  }
  return hold;
}

// Written by the operation queueing the job (before its commit), read once by the runner launching it.
const requested = new Map<string, TestHold>();

/** Notes the hold a test asked for on a job being queued; the runner honours it only for a kind the server holds. */
export function requestTestHold(jobId: string, hold: TestHold): void {
  requested.set(jobId, hold);
}

/** The hold a job runs under: none unless the server holds its kind; then the test's, or the kind's own. */
export function holdOf(holds: JobHolds, kind: string, jobId: string): TestHold {
  const asked = requested.get(jobId);
  requested.delete(jobId);
  if (!Object.hasOwn(holds, kind)) return { startMs: 0, chunkMs: 0 };
  return asked ?? { startMs: holds[kind] ?? 0, chunkMs: 0 };
}

/** Waits `ms`, or less if the signal aborts first; never throws. */
export function holdUnlessStopped(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
