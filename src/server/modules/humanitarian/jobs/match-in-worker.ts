// The matching job's work, in a worker thread: decrypts the persons it was handed (sealed, with the
// key in memory), matches them, and returns candidates by row id with their verdicts — never a name.
import { installPersonalDataKey } from "../../../platform/personal-data.ts";
import { type Candidate, findDuplicates, findMatches, type MatchablePerson } from "../matching/index.ts";
import { openPerson } from "../person.ts";

/** A person as stored: the row's id (the ciphertext's context) and its sealed personal fields. */
export type SealedPerson = { id: string; sealed: string };

export type MatchWorkerInput = {
  mode: "lists" | "cases" | "duplicates";
  threshold: number | null;
  left: SealedPerson[];
  right: SealedPerson[];
  /** The personal-data key, passed in memory to this thread only. */
  key: Uint8Array;
};

export type MatchWorkerOutput = {
  candidates: Candidate[];
  compared: { left: number; right: number };
  stopped: boolean;
};

type WorkerContext = {
  progress: (fraction: number, detail?: Record<string, unknown>) => void;
  shouldStop: () => boolean;
};

function opened(person: SealedPerson): MatchablePerson {
  const fields = openPerson(person.sealed, person.id);
  return { ...fields, id: person.id, arabic: fields.arabic ?? {}, latin: fields.latin ?? {} };
}

/** Decrypts both sides, then finds matches (or duplicates), reporting progress as persons compared. */
export function matchInWorker(input: MatchWorkerInput, ctx: WorkerContext): MatchWorkerOutput {
  installPersonalDataKey(Buffer.from(input.key));
  const total = input.left.length;
  ctx.progress(0, { stage: "decrypting", done: 0, total });
  const left = input.left.map(opened);
  const right = input.right.map(opened);
  const options = {
    ...(input.threshold !== null ? { threshold: input.threshold } : {}),
    onProgress: (done: number, of: number) =>
      ctx.progress(of === 0 ? 1 : done / of, { stage: "matching", done, total: of }),
    shouldStop: ctx.shouldStop,
  };
  const candidates =
    input.mode === "duplicates" ? findDuplicates(left, options) : findMatches(left, right, options);
  return { candidates, compared: { left: left.length, right: right.length }, stopped: ctx.shouldStop() };
}
