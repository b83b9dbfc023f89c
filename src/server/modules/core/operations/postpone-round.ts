import { PostponeRoundInput } from "../../../../contracts/process.ts";
import { roundTransition } from "./round-lifecycle.ts";
import { checkDateOrder } from "./support.ts";

/**
 * core.round.postpone: a planned or announced round is postponed, with the reason and, when known, its
 * new dates; it is announced again when the new dates are set.
 */
export const postponeRound = roundTransition({
  name: "core.round.postpone",
  to: "postponed",
  input: PostponeRoundInput,
  apply: (_ctx, input, { round }) => {
    const startDate = input.startDate === undefined ? round.startDate : input.startDate;
    const endDate = input.endDate === undefined ? round.endDate : input.endDate;
    checkDateOrder(startDate, endDate, "endDate");
    return { statusReason: input.reason, startDate, endDate };
  },
});
