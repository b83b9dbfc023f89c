// The scheduler's public face, for the programme module's operations and background job.
export { instanceIssues, SchedulerInputError } from "./check-input.ts";
export { requestWeight } from "./compile.ts";
export { solveSchedule } from "./solve.ts";
export * from "./types.ts";
export { type Violation, validateSchedule } from "./validate.ts";
