import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { participantsWithIds } from "../../core/index.ts";
import { instantOfSlot } from "../model.ts";
import { isSecretariat } from "../policies.ts";
import type { SchedulerSolution } from "../scheduler/index.ts";
import { programmePlans, programmeSessions } from "../schema.ts";
import {
  emitProgramme,
  loadRound,
  newId,
  programmeViolations,
  requirePlan,
  roundRows,
  type SessionRecord,
  sessionsOfRound,
} from "./shared.ts";

const kindFor = (invitees: number) =>
  invitees === 1 ? "bilateral" : invitees === 2 ? "trilateral" : "multilateral";

/**
 * programme.schedule.apply: records a scheduler run's schedule as the round's provisional programme —
 * each placed meeting a provisional session (moved where the run moved it), every unplaced request's
 * provisional meeting removed; locked and published sessions are never touched. If the programme
 * changed under the run so that its schedule no longer holds, nothing is saved (409: run it again).
 * Answers the run's summary: placed, moved, dropped, unplaced with reasons.
 */
export const applySchedule = defineOperation({
  name: "programme.schedule.apply",
  input: z.object({
    roundId: RecordRef,
    jobId: RecordRef,
    solution: z.custom<SchedulerSolution>((value) => typeof value === "object" && value !== null),
  }),
  load: (tx, input, actor) => loadRound(tx, actor, input.roundId),
  authorize: (actor, _input, target) => isSecretariat(actor, target.processId),
  scope: (input, target) => ({
    subjectType: "round",
    subjectId: input.roundId,
    processId: target?.processId ?? null,
    tier: "process",
  }),
  run: async (ctx, input, target) => {
    const plan = requirePlan(target);
    const { solution } = input;
    const rows = await roundRows(ctx.tx, target, plan);
    const requests = new Map(rows.requests.filter((r) => r.state === "accepted").map((r) => [r.id, r]));
    const sessions = await sessionsOfRound(ctx.tx, target.roundId);
    const byRequest = new Map(sessions.filter((s) => s.requestId).map((s) => [s.requestId as string, s]));
    const names = new Map(
      (await participantsWithIds(ctx.tx, rows.accredited)).map((p) => [p.id, p.names.en]),
    );
    const now = new Date();
    const kept: SessionRecord[] = [];
    const placedIds = new Set<string>();
    for (const meeting of solution.meetings) {
      const request = requests.get(meeting.requestId);
      if (!request) continue;
      placedIds.add(request.id);
      const startsAt = instantOfSlot(plan, meeting.day, meeting.start);
      const endsAt = new Date(startsAt.getTime() + request.durationMinutes * 60_000);
      const existing = byRequest.get(request.id);
      if (existing && (existing.locked || existing.state === "published")) {
        kept.push(existing);
        continue;
      }
      const participantIds = [request.requesterId, ...request.inviteeIds];
      kept.push({
        id: existing?.id ?? newId(),
        roundId: target.roundId,
        processId: target.processId,
        kind: kindFor(request.inviteeIds.length),
        title: existing?.title ?? participantIds.map((id) => names.get(id) ?? id).join(" – "),
        startsAt,
        endsAt,
        roomId: meeting.room,
        participantIds,
        tier: existing?.tier ?? "closed",
        languages: existing?.languages ?? ["en", "ru", "ar"],
        agendaItemIds: existing?.agendaItemIds ?? [],
        locked: false,
        state: "provisional",
        requestId: request.id,
        teams: meeting.teams,
        isDemo: false,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
    }
    const removed = sessions.filter(
      (s) => s.requestId && !s.locked && s.state !== "published" && !placedIds.has(s.requestId),
    );
    const others = sessions.filter(
      (s) => !s.requestId || (!placedIds.has(s.requestId) && !removed.includes(s)),
    );
    const violations = programmeViolations({ ...rows, sessions: [...others, ...kept] });
    if (violations.length > 0)
      throw new Conflict(
        "The programme changed while the scheduler ran, and its schedule no longer holds; run it again.",
        { violations },
        "programme_changed",
      );
    if (removed.length > 0)
      await ctx.tx.delete(programmeSessions).where(
        inArray(
          programmeSessions.id,
          removed.map((s) => s.id),
        ),
      );
    for (const session of kept) {
      if (!byRequest.has(session.requestId as string)) await ctx.tx.insert(programmeSessions).values(session);
      else
        await ctx.tx
          .update(programmeSessions)
          .set(session)
          .where(and(eq(programmeSessions.id, session.id), eq(programmeSessions.locked, false)));
    }
    await ctx.tx
      .update(programmePlans)
      .set({ status: "provisional", updatedAt: now })
      .where(eq(programmePlans.roundId, target.roundId));
    const summary = {
      jobId: input.jobId,
      placed: solution.meetings.length,
      moved: solution.moved.length,
      dropped: solution.dropped.length,
      objective: solution.objective.total,
      unplaced: solution.unplaced.map((u) => ({ requestId: u.requestId, ...u.reason })),
    };
    ctx.audit({
      data: {
        jobId: input.jobId,
        placed: summary.placed,
        moved: summary.moved,
        dropped: summary.dropped,
        unplaced: summary.unplaced.length,
      },
    });
    await emitProgramme(ctx, target, "programme.schedule.apply", {
      tier: "closed",
      published: false,
      participantIds: [],
    });
    return summary;
  },
});
