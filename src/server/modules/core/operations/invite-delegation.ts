import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { type ProcessRole, processRoles } from "../../../../contracts/enums.ts";
import { InviteDelegationInput, RecordRef } from "../../../../contracts/process.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { roundTakesDelegations } from "../policies.ts";
import { processRoleAssignments, roundDelegations } from "../schema.ts";
import { emitToDelegationAndSecretariat, standingDelegation } from "./shared/delegation-events.ts";
import { bySecretariatOfRound } from "./shared/round.ts";
import { duplicateField, findParticipantForField, invalidField, newId, type ProcessRow } from "./support.ts";

/** The role a participant holds in the process on a day: the host, else its open assignment (first by rank). */
export async function currentRole(
  tx: Db,
  process: ProcessRow,
  participantId: string,
  day: string,
): Promise<ProcessRole | null> {
  if (process.hostParticipantId === participantId) return "host";
  const rows = await tx
    .select({ role: processRoleAssignments.role })
    .from(processRoleAssignments)
    .where(
      and(
        eq(processRoleAssignments.processId, process.id),
        eq(processRoleAssignments.participantId, participantId),
        or(isNull(processRoleAssignments.fromDate), lte(processRoleAssignments.fromDate, day)),
        or(isNull(processRoleAssignments.toDate), gte(processRoleAssignments.toDate, day)),
      ),
    );
  const held = new Set(rows.map((row) => row.role));
  return processRoles.find((role) => held.has(role)) ?? null;
}

/**
 * core.round-delegation.invite: the secretariat invites a participant to a round, in its current role
 * in the process unless another is given. Until accredited, the invitation is the secretariat's and
 * that delegation's to see. A participant is invited once per round (409 on participantId).
 */
export const inviteDelegation = defineOperation({
  name: "core.round-delegation.invite",
  input: InviteDelegationInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  scope: (_input, target) => ({
    subjectType: "round_delegation",
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
    const participant = await findParticipantForField(ctx.tx, input.participantId, "participantId");
    const [invited] = await ctx.tx
      .select({ id: roundDelegations.id })
      .from(roundDelegations)
      .where(and(eq(roundDelegations.roundId, round.id), eq(roundDelegations.participantId, participant.id)))
      .limit(1);
    if (invited)
      throw duplicateField(
        "participantId",
        `${participant.names.en} is already invited to round ${round.number}.`,
      );
    const role =
      input.role ??
      (await currentRole(
        ctx.tx,
        process,
        participant.id,
        round.startDate ?? new Date().toISOString().slice(0, 10),
      ));
    if (!role) {
      throw invalidField(
        "role",
        `${participant.names.en} holds no role in this process; say in which role it is invited.`,
      );
    }
    const delegationId = await standingDelegation(ctx.tx, process.id, participant.id);
    const id = newId();
    await ctx.tx.insert(roundDelegations).values({
      id,
      roundId: round.id,
      participantId: participant.id,
      delegationId,
      role,
      status: "invited",
    });
    ctx.audit({
      subjectId: id,
      delegationId,
      data: { round: round.number, participant: participant.slug, role },
    });
    await emitToDelegationAndSecretariat(ctx, {
      type: "core.round-delegation.invite",
      tier: "delegation",
      processId: process.id,
      delegationId,
      subjectType: "round_delegation",
      subjectId: id,
      payload: { roundId: round.id, participantId: participant.id, role },
    });
    return { id };
  },
});
