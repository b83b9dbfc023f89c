import { and, eq, lt, ne, or } from "drizzle-orm";
import { RecordRef, UpdateParticipantInput } from "../../../../contracts/process.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canManageParticipants } from "../policies.ts";
import { presentParticipant } from "../presenters/process.ts";
import { participants, processRoleAssignments, roleChanges } from "../schema.ts";
import { checkVersion, duplicateField, invalidField } from "./support.ts";

async function loadParticipant(tx: Db, ref: string) {
  const [row] = await tx
    .select()
    .from(participants)
    .where(or(eq(participants.id, ref), eq(participants.slug, ref)))
    .limit(1)
    .for("update");
  if (!row) throw new NotFound("Participant", ref);
  return row;
}

/**
 * core.participant.update: corrects a participant, from the version the editor read. Moving its date of
 * existence after a role it already holds or a change already recorded is refused (422 on existsFrom).
 */
export const updateParticipant = defineOperation({
  name: "core.participant.update",
  input: UpdateParticipantInput.extend({ participantId: RecordRef }),
  load: (tx, input) => loadParticipant(tx, input.participantId),
  authorize: (actor) => canManageParticipants(actor),
  scope: (_input, participant) => ({
    subjectType: "participant",
    subjectId: participant?.id,
    tier: "public",
  }),
  run: async (ctx, input, participant) => {
    checkVersion(
      `Participant ${participant.slug}`,
      input.version,
      participant,
      presentParticipant(participant, { update: true }),
    );
    if (input.slug !== undefined && input.slug !== participant.slug) {
      const [taken] = await ctx.tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.slug, input.slug), ne(participants.id, participant.id)))
        .limit(1);
      if (taken) throw duplicateField("slug", `A participant with the address ${input.slug} already exists.`);
    }
    if (input.existsFrom) {
      const [earlierChange] = await ctx.tx
        .select({ occurredOn: roleChanges.occurredOn })
        .from(roleChanges)
        .where(
          and(eq(roleChanges.participantId, participant.id), lt(roleChanges.occurredOn, input.existsFrom)),
        )
        .limit(1);
      const [earlierRole] = await ctx.tx
        .select({ fromDate: processRoleAssignments.fromDate })
        .from(processRoleAssignments)
        .where(
          and(
            eq(processRoleAssignments.participantId, participant.id),
            lt(processRoleAssignments.fromDate, input.existsFrom),
          ),
        )
        .limit(1);
      const earlier = earlierChange?.occurredOn ?? earlierRole?.fromDate;
      if (earlier) {
        throw invalidField(
          "existsFrom",
          `The record already has this participant acting on ${earlier}, before ${input.existsFrom}.`,
        );
      }
    }
    const changes = {
      ...(input.slug !== undefined && { slug: input.slug }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.names !== undefined && { names: input.names }),
      ...(input.shortName !== undefined && { shortName: input.shortName }),
      ...(input.existsFrom !== undefined && { existsFrom: input.existsFrom }),
      ...(input.aliases !== undefined && { aliases: input.aliases }),
    };
    await ctx.tx
      .update(participants)
      .set({ ...changes, version: participant.version + 1, updatedAt: new Date() })
      .where(eq(participants.id, participant.id));
    ctx.audit({ data: { fields: Object.keys(changes) } });
    ctx.emit({
      type: "core.participant.update",
      tier: "public",
      subjectType: "participant",
      subjectId: participant.id,
    });
    return { id: participant.id };
  },
});
