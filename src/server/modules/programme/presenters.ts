// Rows → the programme's API shapes: sessions with their room and participants by name, times as the
// venue's clocks show them, requests with each invitee's answer.
import type { z } from "zod";
import type { ConsultationRequest, Session } from "../../../contracts/programme.ts";
import { venueClock, venueIso } from "./model.ts";
import type { programmeRequests, programmeRooms, programmeSessions } from "./schema.ts";

export type Names = Map<string, { id: string; name: string; names: Record<string, string | undefined> }>;
type RoomRow = typeof programmeRooms.$inferSelect;
type SessionRow = typeof programmeSessions.$inferSelect;
type RequestRow = typeof programmeRequests.$inferSelect;

/** A participant by name in every language the record has; an unknown id shows as itself. */
export function participantOf(names: Names, id: string) {
  const found = names.get(id);
  return found ? { id, name: found.name, names: found.names } : { id, name: id, names: {} };
}

export function presentRoom(room: RoomRow) {
  return { id: room.id, name: room.name, capacity: room.capacity, equipment: room.equipment };
}

export function presentSession(
  session: SessionRow,
  utcOffset: string,
  rooms: Map<string, RoomRow>,
  names: Names,
): z.infer<typeof Session> {
  const room = session.roomId ? rooms.get(session.roomId) : undefined;
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    startsAt: venueIso(session.startsAt, utcOffset),
    endsAt: venueIso(session.endsAt, utcOffset),
    day: venueClock(session.startsAt, utcOffset).date,
    room: room ? presentRoom(room) : null,
    participants: session.participantIds.map((id) => participantOf(names, id)),
    tier: session.tier,
    languages: session.languages,
    agendaItemIds: session.agendaItemIds,
    locked: session.locked,
    state: session.state,
    requestId: session.requestId,
    teams: session.teams,
    updatedAt: session.updatedAt.toISOString(),
  };
}

export function presentRequest(
  request: RequestRow,
  names: Names,
  extra: Pick<z.infer<typeof ConsultationRequest>, "sessionId" | "unplaced" | "can">,
): z.infer<typeof ConsultationRequest> {
  return {
    id: request.id,
    requester: participantOf(names, request.requesterId),
    invitees: request.inviteeIds.map((id) => ({
      ...participantOf(names, id),
      answer: request.answers[id]?.answer ?? "pending",
      preference: request.answers[id]?.preference ?? null,
    })),
    durationMinutes: request.durationMinutes,
    preference: request.preference,
    preferredDay: request.preferredDay,
    preferredFrom: request.preferredFrom,
    preferredTo: request.preferredTo,
    note: request.note,
    state: request.state,
    ...extra,
  };
}
