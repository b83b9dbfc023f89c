// Live updates: 2,000 viewers of the public event stream; one audited write (a round's venue edited by
// the secretariat) against a bare node:http broadcast of the same trigger, in the same run. Then 10,000
// viewers held on one instance. Target: all delivered, p99 ≤ 1.25× bare; 10,000 held without errors.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeSecretariat, signIn } from "./lib/accounts.ts";
import { freePort, startAstana, waitFor } from "./lib/processes.ts";
import { openViewers, percentile, type Viewers } from "./lib/viewers.ts";

type Latencies = { delivered: number; p50: number; p99: number };
export type LiveResult = {
  viewers: number;
  astana: Latencies;
  bare: Latencies;
  ratio: number;
  held: { wanted: number; connected: number; errors: number; delivered: number };
};

/** One trigger: when it was sent, and when each viewer received what it caused. */
type Trigger = (clients: Viewers) => Promise<{ started: number; arrived: Promise<number[]> }>;

const email = "bench-live@example.org";

/** The secretariat edits round 22's venue; its event carries the round's new version, which viewers wait for. */
function astanaTrigger(url: string, cookie: string): Trigger {
  const headers = { cookie, origin: url, "content-type": "application/json" };
  return async (clients) => {
    const round = (await (await fetch(`${url}/api/rounds/demo-round-22`, { headers })).json()) as {
      version: number;
    };
    const arrived = clients.arrivals(`"version":${round.version + 1}}`, 10_000);
    const started = performance.now();
    const response = await fetch(`${url}/api/rounds/demo-round-22`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ version: round.version, venue: `Bench venue ${round.version}` }),
    });
    if (!response.ok) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
    return { started, arrived };
  };
}

function bareTrigger(url: string): Trigger {
  let count = 0;
  return async (clients) => {
    count += 1;
    const marker = `bare-${count}-${Date.now()}`;
    const arrived = clients.arrivals(marker, 10_000);
    const started = performance.now();
    await fetch(`${url}/trigger?marker=${marker}`, { method: "POST" });
    return { started, arrived };
  };
}

type Side = { streamUrl: string; trigger: Trigger };

function latenciesOf(values: number[], triggers: number): Latencies {
  return { delivered: values.length / triggers, p50: percentile(values, 50), p99: percentile(values, 99) };
}

/**
 * Both sides' viewers connected at once, then their triggers taken in turn (ours, bare, ours, bare…),
 * so a change in the machine's load during the run falls on both alike. Five triggers each first, not
 * counted: the first events after a start pay for compiling the code paths they take (V8 optimizes a
 * function only after it has run a while), which a running server has long paid.
 */
const warmUps = 5;

async function measureBoth(ours: Side, bare: Side, viewers: number, triggers: number) {
  const oursClients = await openViewers(ours.streamUrl, viewers);
  const bareClients = await openViewers(bare.streamUrl, viewers);
  const latencies = { ours: [] as number[], bare: [] as number[] };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
  try {
    for (let index = 0; index < warmUps; index += 1) {
      for (const [side, clients] of [
        [ours, oursClients],
        [bare, bareClients],
      ] as const) {
        await (await side.trigger(clients)).arrived;
        await pause();
      }
    }
    for (let index = 0; index < triggers; index += 1) {
      for (const [side, clients, into] of [
        [ours, oursClients, latencies.ours],
        [bare, bareClients, latencies.bare],
      ] as const) {
        const { started, arrived } = await side.trigger(clients);
        const times = (await arrived).map((time) => time - started);
        into.push(...times);
        if (process.env.BENCH_LIVE_TRACE)
          process.stderr.write(
            `${side === ours ? "ours" : "bare"} p50 ${percentile(times, 50).toFixed(1)} p99 ${percentile(times, 99).toFixed(1)} max ${Math.max(...times).toFixed(1)}\n`,
          );
        await pause();
      }
    }
  } finally {
    oursClients.close();
    bareClients.close();
  }
  return { ours: latenciesOf(latencies.ours, triggers), bare: latenciesOf(latencies.bare, triggers) };
}

/** Both measurements in one run, then the hold of `held` viewers. */
export async function measureLive(options: {
  viewers: number;
  triggers: number;
  held: number;
}): Promise<LiveResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "astana-live-"));
  makeSecretariat(dataDir, email);
  const astana = await startAstana({ dataDir });
  const barePort = await freePort();
  const bareScript = new URL("./lib/bare-broadcast.ts", import.meta.url).pathname;
  const bare = spawn(process.execPath, [bareScript, String(barePort)], { stdio: "inherit" });
  const bareUrl = `http://127.0.0.1:${barePort}`;
  try {
    await waitFor(`${bareUrl}/ready`);
    const trigger = astanaTrigger(astana.url, await signIn(astana.url, email));
    const { ours, bare: theirs } = await measureBoth(
      { streamUrl: `${astana.url}/api/events`, trigger },
      { streamUrl: `${bareUrl}/events`, trigger: bareTrigger(bareUrl) },
      options.viewers,
      options.triggers,
    );
    const heldClients = await openViewers(`${astana.url}/api/events`, options.held);
    const delivered = (await (await trigger(heldClients)).arrived).length;
    const held = {
      wanted: options.held,
      connected: heldClients.connected(),
      errors: heldClients.errors(),
      delivered,
    };
    heldClients.close();
    return { viewers: options.viewers, astana: ours, bare: theirs, ratio: ours.p99 / theirs.p99, held };
  } finally {
    bare.kill("SIGTERM");
    await astana.stop();
  }
}

if (import.meta.main) {
  const result = await measureLive({
    viewers: 2000,
    triggers: 20,
    held: Number(process.env.BENCH_HELD ?? 10_000),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
