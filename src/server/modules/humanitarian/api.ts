// What the humanitarian module offers: its operations (one name each) and reads, never its tables.
export { decideCandidate } from "./operations/decide-candidate.ts";
export { recordMatching } from "./operations/record-matching.ts";
export { runMatching } from "./operations/run-matching.ts";
