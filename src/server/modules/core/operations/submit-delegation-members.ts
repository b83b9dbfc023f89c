import { eq } from "drizzle-orm";
import { RecordRef, SubmitMembersInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canSubmitMembers, roundTakesDelegations } from "../policies.ts";
import { delegationMembers, roundDelegations } from "../schema.ts";
import { emitToDelegationAndSecretariat } from "./shared/delegation-events.ts";
import {
  checkDelegationVersion,
  invalidField,
  loadInvitedDelegation,
  newId,
  refuseDelegationState,
} from "./support.ts";

const open = ["invited", "submitted", "changes_requested"];

/**
 * core.delegation-members.submit: an invited delegation submits (or resubmits) its list of members,
 * named in their own script and in Latin letters, with exactly one head; the secretariat may enter it
 * on the delegation's behalf. A participant not invited to the round is a 422 naming participantId.
 * The list replaces the previous one and awaits accreditation.
 */
export const submitDelegationMembers = defineOperation({
  name: "core.delegation-members.submit",
  input: SubmitMembersInput.extend({ roundId: RecordRef, participantId: RecordRef }),
  load: (tx, input, actor) => loadInvitedDelegation(tx, input.roundId, input.participantId, actor),
  authorize: (actor, _input, target) => canSubmitMembers(actor, target.delegationFacts),
  scope: (_input, target) => ({
    subjectType: "round_delegation",
    subjectId: target?.delegation.id,
    processId: target?.round.processId,
    delegationId: target?.delegation.delegationId,
    tier: "delegation",
  }),
  run: async (ctx, input, target) => {
    const { delegation, round } = target;
    checkDelegationVersion(target, input.version);
    if (!roundTakesDelegations(round.status) || !open.includes(delegation.status)) {
      throw refuseDelegationState(target, "change its list of members");
    }
    const heads = input.members.flatMap((member, index) => (member.isHead ? [index] : []));
    if (heads.length === 0) throw invalidField("members", "Mark one member as the head of the delegation.");
    if (heads.length > 1) {
      throw invalidField(
        ["members", heads[1] ?? 0, "isHead"],
        "A delegation has one head; mark only one member.",
      );
    }
    await ctx.tx.delete(delegationMembers).where(eq(delegationMembers.roundDelegationId, delegation.id));
    await ctx.tx.insert(delegationMembers).values(
      input.members.map((member, position) => ({
        id: newId(),
        roundDelegationId: delegation.id,
        position,
        nameNative: member.nameNative ?? null,
        nameLatin: member.nameLatin,
        title: member.title ?? null,
        isHead: member.isHead,
      })),
    );
    await ctx.tx
      .update(roundDelegations)
      .set({ status: "submitted", version: delegation.version + 1, updatedAt: new Date() })
      .where(eq(roundDelegations.id, delegation.id));
    ctx.audit({ data: { members: input.members.length, round: round.number } });
    await emitToDelegationAndSecretariat(ctx, {
      type: "core.delegation-members.submit",
      tier: "delegation",
      processId: round.processId,
      delegationId: delegation.delegationId,
      subjectType: "round_delegation",
      subjectId: delegation.id,
      payload: { roundId: round.id, members: input.members.length },
    });
    return { id: delegation.id };
  },
});
