// The story at the API level: the secretariat plans round 23 with the guarantors, both parties,
// three observers and the UN; delegations file and accept requests; the scheduler fills two days; the
// secretariat locks the plenary, moves a meeting, re-runs; a delegation subscribes to its calendar; a
// public visitor sees only the plenary and the press conference.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { at, buildRound23, programmeApi, type Round23, twoDays, waitForJob } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let round: Round23;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = programmeApi(() => app);

type Session = {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  day: string;
  room: { id: string; name: string } | null;
  participants: { id: string; name: string }[];
  locked: boolean;
  state: string;
  requestId: string | null;
  teams: Record<string, number>;
};

const programme = (as: string | undefined) => ok(as, "GET", `/rounds/${round.roundId}/programme`);
const minutes = (iso: string) => new Date(iso).getTime() / 60_000;

/** No delegation sits in more meetings at once than it fields teams; no room holds two at once. */
function expectNoClash(sessions: Session[], teams: Record<string, number>) {
  for (const a of sessions)
    for (const b of sessions) {
      if (a.id >= b.id) continue;
      const overlap = minutes(a.startsAt) < minutes(b.endsAt) && minutes(b.startsAt) < minutes(a.endsAt);
      if (!overlap) continue;
      if (a.room && b.room) expect(a.room.id, `${a.title} and ${b.title} share a room`).not.toBe(b.room.id);
      for (const p of a.participants)
        if (b.participants.some((q) => q.id === p.id) && (teams[p.id] ?? 1) === 1)
          expect.fail(`${p.name} is in "${a.title}" and "${b.title}" at once`);
    }
}

