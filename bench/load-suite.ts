// The benchmarks of the speed issue, each a ratio against a baseline measured in the same run (bare
// Fastify, a bare node:http broadcast, PGlite's own open, COPY), as rows of bench/RESULTS.md.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureBulk } from "./bulk.ts";
import { measurePublicReads, type ReadRow } from "./http-reads.ts";
import { makeSecretariat, signIn } from "./lib/accounts.ts";
import { load } from "./lib/load.ts";
import { startAstana, startBareFastify } from "./lib/processes.ts";
import { rawGet } from "./lib/raw.ts";
import { tenfoldDataDir } from "./lib/tenfold.ts";
import { measureLive } from "./live.ts";
import { measurePageWeight } from "./page-weight.ts";
import { measureSearch } from "./search.ts";
import { measureStartup } from "./startup.ts";
import type { Benchmark } from "./suite.ts";
import { measureTexts } from "./texts.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const browserHeaders = { "accept-encoding": "gzip, deflate, br" };
const fmt = (value: number, digits = 0) => value.toFixed(digits);
const encodingHeader = (encoding: string | undefined): Record<string, string> =>
  encoding ? { "content-encoding": encoding } : {};

/** The public reads' row: every read of the record against its bare twin, and whether all meet 0.6×. */
function publicReadsRow(name: string, rows: ReadRow[], description: string) {
  // Liveness (`/api/health`) is measured beside them for reference; it is never cached by design
  // (it must say whether this process answers now), and it is not a read of the record.
  const recordRows = rows.filter((row) => row.path !== "/api/health");
  const worst = recordRows.reduce((min, row) => Math.min(min, row.ratio), Number.POSITIVE_INFINITY);
  const worstP99 = rows.reduce((max, row) => Math.max(max, row.astana.p99), 0);
  const errors = rows.reduce((sum, row) => sum + row.astana.errors + row.astana.non2xx, 0);
  return {
    name,
    summary: `${rows
      .map(
        (row) =>
          `${row.path} ${fmt(row.astana.rps)} vs ${fmt(row.bare.rps)} req/s ×${fmt(row.ratio, 2)} p99 ${row.astana.p99} ms`,
      )
      .join("; ")}; worst read of the record ×${fmt(worst, 2)}, worst p99 ${worstP99} ms, ${errors} errors`,
    target:
      "every public read ≥ 0.6× bare Fastify of the same bytes, 50 connections; p99 ≤ 20 ms on a quiet machine",
    met: worst >= 0.6 && errors === 0,
    description,
  };
}

const readsDescription = `Each public read (processes, the process, rounds, a round, timeline, attendance, a round's record, conflicts, source search, a source) with 50 connections for ${seconds} s by autocannon, as a browser asks (Accept-Encoding br/gzip), against a bare Fastify in its own process answering the same bytes with the same encoding, started in the same run.`;

const publicReads: Benchmark = {
  name: "public reads under load",
  run: async () =>
    publicReadsRow(
      "public reads under load",
      await measurePublicReads({ seconds, headers: browserHeaders }),
      readsDescription,
    ),
};

