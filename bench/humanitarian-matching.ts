// The humanitarian working group's matching (issue 18, item 7): two generated lists of detainees with
// a known overlap (bench/lib/arabic-name-lists.ts: realistic Arabic names with their transliterations,
// typos, order changes, missing parts, dates in several writings), matched by our engine
// (findMatches: phonetic keys, blocking, per-field evidence); recall, precision and time; and, on a
// 5,000-person subset, a naive all-pairs Jaro–Winkler on the whole name for comparison.
// Size and seed: BENCH_HUM_SIZE (100000), BENCH_HUM_SEED (18) — another seed gives lists nobody tuned
// on. Runs inside `npm run bench`, or alone: `npx node bench/humanitarian-matching.ts`.

import { cpus, loadavg } from "node:os";
import { findMatches, type MatchablePerson } from "../src/server/modules/humanitarian/matching/index.ts";
import { jaroWinkler } from "../src/server/modules/humanitarian/matching/jaro-winkler.ts";
import { foldForSearch } from "../src/server/platform/search-text.ts";
import { type GeneratedLists, generateLists } from "./lib/arabic-name-lists.ts";
import type { Benchmark, BenchResult } from "./suite.ts";

const size = Number(process.env.BENCH_HUM_SIZE ?? 100_000);
const seed = Number(process.env.BENCH_HUM_SEED ?? 18);
const overlap = 0.3;
const naiveSize = 5000;
const naiveThreshold = 0.9;

type Quality = { recall: number; precision: number; found: number; seconds: number; cpuSeconds: number };

function quality(
  lists: GeneratedLists,
  pairs: { leftId: string; rightId: string }[],
  { seconds, cpuSeconds }: { seconds: number; cpuSeconds: number },
): Quality {
  const correct = pairs.filter((pair) => lists.truth.get(pair.leftId) === pair.rightId).length;
  return {
    recall: correct / lists.truth.size,
    precision: pairs.length === 0 ? 1 : correct / pairs.length,
    found: pairs.length,
    seconds,
    cpuSeconds,
  };
}

/** Wall-clock and CPU seconds: on a shared machine the CPU time says what the work costs, the wall what it took. */
function timed<T>(work: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** The whole name as one string, folded: Latin when the entry has it, else Arabic. */
function wholeName(person: MatchablePerson): string {
  const parts = ["given", "father", "grandfather", "family"] as const;
  const latin = parts
    .map((part) => person.latin[part] ?? "")
    .join(" ")
    .trim();
  const text = latin !== "" ? latin : parts.map((part) => person.arabic[part] ?? "").join(" ");
  return foldForSearch(text).replace(/\s+/g, " ").trim();
}

/** The baseline: every pair's Jaro–Winkler on the whole name; each left's best above the threshold, one-to-one. */
function naiveAllPairs(
  left: MatchablePerson[],
  right: MatchablePerson[],
): { leftId: string; rightId: string }[] {
  const rightNames = right.map(wholeName);
  const scored: { leftId: string; rightId: string; score: number }[] = [];
  for (const person of left) {
    const name = wholeName(person);
    let best = -1;
    let bestAt = -1;
    for (let i = 0; i < rightNames.length; i++) {
      const score = jaroWinkler(name, rightNames[i] ?? "");
      if (score > best) {
        best = score;
        bestAt = i;
      }
    }
    if (best >= naiveThreshold)
      scored.push({ leftId: person.id, rightId: right[bestAt]?.id ?? "", score: best });
  }
  scored.sort((a, b) => b.score - a.score);
  const taken = new Set<string>();
  return scored.filter((pair) => !taken.has(pair.rightId) && taken.add(pair.rightId));
}

const pct = (value: number) => `${(100 * value).toFixed(2)}%`;

async function run(): Promise<BenchResult> {
  const lists = generateLists(size, overlap, seed);
  const ours = timed(() => findMatches(lists.left, lists.right));
  const full = quality(lists, ours.value, ours);
  const subset = generateLists(naiveSize, overlap, seed + 1);
  const naive = timed(() => naiveAllPairs(subset.left, subset.right));
  const naiveQuality = quality(subset, naive.value, naive);
  const oursSmall = timed(() => findMatches(subset.left, subset.right));
  const oursSmallQuality = quality(subset, oursSmall.value, oursSmall);
  const met = full.recall >= 0.97 && full.precision >= 0.98 && full.seconds <= 60;
  return {
    name: "humanitarian matching",
    summary:
      `${size.toLocaleString("en")} × ${size.toLocaleString("en")} (${pct(overlap)} the same people, seed ${seed}): recall ${pct(full.recall)}, precision ${pct(full.precision)}, ${full.seconds.toFixed(1)} s (${full.cpuSeconds.toFixed(1)} s of CPU); ` +
      `on ${naiveSize.toLocaleString("en")} × ${naiveSize.toLocaleString("en")}: ours recall ${pct(oursSmallQuality.recall)}, precision ${pct(oursSmallQuality.precision)}, ${oursSmall.seconds.toFixed(2)} s; ` +
      `naive all-pairs Jaro–Winkler ≥ ${naiveThreshold} recall ${pct(naiveQuality.recall)}, precision ${pct(naiveQuality.precision)}, ${naive.seconds.toFixed(1)} s (${naive.cpuSeconds.toFixed(1)} s of CPU)`,
    target: "recall ≥ 97%, precision ≥ 98%, 100k × 100k ≤ 60 s (wall clock)",
    met,
    description:
      "Two generated lists of detainees (bench/lib/arabic-name-lists.ts, seeded, ground truth known): common Syrian given names with Zipf frequencies and 4,000 family names made on Arabic roots and patterns, each person written independently by each side in Arabic script, Latin or both, in several transliteration systems, with hamza/ta marbuta/alef maqsura either way, 4% typos per name, 3% family name first, 20% no grandfather, 35% no mother, birth as ISO, day-first, two-digit year, Eastern Arabic digits, year only (25%) or none (5%). findMatches (phonetic key shared by both scripts, blocking on three-part keys, Fellegi–Sunter evidence per field, one-to-one) against a naive all-pairs Jaro–Winkler on the whole folded name (Latin if given, else Arabic). One thread; the lists are generated in memory, never written. The time is wall clock (the target) and CPU time (what the work costs on a machine shared with others).",
  };
}

export const humanitarianBenchmarks: Benchmark[] = [{ name: "humanitarian matching", run }];

if (import.meta.main) {
  process.stdout.write(`load ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores\n`);
  const result = await run();
  process.stdout.write(`${result.summary}\nmet: ${result.met}\n`);
}
