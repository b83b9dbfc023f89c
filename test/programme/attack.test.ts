// The programme attacked as its users would: a second click, two secretaries on one grid (a stale
// version), a move while the scheduler runs, cancel, and each tier through the pages, the feeds and
// another delegation's programme. Every refusal is a 4xx naming the fault; nothing half-written.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { at, buildRound23, programmeApi, type Round23, twoDays, waitForJob } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let round: Round23;
let hallId = "";
let roomId = "";
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = programmeApi(() => app);
const base = () => `/rounds/${round.roundId}/programme`;
type Session = { id: string; title: string; updatedAt: string; participants: { id: string }[] };

beforeAll(async () => {
  round = await buildRound23(app, fx);
  await ok(fx.as.secretariat, "PUT", `${base()}/settings`, twoDays);
  hallId = (await ok(fx.as.secretariat, "POST", `${base()}/rooms`, { name: "Hall A", capacity: 80 })).id;
  roomId = (await ok(fx.as.secretariat, "POST", `${base()}/rooms`, { name: "Room 1", capacity: 12 })).id;
}, 60_000);

describe("the programme under attack", () => {
  it("refuses the same request filed twice (a second click), naming the first", async () => {
    const body = { inviteeIds: [round.ids.turkiye], durationMinutes: 45, preference: "must" };
    const first = await ok(fx.as.guarantor, "POST", `${base()}/requests`, body);
    const before = await countRows(app, "programme_requests");
    const again = await call(fx.as.guarantor, "POST", `${base()}/requests`, body);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe("duplicate_request");
    expect(again.json().error.details.requestId).toBe(first.id);
    expect(await countRows(app, "programme_requests")).toBe(before);
    // Once withdrawn, the same request may be filed again.
    await ok(fx.as.guarantor, "POST", `/programme/requests/${first.id}/withdraw`, {});
    await ok(fx.as.guarantor, "POST", `${base()}/requests`, body);
  });

  it("refuses a move made on a stale view of the session (two secretaries on one grid)", async () => {
    const reception = await ok(fx.as.secretariat, "POST", `${base()}/sessions`, {
      kind: "reception",
      title: "Reception",
      startsAt: at(1, "17:00"),
      endsAt: at(1, "18:00"),
      roomId: hallId,
    });
    const seen = (await ok(fx.as.secretariat, "GET", base())).sessions.find(
      (s: Session) => s.id === reception.id,
    ) as Session;
    expect(seen.updatedAt).toBeTruthy();
    // The second secretary moves it first.
    await ok(fx.as.secretariat2, "PATCH", `/programme/sessions/${reception.id}`, {
      startsAt: at(1, "16:30"),
      expectedUpdatedAt: seen.updatedAt,
    });
    const stale = await call(fx.as.secretariat, "PATCH", `/programme/sessions/${reception.id}`, {
      roomId,
      expectedUpdatedAt: seen.updatedAt,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    const now = (await ok(fx.as.secretariat, "GET", base())).sessions.find(
      (s: Session) => s.id === reception.id,
    );
    expect(now.room.id).toBe(hallId);
    expect(now.startsAt).toBe(at(1, "16:30"));
  });

  it("refuses to change sessions while the scheduler runs, and cancels a run saving nothing", async () => {
    const request = await ok(fx.as.guarantor, "POST", `${base()}/requests`, {
      inviteeIds: [round.ids["syrian-government"]],
      durationMinutes: 60,
    });
    await ok(fx.as.party, "POST", `/programme/requests/${request.id}/answer`, { answer: "accepted" });
    const noRun = await call(fx.as.secretariat, "POST", `${base()}/schedule/cancel`, {});
    expect(noRun.statusCode).toBe(409);
    const sessions = await countRows(app, "programme_sessions");
    const started = await ok(fx.as.secretariat, "POST", `${base()}/schedule`, { budgetSeconds: 30 });
    const view = await ok(fx.as.secretariat, "GET", base());
    const reception = view.sessions.find((s: Session) => s.title === "Reception");
    const during = await call(fx.as.secretariat, "PATCH", `/programme/sessions/${reception.id}`, {
      startsAt: at(1, "09:00"),
    });
    expect(during.statusCode, during.body).toBe(409);
    expect(during.json().error.code).toBe("job_running");
    await ok(fx.as.secretariat, "POST", `${base()}/schedule/cancel`, {});
    const job = await waitForJob(app, fx.as.secretariat, started.jobId);
    expect(job.state).toBe("cancelled");
    expect(await countRows(app, "programme_sessions")).toBe(sessions);
  });

  it("keeps a bilateral to its two delegations in every read, feed and another delegation's programme", async () => {
    const run = await ok(fx.as.secretariat, "POST", `${base()}/schedule`, { budgetSeconds: 1 });
    expect((await waitForJob(app, fx.as.secretariat, run.jobId)).state).toBe("succeeded");
    const provisional = (await ok(fx.as.secretariat, "GET", base())).sessions.find(
      (s: Session & { requestId: string | null }) => s.requestId,
    ) as Session;
    expect(provisional).toBeTruthy();
    // Provisional: nobody but the secretariat sees it, not even its two delegations.
    for (const who of [fx.as.guarantor, fx.as.party, fx.as.observer, undefined]) {
      expect((await call(who, "GET", base())).body).not.toContain(provisional.id);
      expect((await call(who, "GET", `${base()}.ics`)).body).not.toContain("Russia –");
    }
    await ok(fx.as.secretariat, "POST", `${base()}/publish`, {});
    const russia = round.ids.russia;
    const government = round.ids["syrian-government"];
    for (const who of [fx.as.guarantor, fx.as.party, fx.as.secretariat])
      expect((await call(who, "GET", base())).body).toContain(provisional.id);
    for (const who of [fx.as.observer, fx.as.io, fx.as.monitor, fx.as.admin, undefined]) {
      expect((await call(who, "GET", base())).body).not.toContain(provisional.id);
      expect((await call(who, "GET", `${base()}.ics`)).body).not.toContain(provisional.title);
      for (const participant of [russia, government]) {
        const own = await call(who, "GET", `${base()}/participants/${participant}`);
        expect(own.body).not.toContain(provisional.id);
        const feed = await call(who, "GET", `${base()}/participants/${participant}/calendar.ics`);
        expect(feed.body).not.toContain(provisional.title);
      }
    }
    // Jordan's feed token opens Jordan's eyes only, whatever delegation's calendar it asks for.
    const token = await ok(fx.as.observer, "POST", "/me/tokens", { name: "Calendar", access: "feed" });
    const borrowed = await call(
      undefined,
      "GET",
      `${base()}/participants/${russia}/calendar.ics?token=${token.token}`,
    );
    expect(borrowed.body).not.toContain(provisional.title);
    // The public sees the published public sessions only, in the page and the feed.
    expect((await ok(undefined, "GET", base())).sessions).toEqual([]);
  });
});

describe("links that cross rounds", () => {
  it("refuses a session taking up an agenda item of another round", async () => {
    const other = await ok(fx.as.secretariat, "POST", `/processes/${fx.slug}/rounds`, {
      number: 24,
      names: { en: "Astana 24" },
      startDate: "2025-09-01",
      endDate: "2025-09-02",
    });
    const item = await ok(fx.as.secretariat, "POST", `/rounds/${other.id}/programme/agenda`, {
      title: "Counter-terrorism",
    });
    const refused = await call(fx.as.secretariat, "POST", `${base()}/sessions`, {
      kind: "working_group",
      title: "Working group",
      startsAt: at(2, "09:00"),
      endsAt: at(2, "10:00"),
      roomId,
      participantIds: [round.ids.russia, round.ids.iran],
      agendaItemIds: [item.id],
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.message).toContain("not an agenda item of this round");
  });
});