const tenfoldReads: Benchmark = {
  name: "public reads, record ten times the demonstration",
  run: async () => {
    const { dataDir, counts } = await tenfoldDataDir();
    try {
      const rows = await measurePublicReads({ seconds, headers: browserHeaders, dataDir });
      return publicReadsRow(
        "public reads, record ten times the demonstration",
        rows,
        `The same reads on a record ten times the demonstration one (the demonstration record and nine seeded copies: ${counts.processes} processes, ${counts.rounds} rounds, ${counts.sources} sources, ${counts.facts} facts, ${counts.conflicts} conflicts), served by \`astana serve\` from its data directory. ${readsDescription}`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

const delegateReads: Benchmark = {
  name: "signed-in delegate reads",
  run: async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "astana-delegate-"));
    makeSecretariat(dataDir, "bench-delegate@example.org");
    const astana = await startAstana({ dataDir });
    try {
      const cookie = await signIn(astana.url, "bench-delegate@example.org");
      const headers = { ...browserHeaders, cookie };
      const paths = ["/api/processes/astana/rounds", "/api/processes/astana"];
      const raw = await Promise.all(paths.map((p) => rawGet(`${astana.url}${p}`, headers)));
      const bare = await startBareFastify(
        Object.fromEntries(
          raw.map((response, index) => [
            `/bare/${index}`,
            {
              body: response.body.toString("latin1"),
              contentType: response.headers["content-type"] ?? "application/json",
              headers: encodingHeader(response.headers["content-encoding"]),
            },
          ]),
        ),
      );
      try {
        const parts: string[] = [];
        let worst = Number.POSITIVE_INFINITY;
        for (const [index, p] of paths.entries()) {
          const ours = await load(`${astana.url}${p}`, { seconds, headers });
          const theirs = await load(`${bare.url}/bare/${index}`, { seconds, headers: browserHeaders });
          worst = Math.min(worst, ours.rps / theirs.rps);
          parts.push(
            `${p} ${fmt(ours.rps)} vs ${fmt(theirs.rps)} req/s ×${fmt(ours.rps / theirs.rps, 2)} p99 ${ours.p99} ms`,
          );
        }
        return {
          name: "signed-in delegate reads",
          summary: `${parts.join("; ")}`,
          target: "≥ 0.3× bare Fastify of the same bytes, 50 connections",
          met: worst >= 0.3,
          description:
            "The host secretariat's member (signed in, session cookie) reading the process and its rounds, 50 connections, against a bare Fastify answering the same bytes.",
        };
      } finally {
        await bare.stop();
      }
    } finally {
      await astana.stop();
    }
  },
};

const live: Benchmark = {
  name: "live updates",
  run: async () => {
    const result = await measureLive({ viewers: 2000, triggers: 20, held: 10_000 });
    const allDelivered =
      result.astana.delivered === result.viewers && result.held.delivered === result.held.wanted;
    return {
      name: "live updates",
      summary: `2,000 viewers: delivered ${result.astana.delivered}, p50 ${fmt(result.astana.p50)} ms, p99 ${fmt(result.astana.p99)} ms vs bare p50 ${fmt(result.bare.p50)} ms, p99 ${fmt(result.bare.p99)} ms (p99 ×${fmt(result.ratio, 2)}); 10,000 held: ${result.held.connected} connected, ${result.held.errors} errors, ${result.held.delivered} delivered`,
      target:
        "all delivered, p99 ≤ 1.25× a bare node:http SSE broadcast of the same trigger; 10,000 viewers held without errors",
      met: allDelivered && result.ratio <= 1.25 && result.held.errors === 0,
      description:
        "2,000 public viewers of /api/events and 2,000 of a bare node:http server that broadcasts on a POST, connected at once; after five uncounted warm-ups on each side (a running server has long compiled its code paths), twenty times in turn the secretariat edits round 22 (one audited write) and the bare server is triggered, and each viewer notes when the event arrives, from the moment the trigger is sent. Then 10,000 viewers connected at once and one more write.",
    };
  },
};

const startup: Benchmark = {
  name: "start-up",
  run: async () => {
    const result = await measureStartup(3);
    return {
      name: "start-up",
      summary: `first start ${fmt(result.firstMs)} ms, restart ${fmt(result.restartMs)} ms (PGlite alone opens the directory in ${fmt(result.pgliteOpenMs)} ms); medians of 3`,
      target:
        "first start on an empty data directory with the demonstration record ≤ 5 s until /api/health; restart ≤ 1.5 s",
      met: result.firstMs <= 5000 && result.restartMs <= 1500,
      description:
        "`astana serve` as `npm start` runs it (the web app and the database template already built), on a fresh data directory with DEMO on, until /api/health answers; then the same directory again.",
    };
  },
};

const bulk: Benchmark = {
  name: "bulk import",
  run: async () => {
    const result = await measureBulk(100_000);
    return {
      name: "bulk import",
      summary: `100,000 rows as one audited operation in ${fmt(result.operationMs)} ms vs COPY in ${fmt(result.copyMs)} ms (×${fmt(result.ratio, 2)} of COPY's rate)`,
      target: "≥ 0.3× the rate of PostgreSQL's COPY of the same rows",
      met: result.ratio >= 0.3,
      description:
        "100,000 incident-like rows parsed by a zod contract and written by one operation through insertMany (unnest per column, 10,000 rows per statement), one audit entry and one event, against COPY FROM of the same rows as CSV, on fresh in-memory PGlite databases.",
    };
  },
};

const pageWeight: Benchmark = {
  name: "first page weight",
  run: async () => {
    const result = await measurePageWeight();
    return {
      name: "first page weight",
      summary: `${fmt(result.firstPageJsBytes / 1024)} KB of JavaScript compressed in ${result.firstPageFiles} files; ${fmt(result.allBytes / 1024)} KB in all`,
      target: "≤ 250 KB of JavaScript compressed on the first public page",
      met: result.firstPageJsBytes <= 250 * 1024,
      description:
        "The public process page opened in Chromium on a fresh profile; the encoded (compressed) body sizes of the scripts it fetched, from resource timing.",
    };
  },
};

/** The load benchmarks, in the order they run. */
const search: Benchmark = { name: "search", run: measureSearch };
const texts: Benchmark = { name: "negotiated texts", run: measureTexts };

export const loadBenchmarks: Benchmark[] = [
  publicReads,
  tenfoldReads,
  delegateReads,
  live,
  startup,
  bulk,
  pageWeight,
  search,
  texts,
];
