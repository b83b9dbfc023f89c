// The matching contract shared by the humanitarian module's lists, cases and matching job.

export type NameParts = {
  given?: string | null;
  father?: string | null;
  grandfather?: string | null;
  family?: string | null;
  mother?: string | null;
};
export type MatchablePerson = {
  id: string;
  arabic: NameParts;
  latin: NameParts;
  sex?: "male" | "female" | null;
  birthYear?: number | null;
  /** ISO yyyy-mm-dd when known; day-first dates and Eastern Arabic digits are read too. */
  birthDate?: string | null;
  origin?: string | null;
};
export type FieldName = "given" | "father" | "grandfather" | "family" | "mother" | "sex" | "birth" | "origin";
export type FieldVerdict = {
  field: FieldName;
  verdict: "agree" | "close" | "disagree" | "missing";
  similarity?: number;
};
export type Candidate = { leftId: string; rightId: string; score: number; fields: FieldVerdict[] };
export type MatchOptions = {
  threshold?: number;
  onProgress?: (done: number, total: number) => void;
  /** Asked now and then: when it says true the search stops and returns what it has found so far. */
  shouldStop?: () => boolean;
};
