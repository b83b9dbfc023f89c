import { processTransition } from "./process-lifecycle.ts";

/** core.process.resume: a suspended or concluded process becomes active again (e.g. at the guarantors' request). */
export const resumeProcess = processTransition("resume");
