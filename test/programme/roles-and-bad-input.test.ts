// Every role against every programme route (what it can and cannot do), and bad input: 4xx naming the
// fault, never a 500, never half-written.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import {
  countRows,
  type MatrixRole,
  matrixRoles,
  type ProcessFixture,
  withProcessFixture,
} from "../helpers/process-fixtures.ts";
import { at, buildRound23, programmeApi, type Round23, twoDays, waitForJob } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let round: Round23;
let hallId = "";
let smallRoomId = "";
let plenaryId = "";
let requestId = "";
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = programmeApi(() => app);
const as = (role: MatrixRole) => fx.as[role];
const base = () => `/rounds/${round.roundId}/programme`;

beforeAll(async () => {
  round = await buildRound23(app, fx);
  await ok(as("secretariat"), "PUT", `${base()}/settings`, twoDays);
  hallId = (await ok(as("secretariat"), "POST", `${base()}/rooms`, { name: "Hall A", capacity: 80 })).id;
  smallRoomId = (await ok(as("secretariat"), "POST", `${base()}/rooms`, { name: "Room 3", capacity: 9 })).id;
  plenaryId = (
    await ok(as("secretariat"), "POST", `${base()}/sessions`, {
      kind: "plenary",
      title: "Plenary session",
      startsAt: at(2, "15:00"),
      endsAt: at(2, "16:00"),
      roomId: hallId,
    })
  ).id;
  requestId = (
    await ok(as("guarantor"), "POST", `${base()}/requests`, {
      inviteeIds: [round.ids["syrian-government"]],
      durationMinutes: 60,
    })
  ).id;
}, 60_000);

describe("every role against the programme's routes", () => {
  const secretariatOnly = (): [string, "POST" | "PUT" | "PATCH", string, unknown][] => [
    ["configure", "PUT", `${base()}/settings`, twoDays],
    ["add a room", "POST", `${base()}/rooms`, { name: "Room 9", capacity: 10 }],
    ["propose an agenda item", "POST", `${base()}/agenda`, { title: "Counter-terrorism" }],
    ["adopt the agenda", "POST", `${base()}/agenda/adopt`, {}],
    [
      "place a session",
      "POST",
      `${base()}/sessions`,
      { kind: "reception", title: "Reception", startsAt: at(1, "17:00"), endsAt: at(1, "18:00") },
    ],
    [
      "change a session",
      "PATCH",
      `/programme/sessions/${plenaryId}`,
      { languages: ["en", "ru", "ar", "tr"] },
    ],
    ["lock a session", "POST", `/programme/sessions/${plenaryId}/lock`, { locked: true }],
    ["run the scheduler", "POST", `${base()}/schedule`, { budgetSeconds: 0.2 }],
    ["publish", "POST", `${base()}/publish`, {}],
  ];

  for (const role of matrixRoles.filter((r) => r !== "secretariat"))
    it(`refuses the secretariat's work to ${role}, writing nothing`, async () => {
      const sessions = await countRows(app, "programme_sessions");
      const rooms = await countRows(app, "programme_rooms");
      const agenda = await countRows(app, "programme_agenda_items");
      for (const [what, method, url, payload] of secretariatOnly()) {
        const response = await call(as(role), method, url, payload);
        expect(response.statusCode, `${role} may not ${what}: ${response.body}`).toBeGreaterThanOrEqual(401);
        expect(response.statusCode, `${role} ${what}`).toBeLessThanOrEqual(404);
        if (role === "public") expect([401, 404]).toContain(response.statusCode);
      }
      expect(await countRows(app, "programme_sessions")).toBe(sessions);
      expect(await countRows(app, "programme_rooms")).toBe(rooms);
      expect(await countRows(app, "programme_agenda_items")).toBe(agenda);
      expect(await countRows(app, "jobs")).toBe(0);
    });

  it("lets the secretariat do each of them", async () => {
    for (const [what, method, url, payload] of secretariatOnly()) {
      const response = await call(as("secretariat"), method, url, payload);
      expect(response.statusCode, `secretariat ${what}: ${response.body}`).toBeLessThan(300);
      if (what === "run the scheduler") await waitForJob(app, as("secretariat"), response.json().jobId);
    }
  });

  it("lets an accredited delegation file for itself and answer for itself, and nobody else", async () => {
    const file = (role: MatrixRole, body: Record<string, unknown>) =>
      call(as(role), "POST", `${base()}/requests`, body);
    const toUn = { inviteeIds: [round.ids["united-nations"]], durationMinutes: 30 };
    for (const role of ["guarantor", "party", "observer"] as const)
      expect((await file(role, toUn)).statusCode, role).toBe(201);
    // The monitors are not accredited to the round; the administrator and the public speak for nobody.
    expect((await file("monitor", toUn)).statusCode).toBe(403);
    expect((await file("admin", toUn)).statusCode).toBe(403);
    expect((await file("public", toUn)).statusCode).toBe(401);
    // A delegation files for itself only.
    expect((await file("party", { ...toUn, requesterId: round.ids.russia })).statusCode).toBe(403);
    // The secretariat files for any delegation (requests arrive by note), but not the same request twice.
    expect((await file("secretariat", { ...toUn, requesterId: round.ids.russia })).statusCode).toBe(409);
    const withJordan = { ...toUn, inviteeIds: [round.ids["united-nations"], round.ids.jordan] };
    expect((await file("secretariat", { ...withJordan, requesterId: round.ids.russia })).statusCode).toBe(
      201,
    );

    const answer = (role: MatrixRole) =>
      call(as(role), "POST", `/programme/requests/${requestId}/answer`, { answer: "accepted" });
    // The requester, a stranger to the request, and the public cannot answer; they do not even see it.
    expect((await answer("guarantor")).statusCode).toBe(403);
    for (const role of ["observer", "io", "monitor", "admin", "public"] as const)
      expect((await answer(role)).statusCode, role).toBe(404);
    expect((await answer("party")).statusCode).toBe(200);
    // Only the requester withdraws.
    expect(
      (await call(as("party"), "POST", `/programme/requests/${requestId}/withdraw`, {})).statusCode,
    ).toBe(403);
  });

  it("shows each role the requests it is party to, and the secretariat all", async () => {
    const count = async (role: MatrixRole) => (await ok(as(role), "GET", `${base()}/requests`)).items.length;
    const all = await count("secretariat");
    expect(all).toBe(5);
    expect(await count("guarantor")).toBe(3);
    expect(await count("party")).toBe(2);
    expect(await count("io")).toBe(4);
    for (const role of ["monitor", "admin", "public"] as const) expect(await count(role), role).toBe(0);
  });
});

