import { and, eq } from "drizzle-orm";
import { RecordRef, RecordRoleChangeInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { saveOptionalTextVersions } from "../../../platform/text-versions.ts";
import { processRoleAssignments, roleChanges, rounds } from "../schema.ts";
import { holdsRoleToday, openRoleAssignment } from "./shared/open-role.ts";
import { bySecretariatOfProcess } from "./shared/process.ts";
import { findParticipantForField, invalidField, newId } from "./support.ts";

/**
 * core.role-change.record: a change of a participant's standing (observer status granted, withdrawn,
 * a boycott declared) with its date, round and statement. Nothing can happen to a participant before
 * it existed (422 on occurredOn). `granted` opens the role and `withdrawn` closes it, so the roles the
 * platform grants follow the record.
 */
export const recordRoleChange = defineOperation({
  name: "core.role-change.record",
  input: RecordRoleChangeInput.extend({ processId: RecordRef }),
  ...bySecretariatOfProcess,
  scope: (_input, process) => ({ subjectType: "role_change", processId: process?.id, tier: "public" }),
  run: async (ctx, input, process) => {
    const participant = await findParticipantForField(ctx.tx, input.participantId, "participantId");
    if (participant.existsFrom && input.occurredOn < participant.existsFrom) {
      throw invalidField(
        "occurredOn",
        `${participant.names.en} exists from ${participant.existsFrom}; nothing can have changed for it on ${input.occurredOn}.`,
      );
    }
    if (input.roundNumber != null) {
      const [round] = await ctx.tx
        .select({ id: rounds.id })
        .from(rounds)
        .where(and(eq(rounds.processId, process.id), eq(rounds.number, input.roundNumber)))
        .limit(1);
      if (!round) throw invalidField("roundNumber", `This process has no round ${input.roundNumber}.`);
    }
    const id = newId();
    // The statement may come in several languages: the row keeps the original, the rest are versions.
    const statement =
      (
        await saveOptionalTextVersions(
          ctx.tx,
          { subjectType: "role_change", subjectId: id, field: "statement" },
          input.statement,
        )
      )?.text ?? null;
    await ctx.tx.insert(roleChanges).values({
      id,
      processId: process.id,
      participantId: participant.id,
      role: input.role,
      change: input.change,
      occurredOn: input.occurredOn,
      occurredPrecision: input.occurredPrecision ?? "day",
      roundNumber: input.roundNumber ?? null,
      statement,
    });
    const holder = { processId: process.id, participantId: participant.id, role: input.role };
    if (input.change === "granted" && !(await holdsRoleToday(ctx.tx, holder))) {
      await ctx.tx.insert(processRoleAssignments).values({
        id: newId(),
        ...holder,
        fromDate: input.occurredOn,
        note: statement,
      });
    } else if (input.change === "withdrawn") {
      await ctx.tx
        .update(processRoleAssignments)
        .set({ toDate: input.occurredOn, updatedAt: new Date() })
        .where(openRoleAssignment(holder));
    }
    ctx.audit({
      subjectId: id,
      data: {
        participant: participant.slug,
        role: input.role,
        change: input.change,
        occurredOn: input.occurredOn,
      },
    });
    ctx.emit({
      type: "core.role-change.record",
      tier: "public",
      processId: process.id,
      subjectType: "role_change",
      subjectId: id,
      payload: { participantId: participant.id, change: input.change },
    });
    return { id, processId: process.id };
  },
});
