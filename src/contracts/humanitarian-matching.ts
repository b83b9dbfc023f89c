// The contracts of the humanitarian working group's matching (issue 18, item 3): starting a matching
// run, the review queue of candidates (score, per-field verdicts, both persons as the reader may see
// them) and a person's decision on a candidate. Shared by the server, the web app and the CLI.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import { candidateStates, caseKinds, matchRunStates } from "./humanitarian-enums.ts";

/**
 * A matching run: a list against another side's list (`lists`), against the cases already recorded
 * in the process (`cases`), or against itself to find persons entered twice (`duplicates`).
 */
export const RunMatchingInput = z
  .strictObject({
    mode: z.enum(["lists", "cases", "duplicates"]),
    leftListId: RecordRef,
    rightListId: RecordRef.optional(),
    /** The score from which a pair is proposed (0..1); 0.5 unless given. */
    threshold: z.number().gt(0).max(1).optional(),
  })
  .refine((input) => (input.mode === "lists") === (input.rightListId !== undefined), {
    message: "Give rightListId for mode lists, and only then.",
    path: ["rightListId"],
  });
export type RunMatchingInput = z.infer<typeof RunMatchingInput>;

export const StartedMatchingRun = z.object({ runId: z.string(), jobId: z.string() });

export const FieldVerdict = z.object({
  field: z.enum(["given", "father", "grandfather", "family", "mother", "sex", "birth", "origin"]),
  verdict: z.enum(["agree", "close", "disagree", "missing"]),
  similarity: z.number().optional(),
});

const NameParts = z.object({
  given: z.string().nullish(),
  father: z.string().nullish(),
  grandfather: z.string().nullish(),
  family: z.string().nullish(),
  mother: z.string().nullish(),
});

/**
 * One side of a candidate: a list row or a case, where it comes from (the side, the list and its row)
 * and, when the reader may read it, the person with everything a reviewer weighs — the compared fields
 * and the date and place of detention or disappearance, which the matcher does not score.
 */
export const CandidateSide = z.object({
  kind: z.enum(["entry", "case"]),
  id: z.string(),
  listId: z.string().nullable(),
  /** The list's title (a row's side), null for a case. */
  listTitle: z.string().nullable(),
  rowNumber: z.number().nullable(),
  delegationId: z.string(),
  /** The side's participant, to name it in the reader's language. */
  participantId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** Null when the reader may not read this person's record. */
  person: z
    .object({
      arabic: NameParts,
      latin: NameParts,
      sex: z.string().nullish(),
      birthDate: z.string().nullish(),
      birthYear: z.number().nullish(),
      origin: z.string().nullish(),
      kind: z.enum(caseKinds).nullish(),
      eventDate: z.string().nullish(),
      eventYear: z.number().nullish(),
      eventPlace: z.string().nullish(),
    })
    .nullable(),
});

export const ReviewCandidate = z.object({
  id: z.string(),
  runId: z.string(),
  mode: z.enum(["lists", "cases", "duplicates"]),
  score: z.number(),
  fields: z.array(FieldVerdict),
  state: z.enum(candidateStates),
  left: CandidateSide,
  right: CandidateSide,
  decidedByLabel: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  can: z.object({ decide: z.boolean() }),
});

export const MatchRunSummary = z.object({
  id: z.string(),
  mode: z.enum(["lists", "cases", "duplicates"]),
  leftListId: z.string(),
  rightListId: z.string().nullable(),
  state: z.enum(matchRunStates),
  jobId: z.string().nullable(),
  threshold: z.number().nullable(),
  candidates: z.number(),
  requestedByLabel: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const ReviewQueueQuery = z.strictObject({
  runId: RecordRef.optional(),
  state: z.enum(candidateStates).default("pending"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** An export of the review queue (the intermediary's): every candidate of a state, marked and audited. */
export const ReviewQueueExportQuery = z.strictObject({
  runId: RecordRef.optional(),
  state: z.enum(candidateStates).default("pending"),
  format: z.enum(["csv", "xlsx"]).default("csv"),
});

/** The review queue: candidates best first, how many in each state (the queue's progress), the runs. */
export const ReviewQueue = z.object({
  processId: z.string(),
  counts: z.object({ pending: z.number(), confirmed: z.number(), rejected: z.number() }),
  total: z.number(),
  items: z.array(ReviewCandidate),
  runs: z.array(MatchRunSummary),
});

/** A person's decision on a candidate: confirm (the same person) or reject, always saying why. */
export const DecideCandidateInput = z.strictObject({
  decision: z.enum(["confirm", "reject"]),
  reason: PlainText(2000, "Say why."),
});

export const CandidateDecided = z.object({
  id: z.string(),
  state: z.enum(candidateStates),
  /** The case both persons now belong to, when confirmed. */
  caseId: z.string().nullable(),
  createdCase: z.boolean(),
});
