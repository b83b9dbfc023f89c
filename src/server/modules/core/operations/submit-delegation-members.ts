import { eq } from "drizzle-orm";
import { RecordRef, SubmitMembersInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canSubmitMembers } from "../policies.ts";
import { delegationMembers } from "../schema.ts";
import { emitToDelegationAndSecretariat } from "./shared/delegation-events.ts";
import {
  checkDelegationMayChange,
  roundDelegationEvent,
  roundDelegationScope,
  saveDelegationStatus,
} from "./shared/round-delegation.ts";
import { invalidField, loadInvitedDelegation, newId } from "./support.ts";

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
  scope: roundDelegationScope,
  run: async (ctx, input, target) => {
    const { delegation, round } = target;
    checkDelegationMayChange(
      target,
      input.version,
      ["invited", "submitted", "changes_requested"],
      "change its list of members",
    );
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
    await saveDelegationStatus(ctx.tx, delegation, { status: "submitted" });
    ctx.audit({ data: { members: input.members.length, round: round.number } });
    await emitToDelegationAndSecretariat(
      ctx,
      roundDelegationEvent("core.delegation-members.submit", target, {
        payload: { roundId: round.id, members: input.members.length },
      }),
    );
    return { id: delegation.id };
  },
});
