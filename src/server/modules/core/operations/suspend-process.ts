import { processTransition } from "./process-lifecycle.ts";

/** core.process.suspend: an active process is suspended, as a recorded decision. */
export const suspendProcess = processTransition("suspend");
