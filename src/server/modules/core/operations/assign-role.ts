import { AssignRoleInput, RecordRef } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { processRoleAssignments } from "../schema.ts";
import { standingDelegation } from "./shared/delegation-events.ts";
import { holdsRoleToday } from "./shared/open-role.ts";
import { bySecretariatOfProcess } from "./shared/process.ts";
import { checkDateOrder, duplicateField, findParticipantForField, invalidField, newId } from "./support.ts";

/**
 * core.role.assign: the secretariat gives a participant a role in the process from a date (and, if
 * known, to a date). The host is the process's own field, not an assignment; a role cannot start
 * before the participant existed; the same role cannot be open twice.
 */
export const assignRole = defineOperation({
  name: "core.role.assign",
  input: AssignRoleInput.extend({ processId: RecordRef }),
  ...bySecretariatOfProcess,
  scope: (_input, process) => ({
    subjectType: "process_role_assignment",
    processId: process?.id,
    tier: "public",
  }),
  run: async (ctx, input, process) => {
    if (input.role === "host") {
      throw invalidField("role", "The host is set on the process itself; choose another role.");
    }
    const participant = await findParticipantForField(ctx.tx, input.participantId, "participantId");
    if (input.fromDate && participant.existsFrom && input.fromDate < participant.existsFrom) {
      throw invalidField(
        "fromDate",
        `${participant.names.en} exists from ${participant.existsFrom}; a role cannot start on ${input.fromDate}.`,
      );
    }
    checkDateOrder(input.fromDate, input.toDate, "toDate");
    const holder = { processId: process.id, participantId: participant.id, role: input.role };
    if (!input.toDate && (await holdsRoleToday(ctx.tx, holder))) {
      throw duplicateField("role", `${participant.names.en} already holds the role ${input.role}.`);
    }
    const id = newId();
    await ctx.tx.insert(processRoleAssignments).values({
      id,
      ...holder,
      fromDate: input.fromDate ?? null,
      toDate: input.toDate ?? null,
      note: input.note ?? null,
    });
    // A role is held through a delegation: it exists from now on, so accounts can be put on it.
    await standingDelegation(ctx.tx, process.id, participant.id);
    ctx.audit({
      subjectId: id,
      data: { participant: participant.slug, role: input.role, fromDate: input.fromDate ?? null },
    });
    ctx.emit({
      type: "core.role.assign",
      tier: "public",
      processId: process.id,
      subjectType: "process_role_assignment",
      subjectId: id,
      payload: { participantId: participant.id, role: input.role },
    });
    return { id, processId: process.id };
  },
});
