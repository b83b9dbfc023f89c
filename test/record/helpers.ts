import { readFileSync } from "node:fs";

/** The demonstration record as the data file has it, read independently of the importer. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read the raw JSON to check the importer against it
export type RawRecord = Record<string, any>;

export function readRawRecord(): RawRecord[] {
  return JSON.parse(readFileSync(new URL("../../src/data/astana-record.json", import.meta.url), "utf8"));
}

export function rawRound(records: RawRecord[], number: number): RawRecord {
  const round = records.find((record) => record.record_type === "round" && record.number === number);
  if (!round) throw new Error(`no round ${number} in the data`);
  return round;
}
