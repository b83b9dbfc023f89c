import { eq } from "drizzle-orm";
import { InviteDelegationsByRoleInput, RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { roundTakesDelegations } from "../policies.ts";
import { participants, processRoleAssignments, roundDelegations } from "../schema.ts";
import { currentRole } from "./invite-delegation.ts";
import { emitToDelegationAndSecretariat, standingDelegation } from "./shared/delegation-events.ts";
import { bySecretariatOfRound } from "./shared/round.ts";
import { newId } from "./support.ts";

/**
 * core.round-delegation.invite-by-role: the secretariat invites, in one action, every participant whose
 * current role in the process is one of those given (all the guarantors, parties, observers…), each in
 * that role, as inviting them one by one would. Those invited already are left as they are, so a
 * second click invites nobody twice. One audit entry names everyone invited; each delegation hears
 * of its own invitation.
 */
export const inviteDelegationsByRole = defineOperation({
  name: "core.round-delegation.invite-by-role",
  input: InviteDelegationsByRoleInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  // Invitations are the secretariat's and each delegation's to see: the entry naming them all is the
  // secretariat's (its delegation is set in run), never the round's readers'.
  scope: (_input, target) => ({
    subjectType: "round",
    subjectId: target?.round.id,
    processId: target?.round.processId,
    tier: "delegation",
  }),
  run: async (ctx, input, { round, process }) => {
    if (!roundTakesDelegations(round.status)) {
      throw new Conflict(
        `Round ${round.number} is ${round.status}; delegations can no longer be invited.`,
        { field: "status", currentStatus: round.status },
        "invalid_transition",
      );
    }
    const day = round.startDate ?? new Date().toISOString().slice(0, 10);
    const assigned = await ctx.tx
      .selectDistinct({ participantId: processRoleAssignments.participantId })
      .from(processRoleAssignments)
      .where(eq(processRoleAssignments.processId, process.id));
    const candidates = new Set([process.hostParticipantId, ...assigned.map((row) => row.participantId)]);
    const existing = await ctx.tx
      .select({ participantId: roundDelegations.participantId })
      .from(roundDelegations)
      .where(eq(roundDelegations.roundId, round.id));
    const invitedBefore = new Set(existing.map((row) => row.participantId));

    const invited: { id: string; participantId: string; slug: string; role: string }[] = [];
    const alreadyInvited: string[] = [];
    for (const participantId of [...candidates].sort()) {
      const role = await currentRole(ctx.tx, process, participantId, day);
      if (!role || !input.roles.includes(role)) continue;
      if (invitedBefore.has(participantId)) {
        alreadyInvited.push(participantId);
        continue;
      }
      const [participant] = await ctx.tx
        .select({ slug: participants.slug })
        .from(participants)
        .where(eq(participants.id, participantId))
        .limit(1);
      const delegationId = await standingDelegation(ctx.tx, process.id, participantId);
      const id = newId();
      await ctx.tx.insert(roundDelegations).values({
        id,
        roundId: round.id,
        participantId,
        delegationId,
        role,
        status: "invited",
      });
      invited.push({ id, participantId, slug: participant?.slug ?? participantId, role });
      await emitToDelegationAndSecretariat(ctx, {
        type: "core.round-delegation.invite",
        tier: "delegation",
        processId: process.id,
        delegationId,
        subjectType: "round_delegation",
        subjectId: id,
        payload: { roundId: round.id, participantId, role },
      });
    }
    ctx.audit({
      delegationId: await standingDelegation(ctx.tx, process.id, process.hostParticipantId),
      data: {
        round: round.number,
        roles: input.roles,
        invited: invited.map(({ slug, role }) => ({ participant: slug, role })),
        alreadyInvited: alreadyInvited.length,
      },
    });
    return { invitedIds: invited.map((item) => item.id), alreadyInvited };
  },
});
