// The programme as iCalendar (RFC 5545): a round's sessions the caller may see, or one delegation's;
// timed events in UTC with the room as location, stable ids so subscribed calendars update in place.
import ical, { ICalEventStatus } from "ical-generator";
import type { Names } from "../presenters.ts";
import type { programmeRooms, programmeSessions } from "../schema.ts";

type SessionRow = typeof programmeSessions.$inferSelect;
type RoomRow = typeof programmeRooms.$inferSelect;

/** A calendar of sessions; a provisional one (seen by the secretariat) is marked tentative. */
export function sessionsCalendar(
  info: { name: string; url: string },
  sessions: SessionRow[],
  rooms: Map<string, RoomRow>,
  names: Names,
): string {
  const calendar = ical({
    name: info.name,
    url: info.url,
    prodId: { company: "Astana", product: "programme", language: "EN" },
  });
  for (const session of sessions) {
    const room = session.roomId ? rooms.get(session.roomId) : undefined;
    calendar.createEvent({
      id: `${session.id}@astana-programme`,
      start: session.startsAt,
      end: session.endsAt,
      stamp: session.updatedAt,
      summary: session.title,
      description: [
        session.kind.replaceAll("_", " "),
        session.participantIds.map((id) => names.get(id)?.name ?? id).join(", "),
        session.languages.length > 0 ? `Interpretation: ${session.languages.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("\n"),
      location: room?.name ?? null,
      status: session.state === "published" ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
