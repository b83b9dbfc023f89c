import { and, eq, inArray } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { FileRequestInput } from "../../../../contracts/programme.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { actingFor, mayActAs } from "../policies.ts";
import { programmeRequests } from "../schema.ts";
import { emitRequest } from "./request-support.ts";
import { invalidField, loadRound, newId, requireAccredited } from "./shared.ts";

/**
 * programme.request.file: a delegation asks to meet one or more others for a while, with how much it
 * wants it and a preferred day or time. Every delegation named must be accredited to the round (422
 * naming the one that is not); a delegation cannot invite itself. The secretariat may file for any
 * delegation (requests also arrive by diplomatic note). The same request filed again while the first is
 * pending or accepted (a second click, a note received twice) is refused, naming the first (409).
 */
export const fileRequest = defineOperation({
  name: "programme.request.file",
  input: FileRequestInput.extend({ roundId: RecordRef }),
  load: (tx, input, actor) => loadRound(tx, actor, input.roundId),
  authorize: (actor, input, target) => {
    const mine = actingFor(actor, target.processId, target.accredited);
    return input.requesterId ? mayActAs(actor, target, input.requesterId) : mine.length > 0;
  },
  scope: (input, target) => ({
    subjectType: "round",
    subjectId: input.roundId,
    processId: target?.processId ?? null,
    tier: "process",
  }),
  run: async (ctx, input, target) => {
    const mine = actingFor(ctx.actor, target.processId, target.accredited);
    const requesterId = input.requesterId ?? (mine.length === 1 ? mine[0] : undefined);
    if (!requesterId) throw invalidField("requesterId", "Name the delegation that asks for the meeting.");
    requireAccredited(target, [requesterId], "requesterId");
    requireAccredited(target, input.inviteeIds, "inviteeIds");
    const inviteeIds = [...new Set(input.inviteeIds)];
    if (inviteeIds.includes(requesterId))
      throw invalidField("inviteeIds", "A delegation cannot invite itself.");
    if (input.preferredFrom && input.preferredTo && input.preferredTo <= input.preferredFrom)
      throw invalidField("preferredTo", "The preferred time ends before it starts.", "ends_before_start");
    const same = await ctx.tx
      .select({ id: programmeRequests.id, inviteeIds: programmeRequests.inviteeIds })
      .from(programmeRequests)
      .where(
        and(
          eq(programmeRequests.roundId, target.roundId),
          eq(programmeRequests.requesterId, requesterId),
          inArray(programmeRequests.state, ["pending", "accepted"]),
        ),
      );
    const key = [...inviteeIds].sort().join(" ");
    const first = same.find((request) => [...request.inviteeIds].sort().join(" ") === key);
    if (first)
      throw new Conflict(
        "This delegation has already asked for this meeting; withdraw that request to file it anew.",
        { requestId: first.id },
        "duplicate_request",
      );
    const id = newId();
    const answers = Object.fromEntries(
      inviteeIds.map((invitee) => [invitee, { answer: "pending" as const, preference: null }]),
    );
    await ctx.tx.insert(programmeRequests).values({
      id,
      roundId: target.roundId,
      processId: target.processId,
      requesterId,
      inviteeIds,
      answers,
      durationMinutes: input.durationMinutes,
      preference: input.preference,
      preferredDay: input.preferredDay ?? null,
      preferredFrom: input.preferredFrom ?? null,
      preferredTo: input.preferredTo ?? null,
      note: input.note ?? null,
    });
    ctx.audit({
      subjectType: "programme_request",
      subjectId: id,
      tier: "observers-excluded",
      data: { invitees: inviteeIds.length },
    });
    await emitRequest(ctx, target, "programme.request.file", { id, requesterId, inviteeIds });
    return { id };
  },
});
