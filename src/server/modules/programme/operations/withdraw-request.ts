import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { EmptyInput } from "../../../../contracts/programme.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { actingFor, canSeeRequest } from "../policies.ts";
import { programmeRequests, programmeSessions } from "../schema.ts";
import { emitRequest } from "./request-support.ts";
import { findRequest, loadRound } from "./shared.ts";

/**
 * programme.request.withdraw: the requester (or the secretariat) withdraws a request; a provisional
 * meeting placed for it goes with it, a published one stays until the secretariat moves it.
 */
export const withdrawRequest = defineOperation({
  name: "programme.request.withdraw",
  input: EmptyInput.extend({ requestId: RecordRef }),
  load: async (tx, input, actor) => {
    const request = await findRequest(tx, input.requestId);
    if (!request || !canSeeRequest(actor, request)) throw new NotFound("Request", input.requestId);
    return { request, round: await loadRound(tx, actor, request.roundId) };
  },
  authorize: (actor, _input, { request, round }) =>
    actingFor(actor, round.processId, round.accredited).includes(request.requesterId),
  scope: (input, target) => ({
    subjectType: "programme_request",
    subjectId: input.requestId,
    processId: target?.round.processId ?? null,
    tier: "observers-excluded",
  }),
  run: async (ctx, _input, { request, round }) => {
    await ctx.tx
      .update(programmeRequests)
      .set({ state: "withdrawn", updatedAt: new Date() })
      .where(eq(programmeRequests.id, request.id));
    const [session] = await ctx.tx
      .select()
      .from(programmeSessions)
      .where(eq(programmeSessions.requestId, request.id));
    if (session && session.state === "provisional")
      await ctx.tx.delete(programmeSessions).where(eq(programmeSessions.id, session.id));
    await emitRequest(ctx, round, "programme.request.withdraw", request);
    return { id: request.id };
  },
});
