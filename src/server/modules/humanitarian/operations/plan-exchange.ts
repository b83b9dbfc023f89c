import { RecordRef } from "../../../../contracts/common.ts";
import { PlanExchangeInput } from "../../../../contracts/humanitarian.ts";
import { BadRequest } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { participantsWithIds } from "../../core/index.ts";
import { canPlanExchange } from "../policies.ts";
import { humExchanges } from "../schema.ts";
import { emitExchange, exchangeScope } from "./exchange-shared.ts";
import { byOf, loadProcess, loadSide, newId } from "./shared.ts";

/**
 * humanitarian.exchange.plan: the intermediary or a guarantor plans an exchange: its date, place,
 * intermediary, guarantors and the agreed ratio (the first side releases N, the second M). Followed by
 * both sides, the working group and the host; the people in it stay readable only as their cases are.
 */
export const planExchange = defineOperation({
  name: "humanitarian.exchange.plan",
  input: PlanExchangeInput.extend({ processId: RecordRef }),
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, { processId }) => canPlanExchange(actor, processId),
  scope: (_input, target) =>
    target
      ? { subjectType: "humanitarian.exchange", processId: target.processId, tier: "observers-excluded" }
      : {},
  run: async (ctx, input, { processId }) => {
    if (input.firstDelegationId === input.secondDelegationId)
      throw new BadRequest(
        "The two sides of an exchange are two delegations.",
        { field: "secondDelegationId" },
        "same_side",
      );
    const first = await loadSide(ctx.tx, processId, input.firstDelegationId);
    const second = await loadSide(ctx.tx, processId, input.secondDelegationId);
    const named = await participantsWithIds(ctx.tx, [first.participantId, second.participantId]);
    const label = (id: string) => named.find((participant) => participant.id === id)?.names?.en ?? null;
    const row = {
      id: newId(),
      processId,
      tier: "observers-excluded" as const,
      kind: "operation" as const,
      on: input.on,
      place: input.place,
      intermediaryParticipantId: input.intermediaryParticipantId ?? null,
      intermediaryName: input.intermediaryName ?? null,
      guarantorParticipantIds: input.guarantorParticipantIds,
      firstDelegationId: first.delegationId,
      secondDelegationId: second.delegationId,
      firstSideLabel: label(first.participantId),
      secondSideLabel: label(second.participantId),
      firstReleases: input.firstReleases,
      secondReleases: input.secondReleases,
      state: "planned" as const,
      note: input.note ?? null,
      createdBy: byOf(ctx.actor).byLabel,
    };
    await ctx.tx.insert(humExchanges).values(row);
    const stored = { ...row, sources: [], conflicts: [] } as unknown as Parameters<typeof exchangeScope>[0];
    ctx.audit({
      ...exchangeScope(stored),
      data: { ratio: `${input.firstReleases} for ${input.secondReleases}` },
    });
    emitExchange(ctx, "humanitarian.exchange.plan", stored as NonNullable<typeof stored>);
    return { id: row.id };
  },
});
