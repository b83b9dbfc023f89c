import { RecordRef, UpdateRoundInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { bySecretariatOfRound, roundEvent, roundScope } from "./shared/round.ts";
import { checkDateOrder, checkRoundVersion, invalidField, touchRound } from "./support.ts";

/**
 * core.round.update: the secretariat edits a round from the version it read; if a colleague saved in
 * between, the save is refused (409 stale_version, with the current round) rather than overwriting
 * theirs. Once announced, a round keeps its dates: they can be changed, not removed.
 */
export const updateRound = defineOperation({
  name: "core.round.update",
  input: UpdateRoundInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  scope: roundScope,
  run: async (ctx, input, target) => {
    const { round } = target;
    checkRoundVersion(round, input.version);
    const startDate = input.startDate === undefined ? round.startDate : input.startDate;
    const endDate = input.endDate === undefined ? round.endDate : input.endDate;
    checkDateOrder(startDate, endDate, "endDate");
    if (round.status !== "planned") {
      if (!startDate)
        throw invalidField("startDate", `Round ${round.number} is ${round.status}; it needs a start date.`);
      if (!endDate)
        throw invalidField("endDate", `Round ${round.number} is ${round.status}; it needs an end date.`);
    }
    const changes = {
      ...(input.names !== undefined && { names: input.names }),
      ...(input.city !== undefined && { city: input.city }),
      ...(input.venue !== undefined && { venue: input.venue }),
      ...(input.startDate !== undefined && { startDate: input.startDate }),
      ...(input.endDate !== undefined && { endDate: input.endDate }),
    };
    const updated = await touchRound(ctx.tx, round, changes);
    ctx.audit({ data: { fields: Object.keys(changes), version: updated.version } });
    ctx.emit(roundEvent("core.round.update", target, { version: updated.version }));
    return { id: round.id, version: updated.version };
  },
});