describe("bad input", () => {
  const expectFault = async (
    response: Promise<{
      statusCode: number;
      body: string;
      json: () => { error: { code: string; message: string; details: unknown } };
    }>,
    status: number,
    pattern: RegExp,
  ) => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBe(status);
    expect(answer.body).toMatch(pattern);
    return answer.json().error;
  };

  it("refuses a request naming a delegation not accredited to the round, naming it", async () => {
    const us = round.ids["united-states"];
    const error = await expectFault(
      call(as("guarantor"), "POST", `${base()}/requests`, { inviteeIds: [us], durationMinutes: 30 }),
      422,
      /not a delegation accredited to this round/,
    );
    expect(JSON.stringify(error.details)).toContain(us);
    expect(JSON.stringify(error.details)).toContain("not_accredited");
  });

  it("refuses a session that ends before it starts, or lies outside the programme's days", async () => {
    const sessions = await countRows(app, "programme_sessions");
    const place = (startsAt: string, endsAt: string) =>
      call(as("secretariat"), "POST", `${base()}/sessions`, {
        kind: "working_group",
        title: "WG",
        startsAt,
        endsAt,
        participantIds: [round.ids.russia, round.ids.iran],
      });
    await expectFault(place(at(1, "11:00"), at(1, "10:00")), 422, /ends before it starts/);
    await expectFault(
      place("2025-06-01T10:00:00+05:00", "2025-06-01T11:00:00+05:00"),
      422,
      /within one of the programme's days/,
    );
    await expectFault(
      call(as("secretariat"), "POST", `${base()}/requests`, {
        requesterId: round.ids.russia,
        inviteeIds: [round.ids.iran],
        durationMinutes: 30,
        preferredFrom: "12:00",
        preferredTo: "11:00",
      }),
      422,
      /ends before it starts/,
    );
    await expectFault(
      call(as("secretariat"), "PUT", `${base()}/settings`, {
        days: [{ date: "2025-05-20", from: "18:00", to: "09:00" }],
      }),
      422,
      /ends before it starts/,
    );
    await expectFault(
      call(as("party"), "PUT", `${base()}/stays`, {
        participantId: round.ids["syrian-government"],
        arrivesAt: at(2, "10:00"),
        departsAt: at(1, "10:00"),
      }),
      422,
      /leaves before it arrives/,
    );
    expect(await countRows(app, "programme_sessions")).toBe(sessions);
  });

  it("refuses a session over its room's capacity, naming the room", async () => {
    const error = await expectFault(
      call(as("secretariat"), "POST", `${base()}/sessions`, {
        kind: "ministerial",
        title: "Ministerial meeting",
        startsAt: at(1, "09:00"),
        endsAt: at(1, "10:00"),
        roomId: smallRoomId,
      }),
      422,
      /seats 9/,
    );
    expect(JSON.stringify(error.details)).toContain("room_over_capacity");
  });

  it("refuses overlapping locked or fixed sessions, and a move onto another, saying why", async () => {
    const sessions = await countRows(app, "programme_sessions");
    const clash = await expectFault(
      call(as("secretariat"), "POST", `${base()}/sessions`, {
        kind: "working_group",
        title: "Working group on detainees",
        startsAt: at(2, "15:30"),
        endsAt: at(2, "16:30"),
        roomId: hallId,
        participantIds: [round.ids.russia, round.ids.iran],
      }),
      409,
      /share a room/,
    );
    // The reason names the sessions by their titles, not by identifiers.
    expect(clash.message).toContain("Plenary session");
    const press = await ok(as("secretariat"), "POST", `${base()}/sessions`, {
      kind: "press_conference",
      title: "Press conference",
      startsAt: at(2, "16:30"),
      endsAt: at(2, "17:15"),
      roomId: hallId,
      participantIds: [round.ids.russia],
    });
    // Before the plenary it follows: refused, with the order named.
    await expectFault(
      call(as("secretariat"), "PATCH", `/programme/sessions/${press.id}`, { startsAt: at(2, "14:00") }),
      422,
      /must start after/,
    );
    // A locked session is not swapped either; a session is not swapped with itself.
    await expectFault(
      call(as("secretariat"), "POST", "/programme/sessions/swap", { sessionIds: [plenaryId, press.id] }),
      409,
      /locked/,
    );
    await expectFault(
      call(as("secretariat"), "POST", "/programme/sessions/swap", { sessionIds: [press.id, press.id] }),
      400,
      /two different sessions/,
    );
    expect(
      (await call(as("observer"), "POST", "/programme/sessions/swap", { sessionIds: [plenaryId, press.id] }))
        .statusCode,
    ).toBe(404);
    // The plenary is locked (above): it does not move.
    await expectFault(
      call(as("secretariat"), "PATCH", `/programme/sessions/${plenaryId}`, { startsAt: at(2, "10:00") }),
      409,
      /locked/,
    );
    expect(await countRows(app, "programme_sessions")).toBe(sessions + 1);
  });

  it("refuses unknown fields, bad ids and values with a 400 in the one error shape", async () => {
    await expectFault(
      call(as("secretariat"), "POST", `${base()}/rooms`, { name: "R", capacity: 5, colour: "red" }),
      400,
      /colour|Unrecognized/,
    );
    await expectFault(
      call(as("secretariat"), "POST", `${base()}/rooms`, { name: "R", capacity: -1 }),
      400,
      /capacity/,
    );
    await expectFault(
      call(as("secretariat"), "POST", `${base()}/sessions`, {
        kind: "party",
        title: "x",
        startsAt: "soon",
        endsAt: "later",
      }),
      400,
      /kind|startsAt/,
    );
    await expectFault(
      call(as("secretariat"), "PATCH", `/programme/sessions/nothing-here`, { title: "x" }),
      404,
      /not_found/,
    );
    await expectFault(
      call(as("secretariat"), "POST", `${base()}/sessions`, {
        kind: "reception",
        title: "R",
        startsAt: at(1, "17:00"),
        endsAt: at(1, "18:00"),
        roomId: "no-such-room",
      }),
      422,
      /not a room of this round/,
    );
  });

  it("explains a request it cannot place (unsatisfiable), and runs one job at a time", async () => {
    const long = await ok(as("secretariat"), "POST", `${base()}/requests`, {
      requesterId: round.ids.iran,
      inviteeIds: [round.ids.turkiye],
      durationMinutes: 480,
      preference: "must",
    });
    await ok(as("secretariat"), "POST", `/programme/requests/${long.id}/answer`, {
      answer: "accepted",
      asParticipantId: round.ids.turkiye,
    });
    const first = await ok(as("secretariat"), "POST", `${base()}/schedule`, { budgetSeconds: 2 });
    await expectFault(
      call(as("secretariat"), "POST", `${base()}/schedule`, { budgetSeconds: 2 }),
      409,
      /already running/,
    );
    const job = await waitForJob(app, as("secretariat"), first.jobId);
    expect(job.state).toBe("succeeded");
    const view = await ok(as("secretariat"), "GET", base());
    const reason = view.lastRun.unplaced.find((u: { requestId: string }) => u.requestId === long.id);
    expect(reason?.code).toBe("no_time_window");
    expect(reason?.message).toBeTruthy();
    const requests = await ok(as("secretariat"), "GET", `${base()}/requests`);
    expect(requests.items.find((r: { id: string }) => r.id === long.id).unplaced.code).toBe("no_time_window");
  });

  it("refuses to schedule a round whose days are not set", async () => {
    const other = await ok(as("secretariat"), "POST", `/processes/${fx.slug}/rounds`, {
      number: 24,
      names: { en: "Astana 24" },
      startDate: "2025-09-01",
      endDate: "2025-09-02",
    });
    await expectFault(
      call(as("secretariat"), "POST", `/rounds/${other.id}/programme/schedule`, {}),
      409,
      /no days yet/,
    );
  });
});
