// iCalendar (RFC 5545) through `ical-generator`: what calendar programs subscribe to.
import ical, { ICalEventStatus } from "ical-generator";

export type CalendarEvent = {
  /** Stable across exports, so a subscribed calendar updates the event instead of adding another. */
  uid: string;
  /** Raised whenever the event changes (the record's version), so calendars take the new one. */
  sequence: number;
  summary: string;
  description: string;
  /** First and last day (YYYY-MM-DD), both included. */
  startDate: string;
  endDate: string;
  location: string | null;
  url: string;
  /** The last change of what the event shows, as an ISO date (keeps DTSTAMP stable). */
  stamp: string;
  cancelled?: boolean;
  tentative?: boolean;
};

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * A calendar of all-day events. iCalendar's DTEND of an all-day event is the day after the last
 * (exclusive), so a two-day round on 23–24 January ends on the 25th.
 */
export function toICalendar(
  info: { name: string; description: string; url: string },
  events: CalendarEvent[],
) {
  const calendar = ical({
    name: info.name,
    description: info.description,
    url: info.url,
    prodId: { company: "Astana", product: "record", language: "EN" },
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      allDay: true,
      start: new Date(`${event.startDate}T00:00:00Z`),
      end: new Date(`${nextDay(event.endDate)}T00:00:00Z`),
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: event.url,
      stamp: new Date(`${event.stamp}T00:00:00Z`),
      status: event.cancelled
        ? ICalEventStatus.CANCELLED
        : event.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one included.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
