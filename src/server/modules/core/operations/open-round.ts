import { RoundStatusChangeInput } from "../../../../contracts/process.ts";
import { roundTransition } from "./round-lifecycle.ts";

/** core.round.open: an announced round goes into session. */
export const openRound = roundTransition({
  name: "core.round.open",
  to: "in_session",
  input: RoundStatusChangeInput,
});
