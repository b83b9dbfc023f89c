// Public reads of the record under 50 concurrent connections, each against a bare Fastify answering the
// same bytes (and the same content encoding) in the same run. Target: ≥ 0.6× bare, p99 ≤ 20 ms quiet.

import { type LoadResult, load } from "./lib/load.ts";
import { startAstana, startBareFastify } from "./lib/processes.ts";
import { rawGet } from "./lib/raw.ts";

export type ReadRow = { path: string; bytes: number; astana: LoadResult; bare: LoadResult; ratio: number };

/** The public reads the issue names: processes, a process, its rounds, a round, timeline, attendance, a subject's record, conflicts, sources. */
async function publicPaths(url: string): Promise<string[]> {
  const rounds = (await (await fetch(`${url}/api/processes/astana/rounds`)).json()) as {
    items: { id: string; number: number }[];
  };
  const round22 = rounds.items.find((round) => round.number === 22)?.id ?? rounds.items[0]?.id;
  const sources = (await (await fetch(`${url}/api/sources?q=astana`)).json()) as { items: { id: string }[] };
  return [
    "/api/health",
    "/api/processes",
    "/api/processes/astana",
    "/api/processes/astana/rounds",
    `/api/rounds/${round22}`,
    "/api/processes/astana/timeline",
    "/api/processes/astana/attendance",
    `/api/record/round/${round22}`,
    "/api/processes/astana/conflicts",
    "/api/sources?q=astana",
    `/api/sources/${sources.items[0]?.id}`,
  ];
}

/** Measures every public read against its bare twin; `seconds` per measurement. */
export async function measurePublicReads(options: {
  seconds: number;
  headers: Record<string, string>;
  /** A prepared data directory (e.g. a record ten times the demonstration one); a fresh one by default. */
  dataDir?: string;
}): Promise<ReadRow[]> {
  const astana = await startAstana({ dataDir: options.dataDir });
  try {
    const paths = await publicPaths(astana.url);
    const answers: Record<string, { body: string; contentType: string; headers: Record<string, string> }> =
      {};
    const bareKey = (index: number) => `/bare/${index}`;
    // Asked twice: the second answer is the cached one that the load will meet (its own compression).
    await Promise.all(paths.map((path) => rawGet(`${astana.url}${path}`, options.headers)));
    const raw = await Promise.all(paths.map((path) => rawGet(`${astana.url}${path}`, options.headers)));
    raw.forEach((response, index) => {
      if (response.status !== 200) throw new Error(`${paths[index]} answered ${response.status}`);
      const encoding = response.headers["content-encoding"];
      answers[bareKey(index)] = {
        body: response.body.toString("latin1"),
        contentType: response.headers["content-type"] ?? "application/json",
        headers: encoding ? { "content-encoding": encoding } : {},
      };
    });
    const bare = await startBareFastify(answers);
    try {
      const rows: ReadRow[] = [];
      for (const [index, path] of paths.entries()) {
        const ours = await load(`${astana.url}${path}`, options);
        const theirs = await load(`${bare.url}${bareKey(index)}`, options);
        rows.push({
          path,
          bytes: raw[index]?.body.length ?? 0,
          astana: ours,
          bare: theirs,
          ratio: ours.rps / theirs.rps,
        });
        process.stdout.write(
          `  ${path.padEnd(48)} ${String(raw[index]?.body.length).padStart(7)} B  ${ours.rps.toFixed(0).padStart(6)} vs ${theirs.rps.toFixed(0).padStart(6)} req/s  ×${(ours.rps / theirs.rps).toFixed(3)}  p99 ${ours.p99} ms  errors ${ours.errors + ours.non2xx}\n`,
        );
      }
      return rows;
    } finally {
      await bare.stop();
    }
  } finally {
    await astana.stop();
  }
}

if (import.meta.main) {
  await measurePublicReads({
    seconds: Number(process.env.BENCH_SECONDS ?? 3),
    headers: { "accept-encoding": "br, gzip" },
  });
}
