// What the record module offers the others (re-exported by index.ts, the only file they may import),
// and what its own CLI commands use: operations, reads and helpers, never its tables.

// Disputed values: the rule (for a module's own presenters), the mark a presenter adds, and the field keys.
export { disputedMark, disputesIn } from "../../platform/disputes.ts";
export { fieldKeyOf } from "./disputes/fields.ts";
export { disputedValues } from "./disputes/rule.ts";
export { citeSource } from "./operations/cite-source.ts";
export { loadDemo, resetDemo } from "./operations/demo-record.ts";
export { recordConflict } from "./operations/record-conflict.ts";
export { attendanceMatrix } from "./queries/attendance.ts";
export { processConflicts } from "./queries/conflicts.ts";
export { processTimeline } from "./queries/timeline.ts";
