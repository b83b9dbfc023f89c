// GET /rounds/{id}/programme/requests: the consultation requests the caller is party to (the
// secretariat: all, with the scheduler's reasons for those it could not place), the stays, and whom
// the caller may file for and invite.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { RequestList } from "../../../../contracts/programme.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { answerableBy } from "../operations/answer-request.ts";
import {
  actingFor,
  isSecretariat,
  participantsOf,
  requestsVisibleTo,
  sessionsVisibleTo,
} from "../policies.ts";
import { participantOf, presentRequest } from "../presenters.ts";
import { programmeRequests, programmeSessions, programmeStays } from "../schema.ts";
import { lastRunOf } from "./programme.ts";
import { namesOf, roundContext } from "./shared.ts";

export async function listRequests(
  db: Db,
  actor: Actor,
  roundId: string,
): Promise<z.infer<typeof RequestList>> {
  const context = await roundContext(db, actor, roundId);
  const requests = await db
    .select()
    .from(programmeRequests)
    .where(and(eq(programmeRequests.roundId, roundId), requestsVisibleTo(actor)))
    .orderBy(asc(programmeRequests.createdAt));
  const sessions =
    requests.length === 0
      ? []
      : await db
          .select({ id: programmeSessions.id, requestId: programmeSessions.requestId })
          .from(programmeSessions)
          .where(
            and(
              inArray(
                programmeSessions.requestId,
                requests.map((r) => r.id),
              ),
              sessionsVisibleTo(actor),
            ),
          );
  const sessionOf = new Map(sessions.map((s) => [s.requestId, s.id]));
  const member =
    isSecretariat(actor, context.processId) || participantsOf(actor, context.processId).length > 0;
  const stays = member
    ? await db.select().from(programmeStays).where(eq(programmeStays.roundId, roundId))
    : [];
  const run = await lastRunOf(db, actor, roundId);
  const unplaced = new Map((run?.unplaced ?? []).map((u) => [u.requestId, u]));
  const mine = actingFor(actor, context.processId, context.accredited);
  const names = await namesOf(db, [
    ...context.accredited,
    ...requests.flatMap((r) => [r.requesterId, ...r.inviteeIds]),
  ]);
  return {
    roundId,
    items: requests.map((request) =>
      presentRequest(request, names, {
        sessionId: sessionOf.get(request.id) ?? null,
        unplaced:
          request.state === "accepted" && !sessionOf.has(request.id)
            ? (unplaced.get(request.id) ?? null)
            : null,
        can: {
          answerAs:
            request.state === "withdrawn" || actor.kind !== "account"
              ? []
              : answerableBy(actor, context, request.inviteeIds),
          withdraw:
            actor.kind === "account" && request.state !== "withdrawn" && mine.includes(request.requesterId),
        },
      }),
    ),
    stays: stays.map((stay) => ({
      participant: participantOf(names, stay.participantId),
      arrivesAt: stay.arrivesAt?.toISOString() ?? null,
      departsAt: stay.departsAt?.toISOString() ?? null,
      teams: stay.teams,
      teamSize: stay.teamSize,
    })),
    fileAs: actor.kind === "account" ? mine.map((id) => participantOf(names, id)) : [],
    delegations: context.accredited.map((id) => participantOf(names, id)),
  };
}