describe("round 23: from requests to a published programme", () => {
  let plenaryId = "";
  let pressId = "";
  const requestIds: string[] = [];

  it("sets up round 23 with nine accredited delegations: three guarantors, two parties, three observers, the UN", async () => {
    round = await buildRound23(app, fx);
    const delegations = await ok(fx.as.secretariat, "GET", `/rounds/${round.roundId}/delegations`);
    expect(delegations.items.filter((d: { status: string }) => d.status === "accredited")).toHaveLength(9);
  });

  it("lets the secretariat set the days, rooms, agenda, the plenary and the press conference", async () => {
    await ok(fx.as.secretariat, "PUT", `/rounds/${round.roundId}/programme/settings`, twoDays);
    const rooms: Record<string, string> = {};
    for (const [name, capacity] of [
      ["Hall A", 80],
      ["Room 1", 12],
      ["Room 2", 12],
      ["Room 3", 9],
    ] as const)
      rooms[name] = (
        await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/rooms`, { name, capacity })
      ).id;
    for (const title of [
      "Developments on the ground",
      "The political solution under resolution 2254 and the Constitutional Committee",
      "Confidence-building measures: detainees, abductees, bodies, missing persons",
      "The humanitarian situation and early recovery",
    ])
      await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/agenda`, { title });
    await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/agenda/adopt`, {});
    plenaryId = (
      await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/sessions`, {
        kind: "plenary",
        title: "Plenary session",
        startsAt: at(2, "15:00"),
        endsAt: at(2, "16:30"),
        roomId: rooms["Hall A"],
      })
    ).id;
    pressId = (
      await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/sessions`, {
        kind: "press_conference",
        title: "Press conference",
        startsAt: at(2, "17:00"),
        endsAt: at(2, "17:45"),
        roomId: rooms["Hall A"],
        participantIds: [round.ids.russia, round.ids.turkiye, round.ids.iran],
      })
    ).id;
    const view = await programme(fx.as.secretariat);
    expect(view.agenda.map((item: { status: string }) => item.status)).toEqual(Array(4).fill("adopted"));
    expect(view.sessions.map((s: Session) => s.kind)).toEqual(["plenary", "press_conference"]);
    expect(view.can).toMatchObject({ schedule: true, publish: true });
  });

  it("takes each delegation's stay and teams", async () => {
    // Türkiye fields two teams (the head with a deputy, a deputy with an expert); Iran arrives at noon.
    await ok(fx.as.secretariat, "PUT", `/rounds/${round.roundId}/programme/stays`, {
      participantId: round.ids.turkiye,
      teams: 2,
      teamSize: 3,
    });
    await ok(fx.as.secretariat, "PUT", `/rounds/${round.roundId}/programme/stays`, {
      participantId: round.ids.iran,
      arrivesAt: at(1, "12:00"),
      teamSize: 3,
    });
    await ok(fx.as.party, "PUT", `/rounds/${round.roundId}/programme/stays`, {
      participantId: round.ids["syrian-government"],
      teamSize: 4,
    });
  });

  it("takes requests from the delegations and their answers", async () => {
    const { ids } = round;
    const file = async (as: string | undefined, body: Record<string, unknown>) => {
      const created = await ok(as, "POST", `/rounds/${round.roundId}/programme/requests`, body);
      requestIds.push(created.id);
      return created.id as string;
    };
    // Russia's account files its own; the secretariat enters those that arrived by note.
    const trilateral = await file(fx.as.guarantor, {
      inviteeIds: [ids.turkiye, ids.iran],
      durationMinutes: 90,
      preference: "must",
      preferredDay: "2025-05-20",
    });
    const ruGov = await file(fx.as.guarantor, {
      inviteeIds: [ids["syrian-government"]],
      durationMinutes: 60,
      preference: "must",
    });
    const byNote: [string, string[], number, string][] = [
      [ids.turkiye, [ids["syrian-opposition"]], 60, "must"],
      [ids.iran, [ids["syrian-government"]], 60, "must"],
      [ids.russia, [ids["syrian-opposition"]], 60, "would-like"],
      [ids.turkiye, [ids["syrian-government"]], 60, "would-like"],
      [ids.iran, [ids["syrian-opposition"]], 45, "would-like"],
      [ids["united-nations"], [ids["syrian-opposition"]], 45, "must"],
      [ids.lebanon, [ids.russia], 30, "would-like"],
      [ids["syrian-opposition"], [ids.iraq], 30, "not-needed"],
    ];
    const noted: string[] = [];
    for (const [requesterId, inviteeIds, durationMinutes, preference] of byNote)
      noted.push(await file(fx.as.secretariat, { requesterId, inviteeIds, durationMinutes, preference }));
    const unGov = await file(fx.as.io, {
      inviteeIds: [ids["syrian-government"]],
      durationMinutes: 45,
      preference: "must",
    });
    const jordanUn = await file(fx.as.observer, { inviteeIds: [ids["united-nations"]], durationMinutes: 30 });

    const answer = (as: string | undefined, requestId: string, answer: string, asParticipantId?: string) =>
      ok(as, "POST", `/programme/requests/${requestId}/answer`, {
        answer,
        ...(asParticipantId ? { asParticipantId } : {}),
      });
    await answer(fx.as.party, ruGov, "accepted");
    await answer(fx.as.party, noted[1] as string, "accepted");
    await answer(fx.as.party, noted[3] as string, "accepted");
    await answer(fx.as.party, unGov, "accepted");
    await answer(fx.as.io, jordanUn, "accepted");
    await answer(fx.as.guarantor, noted[6] as string, "accepted");
    // Türkiye, Iran, the opposition and Iraq have no accounts here: the secretariat records their answers.
    await answer(fx.as.secretariat, trilateral, "accepted", ids.turkiye);
    await answer(fx.as.secretariat, trilateral, "accepted", ids.iran);
    for (const i of [0, 2, 4, 5])
      await answer(fx.as.secretariat, noted[i] as string, "accepted", ids["syrian-opposition"]);
    await answer(fx.as.secretariat, noted[7] as string, "declined", ids.iraq);

    const all = await ok(fx.as.secretariat, "GET", `/rounds/${round.roundId}/programme/requests`);
    const states = all.items.map((r: { state: string }) => r.state);
    expect(states.filter((s: string) => s === "accepted")).toHaveLength(11);
    expect(states.filter((s: string) => s === "declined")).toHaveLength(1);
    // A delegation sees the requests it is party to, and nothing else.
    const party = await ok(fx.as.party, "GET", `/rounds/${round.roundId}/programme/requests`);
    expect(party.items).toHaveLength(4);
    for (const item of party.items)
      expect([item.requester.id, ...item.invitees.map((i: { id: string }) => i.id)]).toContain(
        ids["syrian-government"],
      );
  });

  let firstRun: { placed: number; unplaced: unknown[] } = { placed: 0, unplaced: [] };
  it("runs the scheduler as a job: it fills two days before the plenary, every unplaced request explained", async () => {
    const started = await call(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/schedule`, {
      budgetSeconds: 1,
      seed: 7,
    });
    expect(started.statusCode, started.body).toBe(202);
    // The job is the secretariat's to follow; a delegation does not even learn it exists.
    expect((await call(fx.as.party, "GET", `/jobs/${started.json().jobId}`)).statusCode).toBe(404);
    const job = await waitForJob(app, fx.as.secretariat, started.json().jobId);
    expect(job.state, JSON.stringify(job.error)).toBe("succeeded");
    expect(job.progress).toBe(1);
    const view = await programme(fx.as.secretariat);
    firstRun = view.lastRun;
    expect(view.status).toBe("provisional");
    const meetings: Session[] = view.sessions.filter((s: Session) => s.requestId);
    expect(meetings.length).toBe(view.lastRun.placed);
    expect(meetings.length + view.lastRun.unplaced.length).toBe(11);
    expect(meetings.length).toBeGreaterThanOrEqual(10);
    for (const unplaced of view.lastRun.unplaced) expect(unplaced.message).toBeTruthy();
    const plenary = view.sessions.find((s: Session) => s.id === plenaryId);
    for (const meeting of meetings) {
      expect(["2025-05-20", "2025-05-21"]).toContain(meeting.day);
      expect(meeting.state).toBe("provisional");
      if (meeting.day === "2025-05-21")
        expect(minutes(meeting.endsAt)).toBeLessThanOrEqual(minutes(plenary.startsAt));
      // Lunch is kept free; Iran meets nobody before it arrives.
      const start = minutes(meeting.startsAt);
      const lunch = minutes(`${meeting.day}T13:00:00+05:00`);
      expect(start < lunch + 60 && lunch < minutes(meeting.endsAt)).toBe(false);
      if (meeting.participants.some((p) => p.id === round.ids.iran))
        expect(start).toBeGreaterThanOrEqual(minutes(at(1, "12:00")));
    }
    expectNoClash(view.sessions, { [round.ids.turkiye]: 2 });
    // Nobody but the secretariat sees a provisional programme.
    expect((await programme(fx.as.party)).sessions).toEqual([]);
  });

  it("lets the secretariat lock the plenary, refuse a clashing move with its reason, move a meeting, re-run", async () => {
    await ok(fx.as.secretariat, "POST", `/programme/sessions/${plenaryId}/lock`, { locked: true });
    const before = await programme(fx.as.secretariat);
    const meetings: Session[] = before.sessions.filter((s: Session) => s.requestId);
    const [first, second] = meetings.filter((m) => m.day === "2025-05-20");
    if (!first || !second) throw new Error("two meetings on day one expected");
    // Into the plenary's room during the plenary: refused, nothing saved.
    const clash = await call(fx.as.secretariat, "PATCH", `/programme/sessions/${first.id}`, {
      startsAt: at(2, "15:00"),
      roomId: before.sessions.find((s: Session) => s.id === plenaryId).room.id,
    });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error.code).toBe("programme_conflict");
    expect(clash.json().error.message).toMatch(/Plenary|plenary|shares|begins/);
    // Each clash names the sessions by their titles, so a page can say it in the reader's language.
    const plenaryTitle = before.sessions.find((s: Session) => s.id === plenaryId).title;
    const clashes: { constraint: string; names: string[] }[] = clash.json().error.details.violations;
    expect(clashes.some((v) => v.names.includes(first.title) && v.names.includes(plenaryTitle))).toBe(true);
    expect(JSON.stringify(clashes.map((v) => v.names))).not.toContain(first.id);
    // A locked session does not move.
    expect(
      (
        await call(fx.as.secretariat, "PATCH", `/programme/sessions/${plenaryId}`, {
          startsAt: at(2, "16:00"),
        })
      ).statusCode,
    ).toBe(409);
    // Moved to the last slot of day one in the smallest room that seats it: a free place.
    const view = await programme(fx.as.secretariat);
    const free = findFreePlace(view, first);
    expect(free, "a free place for the meeting").toBeTruthy();
    await ok(fx.as.secretariat, "PATCH", `/programme/sessions/${first.id}`, free);
    await ok(fx.as.secretariat, "POST", `/programme/sessions/${first.id}/lock`, { locked: true });
    const moved = (await programme(fx.as.secretariat)).sessions.find((s: Session) => s.id === first.id);
    expect(moved.startsAt).toBe(free?.startsAt);

    const rerun = await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/schedule`, {
      budgetSeconds: 1,
      seed: 8,
    });
    const job = await waitForJob(app, fx.as.secretariat, rerun.jobId);
    expect(job.state, JSON.stringify(job.error)).toBe("succeeded");
    const after = await programme(fx.as.secretariat);
    expect(after.sessions.find((s: Session) => s.id === first.id).startsAt).toBe(free?.startsAt);
    expect(after.sessions.find((s: Session) => s.id === plenaryId).startsAt).toBe(at(2, "15:00"));
    expect(typeof after.lastRun.moved).toBe("number");
    // Minimum change: the re-run keeps what it can where it was.
    expect(after.lastRun.moved).toBeLessThanOrEqual(3);
    expect(after.lastRun.placed).toBeGreaterThanOrEqual(firstRun.placed);
    expectNoClash(after.sessions, { [round.ids.turkiye]: 2 });
  });

  it("publishes: each delegation sees its own meetings, the public only the plenary and the press conference", async () => {
    const published = await ok(fx.as.secretariat, "POST", `/rounds/${round.roundId}/programme/publish`, {});
    expect(published.published).toBeGreaterThan(2);
    const all = (await programme(fx.as.secretariat)).sessions as Session[];
    const publicView = await programme(undefined);
    expect(publicView.sessions.map((s: Session) => s.kind).sort()).toEqual(["plenary", "press_conference"]);
    expect(publicView.sessions.map((s: Session) => s.id).sort()).toEqual([plenaryId, pressId].sort());
    const party = (await programme(fx.as.party)).sessions as Session[];
    const own = all.filter((s) => s.participants.some((p) => p.id === round.ids["syrian-government"]));
    expect(party.map((s) => s.id).sort()).toEqual([...new Set([...own.map((s) => s.id), pressId])].sort());
    // Jordan (an observer) never sees the guarantors' meetings with the parties.
    const jordan = (await programme(fx.as.observer)).sessions as Session[];
    expect(jordan.some((s) => s.requestId && !s.participants.some((p) => p.id === round.ids.jordan))).toBe(
      false,
    );
  });

  it("gives a delegation its calendar and the public the round's public calendar", async () => {
    const partyId = round.ids["syrian-government"];
    const feed = await call(
      fx.as.party,
      "GET",
      `/rounds/${round.roundId}/programme/participants/${partyId}/calendar.ics`,
    );
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const own = await ok(fx.as.party, "GET", `/rounds/${round.roundId}/programme/participants/${partyId}`);
    expect(feed.body.match(/BEGIN:VEVENT/g)?.length).toBe(own.sessions.length);
    expect(feed.body).toContain("Plenary session");
    const publicFeed = await call(undefined, "GET", `/rounds/${round.roundId}/programme.ics`);
    expect(publicFeed.body.match(/BEGIN:VEVENT/g)?.length).toBe(2);
    expect(publicFeed.body).not.toContain("Syrian government –");
    // A calendar app sends no cookie: the party subscribes with a feed token, which it can revoke.
    const made = await ok(fx.as.party, "POST", "/me/tokens", { name: "Calendar", access: "feed" });
    const subscribed = await call(
      undefined,
      "GET",
      `/rounds/${round.roundId}/programme/participants/${partyId}/calendar.ics?token=${made.token}`,
    );
    expect(subscribed.statusCode, subscribed.body).toBe(200);
    expect(subscribed.body.match(/BEGIN:VEVENT/g)?.length).toBe(own.sessions.length);
    expect(subscribed.headers["cache-control"]).toContain("no-store");
    expect((await call(fx.as.party, "DELETE", `/me/tokens/${made.id}`)).statusCode).toBeLessThan(300);
    const revoked = await call(
      undefined,
      "GET",
      `/rounds/${round.roundId}/programme/participants/${partyId}/calendar.ics?token=${made.token}`,
    );
    expect(revoked.statusCode).toBe(401);
    // The public asking for a delegation's calendar gets the public sessions it sits in, no more.
    const outside = await call(
      undefined,
      "GET",
      `/rounds/${round.roundId}/programme/participants/${partyId}/calendar.ics`,
    );
    expect(outside.body.match(/BEGIN:VEVENT/g)?.length ?? 0).toBe(1);
  });
});

/** A start and room on day one where the meeting clashes with nothing (as the secretariat would look). */
function findFreePlace(
  view: { sessions: Session[]; rooms: { id: string; capacity: number }[] },
  meeting: Session,
) {
  const length = minutes(meeting.endsAt) - minutes(meeting.startsAt);
  const others = view.sessions.filter((s) => s.id !== meeting.id);
  for (const start of ["16:30", "16:00", "17:00", "09:00", "15:30", "15:00"]) {
    const from = minutes(at(1, start));
    const to = from + length;
    if (to > minutes(at(1, "18:00"))) continue;
    const overlapping = others.filter((s) => minutes(s.startsAt) < to && from < minutes(s.endsAt));
    if (overlapping.some((s) => s.participants.some((p) => meeting.participants.some((q) => q.id === p.id))))
      continue;
    const room = view.rooms.find(
      (r) => r.capacity >= 8 && r.capacity < 80 && !overlapping.some((s) => s.room?.id === r.id),
    );
    if (room) return { startsAt: at(1, start), roomId: room.id };
  }
  return undefined;
}
