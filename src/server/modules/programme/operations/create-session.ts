import { RecordRef } from "../../../../contracts/common.ts";
import { CreateSessionInput, consultationKinds } from "../../../../contracts/programme.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { defaultTier } from "../policies.ts";
import { programmeSessions } from "../schema.ts";
import {
  auditTier,
  checkAgendaItems,
  checkProgramme,
  checkRoom,
  checkSpan,
  emitSession,
  refuseWhileScheduling,
} from "./session-support.ts";
import {
  bySecretariatOfRound,
  invalidField,
  newId,
  requireAccredited,
  requirePlan,
  type SessionRecord,
} from "./shared.ts";

const everyone = new Set(["plenary", "press_conference", "reception", "ministerial", "break"]);

/**
 * programme.session.create: the secretariat places a session itself (the plenary, the press
 * conference, a reception, a break, a working group, a consultation by hand). Its participants must be
 * accredited (every accredited delegation by default for a plenary and the like); it must lie within a
 * programme day, fit its room and clash with nothing already fixed or locked.
 */
export const createSession = defineOperation({
  name: "programme.session.create",
  input: CreateSessionInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, input, target) => {
    const plan = requirePlan(target);
    await refuseWhileScheduling(ctx.tx, ctx.actor, target.roundId);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    checkSpan(plan, startsAt, endsAt);
    await checkRoom(ctx.tx, target.roundId, input.roomId);
    const participantIds = [
      ...new Set(input.participantIds ?? (everyone.has(input.kind) ? target.accredited : [])),
    ];
    requireAccredited(target, participantIds, "participantIds");
    if (consultationKinds.includes(input.kind) && participantIds.length < 2)
      throw invalidField("participantIds", "A consultation needs at least two delegations.");
    const now = new Date();
    const session: SessionRecord = {
      id: newId(),
      roundId: target.roundId,
      processId: target.processId,
      kind: input.kind,
      title: input.title,
      startsAt,
      endsAt,
      roomId: input.roomId ?? null,
      participantIds,
      tier: input.tier ?? defaultTier(input.kind),
      languages: input.languages,
      agendaItemIds: await checkAgendaItems(ctx.tx, target.roundId, input.agendaItemIds),
      locked: input.locked,
      state: "provisional",
      requestId: null,
      teams: {},
      isDemo: false,
      createdAt: now,
      updatedAt: now,
    };
    await checkProgramme(ctx.tx, target, plan, [session]);
    await ctx.tx.insert(programmeSessions).values(session);
    ctx.audit({
      subjectType: "programme_session",
      subjectId: session.id,
      tier: auditTier(session),
      data: { kind: input.kind },
    });
    await emitSession(ctx, target, "programme.session.create", session);
    return { id: session.id };
  },
});
