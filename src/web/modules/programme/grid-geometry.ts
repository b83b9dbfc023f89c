// Where a session of the grid's picture sits, and where a drag puts it: rooms across, time down, snapped
// to the programme's slots, mirrored right to left. Pure, so the drop rules are tested without a browser.
import type { Programme, SessionView } from "./queries.ts";
import { clockOf, minutesOf } from "./shared.ts";

/** The picture's measures in its own units (the SVG's viewBox): time axis, room column, header, minute. */
export const layout = { timeAxis: 56, column: 150, header: 28, perMinute: 0.9 } as const;

export type Day = Programme["days"][number];

/** Where a drag would put a session: its room and start, and what stands there. */
export type DropTarget = {
  roomId: string | null;
  roomName: string | null;
  /** Minutes since midnight at the venue. */
  start: number;
  end: number;
  /** The session dropped onto (same room, the drop's start inside it): the two swap places. */
  swapWith: SessionView | null;
  /** Sessions the move would overlap in the room, or that a delegation of it also sits in then. */
  clashes: { session: SessionView; reason: "room" | "delegation" }[];
  unchanged: boolean;
};

const startOf = (session: SessionView) => minutesOf(clockOf(session.startsAt));
const endOf = (session: SessionView) => minutesOf(clockOf(session.endsAt));

/** An "HH:MM" of minutes since midnight. */
export const clockAt = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * The target of a drag by `delta` (in the picture's units) of `session` on `day`: a whole number of
 * room columns across (mirrored in right-to-left), a whole number of slots down, kept within the day's
 * hours. A session without a room moves in time only. Dropping a session's start inside another one of
 * the same room means swapping them (as the secretariat's swap); any other overlap is a clash, shown
 * before the drop and refused by the server with its reason.
 */
export function dropTarget(
  programme: Pick<Programme, "rooms" | "slotMinutes" | "sessions">,
  day: Day,
  session: SessionView,
  delta: { x: number; y: number },
  rtl: boolean,
): DropTarget {
  const rooms = programme.rooms;
  const index = session.room ? rooms.findIndex((room) => room.id === session.room?.id) : -1;
  const across = Math.round((rtl ? -delta.x : delta.x) / layout.column);
  const room = index >= 0 ? rooms[Math.min(rooms.length - 1, Math.max(0, index + across))] : undefined;
  const from = minutesOf(day.from);
  const to = minutesOf(day.to);
  const length = endOf(session) - startOf(session);
  const slot = Math.max(1, programme.slotMinutes);
  const wanted = startOf(session) + delta.y / layout.perMinute;
  const snapped = from + Math.round((wanted - from) / slot) * slot;
  const start = Math.min(Math.max(from, snapped), Math.max(from, to - length));
  const end = start + length;
  const roomId = room?.id ?? session.room?.id ?? null;
  const others = programme.sessions.filter((s) => s.id !== session.id && s.day === session.day);
  const swapWith =
    (roomId &&
      others.find((s) => s.room?.id === roomId && startOf(s) <= start && start < endOf(s) && !s.locked)) ||
    null;
  const overlapping = others.filter((s) => s !== swapWith && startOf(s) < end && start < endOf(s));
  const delegations = new Set(session.participants.map((p) => p.id));
  const clashes: DropTarget["clashes"] = [];
  if (!swapWith)
    for (const s of overlapping) {
      if (roomId && s.room?.id === roomId) clashes.push({ session: s, reason: "room" });
      else if (s.participants.some((p) => delegations.has(p.id)))
        clashes.push({ session: s, reason: "delegation" });
    }
  return {
    roomId,
    roomName: room?.name ?? session.room?.name ?? null,
    start,
    end,
    swapWith,
    clashes,
    unchanged: roomId === (session.room?.id ?? null) && start === startOf(session),
  };
}

/** The moment of a venue clock time on a session's day, with the venue's offset: what the API takes. */
export function momentOn(session: SessionView, minutes: number): string {
  return `${session.day}T${clockAt(minutes)}:00${session.startsAt.slice(19)}`;
}
