import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { UpdateSessionInput } from "../../../../contracts/programme.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat } from "../policies.ts";
import { programmeSessions } from "../schema.ts";
import {
  auditTier,
  checkAgendaItems,
  checkProgramme,
  checkRoom,
  checkSpan,
  emitSession,
  refuseStale,
  refuseWhileScheduling,
} from "./session-support.ts";
import { loadSession, requirePlan, type SessionRecord } from "./shared.ts";

/**
 * programme.session.update: the secretariat moves a session (time, room) or changes its title, tier,
 * languages or agenda items. A moved meeting keeps its length unless a new end is given. A move that
 * clashes is refused with the reason (409), never saved silently; a locked session must be unlocked
 * before it moves. A change made on a stale view (`expectedUpdatedAt` older than the session) or while
 * the scheduler runs is refused (409).
 */
export const updateSession = defineOperation({
  name: "programme.session.update",
  input: UpdateSessionInput.extend({ sessionId: RecordRef }),
  load: (tx, input, actor) => loadSession(tx, actor, input.sessionId),
  authorize: (actor, _input, { session }) => isSecretariat(actor, session.processId),
  scope: (input, target) => ({
    subjectType: "programme_session",
    subjectId: input.sessionId,
    processId: target?.session.processId ?? null,
    tier: target ? auditTier(target.session) : "process",
  }),
  run: async (ctx, input, { session, round }) => {
    const plan = requirePlan(round);
    refuseStale(session, input.expectedUpdatedAt);
    await refuseWhileScheduling(ctx.tx, ctx.actor, round.roundId);
    const startsAt = input.startsAt ? new Date(input.startsAt) : session.startsAt;
    const length = session.endsAt.getTime() - session.startsAt.getTime();
    const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + length);
    const roomId = input.roomId === undefined ? session.roomId : input.roomId;
    const moves =
      startsAt.getTime() !== session.startsAt.getTime() ||
      endsAt.getTime() !== session.endsAt.getTime() ||
      roomId !== session.roomId;
    if (moves && session.locked)
      throw new Conflict(
        "The session is locked: unlock it before moving it.",
        { sessionId: session.id },
        "session_locked",
      );
    checkSpan(plan, startsAt, endsAt);
    await checkRoom(ctx.tx, round.roundId, roomId);
    const changed: SessionRecord = {
      ...session,
      title: input.title ?? session.title,
      startsAt,
      endsAt,
      roomId,
      tier: input.tier ?? session.tier,
      languages: input.languages ?? session.languages,
      agendaItemIds: input.agendaItemIds
        ? await checkAgendaItems(ctx.tx, round.roundId, input.agendaItemIds)
        : session.agendaItemIds,
      updatedAt: new Date(),
    };
    if (moves) await checkProgramme(ctx.tx, round, plan, [changed]);
    await ctx.tx.update(programmeSessions).set(changed).where(eq(programmeSessions.id, session.id));
    ctx.audit({ data: { moved: moves } });
    await emitSession(ctx, round, "programme.session.update", changed);
    if (changed.tier !== session.tier) await emitSession(ctx, round, "programme.session.update", session);
    return { id: session.id };
  },
});
