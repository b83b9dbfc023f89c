import { eq } from "drizzle-orm";
import { SwapInput } from "../../../../contracts/programme.ts";
import { BadRequest, Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat } from "../policies.ts";
import { programmeSessions } from "../schema.ts";
import { checkProgramme, emitSession, refuseWhileScheduling } from "./session-support.ts";
import { loadSession, requirePlan, type SessionRecord } from "./shared.ts";

/**
 * programme.session.swap: the secretariat swaps two sessions of a round: each takes the other's start
 * and room, keeping its own length. Locked sessions stay put; a swap that clashes, or one asked while the
 * scheduler runs, is refused (409).
 */
export const swapSessions = defineOperation({
  name: "programme.session.swap",
  input: SwapInput,
  load: async (tx, input, actor) => {
    const [a = "", b = ""] = input.sessionIds;
    if (a === b) throw new BadRequest("Name two different sessions.", undefined, "invalid_input");
    return [await loadSession(tx, actor, a), await loadSession(tx, actor, b)] as const;
  },
  authorize: (actor, _input, [a, b]) =>
    isSecretariat(actor, a.session.processId) && a.session.roundId === b.session.roundId,
  scope: (input, target) => ({
    subjectType: "programme_session",
    subjectId: input.sessionIds[0],
    processId: target?.[0].session.processId ?? null,
    tier: "observers-excluded",
  }),
  run: async (ctx, _input, [{ session: a, round }, { session: b }]) => {
    if (a.locked || b.locked)
      throw new Conflict("A locked session cannot be swapped.", undefined, "session_locked");
    const plan = requirePlan(round);
    await refuseWhileScheduling(ctx.tx, ctx.actor, round.roundId);
    const moved = (session: SessionRecord, to: SessionRecord): SessionRecord => ({
      ...session,
      startsAt: to.startsAt,
      endsAt: new Date(to.startsAt.getTime() + session.endsAt.getTime() - session.startsAt.getTime()),
      roomId: to.roomId,
      updatedAt: new Date(),
    });
    const changed = [moved(a, b), moved(b, a)];
    await checkProgramme(ctx.tx, round, plan, changed);
    for (const session of changed) {
      await ctx.tx.update(programmeSessions).set(session).where(eq(programmeSessions.id, session.id));
      await emitSession(ctx, round, "programme.session.swap", session);
    }
    ctx.audit({ data: { swapped: changed.map((s) => s.id) } });
    return { id: a.id };
  },
});
