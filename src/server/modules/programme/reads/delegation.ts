// GET /rounds/{id}/programme/participants/{participant}: one delegation's own programme — the sessions
// it sits in that the caller may see (its own delegation sees its closed meetings once published).
import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { sessionsVisibleTo } from "../policies.ts";
import { participantOf, presentSession } from "../presenters.ts";
import { programmeSessions } from "../schema.ts";
import { namesOf, roundContext } from "./shared.ts";

export async function loadDelegationSessions(db: Db, actor: Actor, roundId: string, participantId: string) {
  const context = await roundContext(db, actor, roundId);
  if (!context.accredited.includes(participantId)) throw new NotFound("Delegation", participantId);
  const sessions = await db
    .select()
    .from(programmeSessions)
    .where(
      and(
        eq(programmeSessions.roundId, roundId),
        sql`${programmeSessions.participantIds} @> ${JSON.stringify([participantId])}::jsonb`,
        sessionsVisibleTo(actor),
      ),
    )
    .orderBy(asc(programmeSessions.startsAt));
  const names = await namesOf(db, [participantId, ...sessions.flatMap((s) => s.participantIds)]);
  return {
    context,
    sessions,
    answer: {
      roundId,
      participant: participantOf(names, participantId),
      sessions: sessions.map((s) => presentSession(s, context.utcOffset, context.roomsById, names)),
    },
  };
}
