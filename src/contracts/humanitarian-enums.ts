// The closed lists of the humanitarian module (issue 18), written once for its tables, contracts, CLI and pages.

/** What happened to the person a case is about. */
export const caseKinds = ["detained", "abducted", "missing", "deceased"] as const;
export type CaseKind = (typeof caseKinds)[number];

/** A case's status history, in the working group's order (a case may skip steps; `listed` is its start). */
export const caseStatuses = [
  "listed",
  "located",
  "confirmed_alive",
  "released",
  "deceased",
  "body_handed_over",
  "identified",
  "family_informed",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/**
 * The statuses a case may move to from each: finding a person (located, confirmed alive), their
 * release, or their death and what follows it. One rule for the server's refusal and the page's choices.
 */
export const nextStatuses: Record<CaseStatus, readonly CaseStatus[]> = {
  listed: ["located", "confirmed_alive", "released", "deceased"],
  located: ["confirmed_alive", "released", "deceased"],
  confirmed_alive: ["located", "released", "deceased"],
  released: ["family_informed"],
  deceased: ["body_handed_over", "identified", "family_informed"],
  body_handed_over: ["identified", "family_informed"],
  identified: ["body_handed_over", "family_informed"],
  family_informed: [],
};

/**
 * Who besides the submitting side and the neutral intermediary reads a list (or a case): `side` nobody
 * else; `working_group` also the working group's members (the guarantors and the UN). Never the other side.
 */
export const listSharings = ["side", "working_group"] as const;
export type ListSharing = (typeof listSharings)[number];

/** A candidate match between two persons: nothing merges until a person confirms it. */
export const candidateStates = ["pending", "confirmed", "rejected"] as const;
export type CandidateState = (typeof candidateStates)[number];

export const matchRunStates = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type MatchRunState = (typeof matchRunStates)[number];

/** An exchange operation's life; `aggregate` records (the public history) are born `completed`. */
export const exchangeStates = ["planned", "in_progress", "completed", "cancelled"] as const;
export type ExchangeState = (typeof exchangeStates)[number];

/** `operation`: planned and run here, with people; `aggregate`: a past exchange known by counts and dates only. */
export const exchangeKinds = ["operation", "aggregate"] as const;
export type ExchangeKind = (typeof exchangeKinds)[number];
