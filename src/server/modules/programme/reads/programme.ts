// GET /rounds/{id}/programme: the round's programme as the caller may see it — settings, rooms, the
// sessions of its tier (the secretariat: all, provisional included), the agenda with each item's links
// (sessions, texts, commitments, the same subject in other rounds), the scheduler's last run.
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ProgrammeView, RunSummary } from "../../../../contracts/programme.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { latestJobOf } from "../../../platform/jobs.ts";
import { programmeCan, sessionsVisibleTo } from "../policies.ts";
import { presentRoom, presentSession } from "../presenters.ts";
import { programmeSessions } from "../schema.ts";
import { loadAgenda } from "./agenda.ts";
import { namesOf, roundContext } from "./shared.ts";

type Loaded = { view: Omit<z.infer<typeof ProgrammeView>, "can">; processId: string; accredited: string[] };

/** The scheduler's last run on the round, for those who may follow it (the secretariat). */
export async function lastRunOf(
  db: Db,
  actor: Actor,
  roundId: string,
): Promise<z.infer<typeof RunSummary> | null> {
  const job = await latestJobOf(db, actor, "programme", roundId);
  if (!job) return null;
  const result = (job.result ?? {}) as Partial<z.infer<typeof RunSummary>>;
  return {
    ...result,
    jobId: job.id,
    state: job.state,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function loadProgramme(db: Db, actor: Actor, roundId: string): Promise<Loaded> {
  const context = await roundContext(db, actor, roundId);
  const sessions = await db
    .select()
    .from(programmeSessions)
    .where(and(eq(programmeSessions.roundId, roundId), sessionsVisibleTo(actor)))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.title));
  const agenda = await loadAgenda(
    db,
    actor,
    { id: roundId, processId: context.processId, number: context.round.number },
    sessions,
  );
  const names = await namesOf(
    db,
    sessions.flatMap((s) => s.participantIds),
  );
  const plan = context.plan;
  return {
    processId: context.processId,
    accredited: context.accredited,
    view: {
      roundId,
      processId: context.processId,
      status: plan?.status ?? "draft",
      utcOffset: context.utcOffset,
      slotMinutes: plan?.slotMinutes ?? 30,
      minGapMinutes: plan?.minGapMinutes ?? 0,
      days: plan?.days ?? [],
      weights: plan?.weights ?? {},
      rooms: context.rooms.map(presentRoom),
      sessions: sessions.map((s) => presentSession(s, context.utcOffset, context.roomsById, names)),
      agenda,
      agendaAdopted: plan?.agendaAdopted ?? false,
      lastRun: await lastRunOf(db, actor, roundId),
    },
  };
}

export function programmeViewCan(actor: Actor, loaded: Loaded) {
  return programmeCan(actor, loaded.processId, loaded.accredited);
}
