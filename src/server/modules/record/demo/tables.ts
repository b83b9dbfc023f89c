// The record's tables the demonstration record fills, named once: the builders' rows, their types and
// the order of insertion all come from this list.
import { citations, conflicts, conflictValues, facts, milestones, sources } from "../schema.ts";

/** Every table of the record the demonstration inserts into, in an order the foreign keys accept. */
export const demoTables = {
  milestones,
  sources,
  facts,
  conflicts,
  conflictValues,
  citations,
};

/** Every row of the record the demonstration inserts, table by table. */
export type DemoRows = {
  [Name in keyof typeof demoTables]: (typeof demoTables)[Name]["$inferInsert"][];
};

/** No rows yet in any table: where the builders start. */
export function emptyDemoRows(): DemoRows {
  return Object.fromEntries(Object.keys(demoTables).map((name) => [name, []])) as unknown as DemoRows;
}
