// How long the live benchmark's trigger (one audited PATCH of a round by the secretariat) takes alone, with no viewers.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeSecretariat, signIn } from "./lib/accounts.ts";
import { startAstana } from "./lib/processes.ts";
import { percentile } from "./lib/viewers.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "astana-patch-"));
makeSecretariat(dataDir, "bench-patch@example.org");
const astana = await startAstana({
  dataDir,
  env: process.env.PROFILE_DIR
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.PROFILE_DIR}` }
    : {},
});
try {
  const cookie = await signIn(astana.url, "bench-patch@example.org");
  const headers = { cookie, origin: astana.url, "content-type": "application/json" };
  const times: number[] = [];
  for (let index = 0; index < 40; index += 1) {
    const round = (await (await fetch(`${astana.url}/api/rounds/demo-round-22`, { headers })).json()) as {
      version: number;
    };
    const started = performance.now();
    const response = await fetch(`${astana.url}/api/rounds/demo-round-22`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ version: round.version, venue: `Venue ${index}` }),
    });
    await response.text();
    times.push(performance.now() - started);
  }
  console.log(
    `PATCH alone: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
  );
} finally {
  await astana.stop();
}
