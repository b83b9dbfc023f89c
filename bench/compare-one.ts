// One public read against its bare twin, alternately, to study a single path: `node bench/compare-one.ts <path> [encoding]`;
// with BENCH_TENFOLD=1, on a record ten times the demonstration one.
import { load } from "./lib/load.ts";
import { startAstana, startBareFastify } from "./lib/processes.ts";
import { rawGet } from "./lib/raw.ts";
import { tenfoldDataDir } from "./lib/tenfold.ts";

const [pathArg = "/api/processes/astana/conflicts", encoding = "br, gzip"] = process.argv.slice(2);
const headers = { "accept-encoding": encoding };
const astana = await startAstana(
  process.env.BENCH_TENFOLD ? { dataDir: (await tenfoldDataDir()).dataDir } : {},
);
const response = await rawGet(`${astana.url}${pathArg}`, headers);
const bare = await startBareFastify({
  "/bare": {
    body: response.body.toString("latin1"),
    contentType: response.headers["content-type"] ?? "application/json",
    headers: response.headers["content-encoding"]
      ? { "content-encoding": response.headers["content-encoding"] }
      : {},
  },
});
try {
  for (let round = 0; round < 2; round += 1) {
    const ours = await load(`${astana.url}${pathArg}`, { seconds: 4, headers });
    const theirs = await load(`${bare.url}/bare`, { seconds: 4, headers });
    console.log(
      `${pathArg} ${response.body.length} B: ${ours.rps.toFixed(0)} vs ${theirs.rps.toFixed(0)} req/s ×${(ours.rps / theirs.rps).toFixed(2)}; p99 ${ours.p99} vs ${theirs.p99} ms`,
    );
  }
} finally {
  await bare.stop();
  await astana.stop();
}
