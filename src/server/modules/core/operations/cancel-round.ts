import { CancelRoundInput } from "../../../../contracts/process.ts";
import { roundTransition } from "./round-lifecycle.ts";

/** core.round.cancel: a round that has not met (planned, announced or postponed) is cancelled, with the reason. */
export const cancelRound = roundTransition({
  name: "core.round.cancel",
  to: "cancelled",
  input: CancelRoundInput,
  apply: (_ctx, input) => ({ statusReason: input.reason }),
});
