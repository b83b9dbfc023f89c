// The record module's public surface: the only file other modules may import.
export { recordModule } from "./module.ts";
export { citeSource } from "./operations/cite-source.ts";
export { loadDemo, resetDemo } from "./operations/demo-record.ts";
export { recordConflict } from "./operations/record-conflict.ts";
export { attendanceMatrix } from "./queries/attendance.ts";
export { processConflicts } from "./queries/conflicts.ts";
export { processTimeline } from "./queries/timeline.ts";
