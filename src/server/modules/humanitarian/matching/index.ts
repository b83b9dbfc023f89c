// The humanitarian module's matching engine: pure code, no database. See find.ts for the entry points.
export { comparePersons, preparePerson } from "./compare.ts";
export { type Birth, parseBirthText } from "./dates.ts";
export { defaultThreshold, findDuplicates, findMatches } from "./find.ts";
export { jaroWinkler } from "./jaro-winkler.ts";
export { nameForms, phoneticKey } from "./phonetic.ts";
export type { Candidate, FieldVerdict, MatchablePerson, MatchOptions, NameParts } from "./types.ts";
