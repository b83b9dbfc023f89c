import { RoundStatusChangeInput } from "../../../../contracts/process.ts";
import { roundTransition } from "./round-lifecycle.ts";

/** core.round.conclude: a round in session is concluded. */
export const concludeRound = roundTransition({
  name: "core.round.conclude",
  to: "concluded",
  input: RoundStatusChangeInput,
});
