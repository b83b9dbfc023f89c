import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { AnswerRequestInput } from "../../../../contracts/programme.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { actingFor, canSeeRequest } from "../policies.ts";
import { programmeRequests } from "../schema.ts";
import { emitRequest, stateFromAnswers } from "./request-support.ts";
import { findRequest, invalidField, loadRound } from "./shared.ts";

async function loadRequest(tx: Db, actor: Actor, requestId: string) {
  const request = await findRequest(tx, requestId);
  if (!request || !canSeeRequest(actor, request)) throw new NotFound("Request", requestId);
  return { request, round: await loadRound(tx, actor, request.roundId) };
}

/** The invitees of a request the actor may answer for (the secretariat: any). */
export function answerableBy(
  actor: Actor,
  round: { processId: string; accredited: string[] },
  inviteeIds: string[],
): string[] {
  const mine = actingFor(actor, round.processId, [...round.accredited, ...inviteeIds]);
  return inviteeIds.filter((id) => mine.includes(id));
}

/**
 * programme.request.answer: an invited delegation accepts or declines, optionally with its own
 * preference (mutual interest weighs more). The request is accepted once every invitee accepted. A
 * withdrawn request takes no answer.
 */
export const answerRequest = defineOperation({
  name: "programme.request.answer",
  input: AnswerRequestInput.extend({ requestId: RecordRef }),
  load: (tx, input, actor) => loadRequest(tx, actor, input.requestId),
  authorize: (actor, _input, { request, round }) => answerableBy(actor, round, request.inviteeIds).length > 0,
  scope: (input, target) => ({
    subjectType: "programme_request",
    subjectId: input.requestId,
    processId: target?.round.processId ?? null,
    tier: "observers-excluded",
  }),
  run: async (ctx, input, { request, round }) => {
    if (request.state === "withdrawn")
      throw new Conflict("The request was withdrawn.", undefined, "request_withdrawn");
    const allowed = answerableBy(ctx.actor, round, request.inviteeIds);
    const as = input.asParticipantId ?? (allowed.length === 1 ? allowed[0] : undefined);
    if (!as || !allowed.includes(as))
      throw invalidField("asParticipantId", "Name the invited delegation you answer for.");
    const answers = {
      ...request.answers,
      [as]: { answer: input.answer, preference: input.preference ?? null },
    };
    const state = stateFromAnswers(answers);
    await ctx.tx
      .update(programmeRequests)
      .set({ answers, state, updatedAt: new Date() })
      .where(eq(programmeRequests.id, request.id));
    ctx.audit({ data: { answer: input.answer, state } });
    await emitRequest(ctx, round, "programme.request.answer", request);
    return { id: request.id, state };
  },
});
