// Where a drag on the programme's picture puts a session: whole rooms across (mirrored right to left),
// whole slots down within the day, a drop on another session of the room a swap, any other overlap a clash.
import { describe, expect, it } from "vitest";
import { dropTarget, layout, momentOn } from "../../src/web/modules/programme/grid-geometry.ts";
import type { SessionView } from "../../src/web/modules/programme/queries.ts";

const rooms = [
  { id: "hall", name: "Hall A", capacity: 60, equipment: [] },
  { id: "r1", name: "Room 1", capacity: 12, equipment: [] },
  { id: "r2", name: "Room 2", capacity: 12, equipment: [] },
];
const day = { date: "2025-05-20", from: "09:00", to: "18:00", breaks: [] };
const session = (
  id: string,
  room: string | null,
  from: string,
  to: string,
  who: string[],
  extra: Partial<SessionView> = {},
): SessionView => ({
  id,
  kind: "bilateral",
  title: id,
  startsAt: `2025-05-20T${from}:00+05:00`,
  endsAt: `2025-05-20T${to}:00+05:00`,
  day: "2025-05-20",
  room: rooms.find((r) => r.id === room) ?? null,
  participants: who.map((p) => ({ id: p, name: p, names: {} })),
  tier: "closed",
  languages: [],
  agendaItemIds: [],
  locked: false,
  state: "provisional",
  requestId: null,
  teams: {},
  updatedAt: "2025-05-01T00:00:00.000Z",
  ...extra,
});
const a = session("A", "r1", "10:00", "11:00", ["russia", "turkiye"]);
const b = session("B", "r2", "10:00", "10:30", ["iran", "jordan"]);
const c = session("C", "hall", "11:00", "12:00", ["russia", "iran"]);
const plenary = session("P", "hall", "15:00", "16:00", ["russia"], { kind: "plenary", locked: true });
const programme = { rooms, slotMinutes: 30, sessions: [a, b, c, plenary] };
const slot = 30 * layout.perMinute;

describe("dropping a session on the programme's picture", () => {
  it("moves by whole rooms and slots, snapped, and stays still for a small nudge", () => {
    expect(dropTarget(programme, day, a, { x: 5, y: 4 }, false).unchanged).toBe(true);
    const moved = dropTarget(programme, day, a, { x: -layout.column * 1.2, y: slot * 2.4 }, false);
    expect(moved).toMatchObject({ roomId: "hall", start: 11 * 60, end: 12 * 60, unchanged: false });
  });

  it("mirrors rooms right to left, and keeps the session within its day and rooms", () => {
    expect(dropTarget(programme, day, a, { x: -layout.column, y: 0 }, true).roomId).toBe("r2");
    const far = dropTarget(programme, day, a, { x: layout.column * 9, y: slot * 100 }, false);
    expect(far).toMatchObject({ roomId: "r2", start: 17 * 60, end: 18 * 60 });
    expect(dropTarget(programme, day, a, { x: 0, y: -slot * 100 }, false).start).toBe(9 * 60);
  });

  it("swaps when dropped on another session of the room, but never on a locked one", () => {
    const onB = dropTarget(programme, day, a, { x: layout.column, y: 0 }, false);
    expect(onB.swapWith?.id).toBe("B");
    expect(onB.clashes).toEqual([]);
    const onPlenary = dropTarget(programme, day, c, { x: 0, y: slot * 8 }, false);
    expect(onPlenary.swapWith).toBeNull();
    expect(onPlenary.clashes.map((x) => [x.session.id, x.reason])).toEqual([["P", "room"]]);
  });

  it("names a delegation's other meeting at that time as a clash", () => {
    const target = dropTarget(programme, day, a, { x: layout.column, y: slot * 2 }, false);
    expect(target.roomId).toBe("r2");
    expect(target.clashes.map((x) => [x.session.id, x.reason])).toEqual([["C", "delegation"]]);
  });

  it("writes the moment with the venue's offset, as the API takes it", () => {
    expect(momentOn(a, 9 * 60 + 30)).toBe("2025-05-20T09:30:00+05:00");
  });
});
