import { processTransition } from "./process-lifecycle.ts";

/** core.process.conclude: an active or suspended process is concluded (e.g. by the host's declaration). */
export const concludeProcess = processTransition("conclude");
