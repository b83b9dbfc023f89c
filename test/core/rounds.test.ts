import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

async function plan(number: number, extra: Record<string, unknown> = {}) {
  const response = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/rounds`,
    as: fx.as.secretariat,
    payload: { names: { en: `Round ${number}` }, number, ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function write(
  url: string,
  payload: unknown,
  as = fx.as.secretariat,
  method: "POST" | "PUT" | "PATCH" = "POST",
) {
  return app.request({ method, url, as, payload: payload as Record<string, unknown> });
}

describe("planning and announcing a round", () => {
  it("keeps a planned round inside the process until it is announced, then shows it to everyone", async () => {
    const round = await plan(23, {
      names: { en: "Astana 23", ru: "Астана 23" },
      startDate: "2025-05-12",
      endDate: "2025-05-13",
    });
    expect(round).toMatchObject({
      number: 23,
      status: "planned",
      city: "Astana",
      venue: "Ritz-Carlton Hotel",
      version: 1,
      can: { update: true, announce: true, open: false, postpone: true, cancel: true, invite: true },
    });

    for (const who of [fx.as.public, fx.as.admin]) {
      const hidden = await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: who });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe("not_found");
      const list = await app.request({ method: "GET", url: `/api/processes/${fx.slug}/rounds`, as: who });
      expect(list.json().items.map((item: { number: number }) => item.number)).not.toContain(23);
    }
    for (const who of [fx.as.secretariat, fx.as.observer, fx.as.monitor]) {
      const seen = await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: who });
      expect(seen.statusCode).toBe(200);
    }
    const observerView = await app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: fx.as.observer,
    });
    expect(observerView.json().can).toMatchObject({ update: false, announce: false, invite: false });

    const announced = await write(`/api/rounds/${round.id}/announce`, {
      publishedOn: "2025-04-20",
      text: "The 23rd International Meeting on Syria will be held in Astana on 12-13 May 2025.",
    });
    expect(announced.statusCode, announced.body).toBe(200);
    expect(announced.json()).toMatchObject({ status: "announced", version: 2 });
    expect(announced.json().announcements).toEqual([
      expect.objectContaining({
        publishedOn: "2025-04-20",
        announcedStart: "2025-05-12",
        announcedEnd: "2025-05-13",
        announcedCity: "Astana",
      }),
    ]);

    const publicView = await app.request({ method: "GET", url: `/api/rounds/${round.id}` });
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json()).toMatchObject({ number: 23, status: "announced", can: { update: false } });
    const publicList = await app.request({ method: "GET", url: `/api/processes/${fx.slug}/rounds` });
    expect(publicList.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          number: 23,
          status: "announced",
          startDate: "2025-05-12",
          endDate: "2025-05-13",
          city: "Astana",
          participants: expect.objectContaining({ guarantor: [], party: [], observer: [], host: [] }),
        }),
      ]),
    );
    expect(publicList.json().can).toEqual({ plan: false });
  });

  it("audits each operation under its name and writes its event with the round's tier", async () => {
    const round = await plan(40);
    const audit = await app.database.db.execute(
      `select action, outcome, tier from audit_log where subject_id = '${round.id}' order by seq`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { action: "core.round.plan", outcome: "ok", tier: "process" },
    ]);
    const events = await app.database.db.execute(
      `select type, tier from outbox where subject_id = '${round.id}'`,
    );
    expect((events as unknown as { rows: unknown[] }).rows).toEqual([
      { type: "core.round.plan", tier: "process" },
    ]);
  });

  it("refuses a round number used twice (409 naming number) and writes nothing", async () => {
    await plan(24);
    const before = await countRows(app, "rounds");
    const response = await write(`/api/processes/${fx.slug}/rounds`, {
      names: { en: "Round 24" },
      number: 24,
      startDate: "2025-09-01",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.field).toBe("number");
    expect(response.json().error.message).toContain("24");
    expect(await countRows(app, "rounds")).toBe(before);
  });

  it("refuses an end before the start (422 naming endDate) when planning and when editing", async () => {
    const before = await countRows(app, "rounds");
    const response = await write(`/api/processes/${fx.slug}/rounds`, {
      names: { en: "Round 25" },
      number: 25,
      startDate: "2025-06-10",
      endDate: "2025-06-09",
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.issues[0].path).toEqual(["endDate"]);
    expect(await countRows(app, "rounds")).toBe(before);

    const round = await plan(26, { startDate: "2025-07-01", endDate: "2025-07-02" });
    const edit = await write(
      `/api/rounds/${round.id}`,
      { version: 1, startDate: "2025-07-05" },
      undefined,
      "PATCH",
    );
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.details.issues[0].path).toEqual(["endDate"]);
    const after = await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.secretariat });
    expect(after.json()).toMatchObject({ startDate: "2025-07-01", version: 1 });
  });

  it("refuses to announce a round without dates (422 naming startDate) and records no announcement", async () => {
    const round = await plan(27);
    expect(round.can, "can.announce is the operation's own check, its dates included").toMatchObject({
      announce: false,
      postpone: true,
    });
    const before = await countRows(app, "round_announcements");
    const response = await write(`/api/rounds/${round.id}/announce`, {
      publishedOn: "2025-01-01",
      text: "Soon.",
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.issues[0].path).toEqual(["startDate"]);
    expect(await countRows(app, "round_announcements")).toBe(before);
    const still = await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.secretariat });
    expect(still.json()).toMatchObject({ status: "planned", version: 1 });
  });

  it("rejects unknown fields and malformed dates with 400 naming the field", async () => {
    const unknown = await write(`/api/processes/${fx.slug}/rounds`, {
      names: { en: "Round 28" },
      number: 28,
      colour: "blue",
    });
    expect(unknown.statusCode).toBe(400);
    const badDate = await write(`/api/processes/${fx.slug}/rounds`, {
      names: { en: "Round 28" },
      number: 28,
      startDate: "12/05/2025",
    });
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json().error.details)).toContain("startDate");
  });

  it("refuses a round with no English name, as the form does (400 naming names or names.en), and plans nothing", async () => {
    const before = await countRows(app, "rounds");
    for (const payload of [
      { number: 59 },
      { number: 59, names: { en: "" } },
      { number: 59, names: { en: "   " } },
      { number: 59, names: { ru: "Астана 59" } },
    ]) {
      const response = await write(`/api/processes/${fx.slug}/rounds`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const issue = response.json().error.details.issues[0];
      expect(issue.path).toContain("names");
      expect(issue.message).toMatch(/English/);
    }
    expect(await countRows(app, "rounds")).toBe(before);
    // Editing may leave the names as they are, but not empty them.
    const round = await plan(59);
    const emptied = await write(
      `/api/rounds/${round.id}`,
      { version: round.version, names: { en: "" } },
      fx.as.secretariat,
      "PATCH",
    );
    expect(emptied.statusCode).toBe(400);
    const unchanged = await write(
      `/api/rounds/${round.id}`,
      { version: round.version, city: "Sochi" },
      fx.as.secretariat,
      "PATCH",
    );
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json().names.en).toBe("Round 59");
  });
});

describe("two secretariat members editing the same round", () => {
  it("refuses the second save with 409 stale_version and the current round, not overwriting the first", async () => {
    const round = await plan(30, { startDate: "2025-10-01", endDate: "2025-10-02" });
    const [first, second] = await Promise.all([
      app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.secretariat }),
      app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.secretariat2 }),
    ]);
    expect(first.json().version).toBe(1);
    expect(second.json().version).toBe(1);

    const saved = await write(
      `/api/rounds/${round.id}`,
      { version: 1, venue: "Palace of Independence" },
      fx.as.secretariat,
      "PATCH",
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ venue: "Palace of Independence", version: 2 });

    const stale = await write(
      `/api/rounds/${round.id}`,
      { version: 1, venue: "Rixos President" },
      fx.as.secretariat2,
      "PATCH",
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(stale.json().error.details).toMatchObject({
      expectedVersion: 1,
      current: { id: round.id, venue: "Palace of Independence", version: 2 },
    });

    const now = await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.secretariat });
    expect(now.json()).toMatchObject({ venue: "Palace of Independence", version: 2 });

    const retried = await write(
      `/api/rounds/${round.id}`,
      { version: 2, venue: "Rixos President" },
      fx.as.secretariat2,
      "PATCH",
    );
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ venue: "Rixos President", version: 3 });
  });
  it("lets exactly one of two simultaneous saves from the same version through", async () => {
    const round = await plan(29, { startDate: "2025-09-01", endDate: "2025-09-02" });
    const results = await Promise.all(
      [fx.as.secretariat, fx.as.secretariat2].map((as, index) =>
        app.request({
          method: "PATCH",
          url: `/api/rounds/${round.id}`,
          as,
          payload: { version: 1, venue: `Hall ${index}` },
        }),
      ),
    );
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
    const now = (
      await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.secretariat })
    ).json();
    expect(now.version).toBe(2);
  });
});

describe("the round lifecycle", () => {
  it("goes planned → announced → in session → concluded and refuses any other move with 409 naming the status", async () => {
    const round = await plan(31, { startDate: "2025-11-11", endDate: "2025-11-12" });
    const early = await write(`/api/rounds/${round.id}/conclude`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: "invalid_transition",
      details: { currentStatus: "planned" },
    });
    expect(early.json().error.message).toContain("planned");

    expect(
      (await write(`/api/rounds/${round.id}/announce`, { publishedOn: "2025-10-01", text: "Dates." }))
        .statusCode,
    ).toBe(200);
    expect((await write(`/api/rounds/${round.id}/open`, {})).json().status).toBe("in_session");
    const postponeInSession = await write(`/api/rounds/${round.id}/postpone`, { reason: "Too late" });
    expect(postponeInSession.statusCode).toBe(409);
    expect(postponeInSession.json().error.details.currentStatus).toBe("in_session");
    const concluded = await write(`/api/rounds/${round.id}/conclude`, {});
    expect(concluded.json()).toMatchObject({ status: "concluded", can: { announce: false, cancel: false } });

    const cancel = await write(`/api/rounds/${round.id}/cancel`, { reason: "Never mind" });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error.details.currentStatus).toBe("concluded");
  });

  it("postpones an announced round with a reason and new dates, announces it again, and keeps both announcements", async () => {
    const round = await plan(32, { startDate: "2026-01-20", endDate: "2026-01-21" });
    await write(`/api/rounds/${round.id}/announce`, { publishedOn: "2026-01-05", text: "20-21 January." });
    const postponed = await write(`/api/rounds/${round.id}/postpone`, {
      reason: "At the request of the guarantors",
      startDate: "2026-02-03",
      endDate: "2026-02-04",
    });
    expect(postponed.statusCode, postponed.body).toBe(200);
    expect(postponed.json()).toMatchObject({
      status: "postponed",
      statusReason: "At the request of the guarantors",
      startDate: "2026-02-03",
    });
    const publicView = await app.request({ method: "GET", url: `/api/rounds/${round.id}` });
    expect(publicView.statusCode).toBe(200);

    const again = await write(`/api/rounds/${round.id}/announce`, {
      publishedOn: "2026-01-25",
      text: "3-4 February.",
    });
    expect(again.json().status).toBe("announced");
    expect(again.json().statusReason).toBeNull();
    expect(again.json().announcements.map((a: { announcedStart: string }) => a.announcedStart)).toEqual([
      "2026-01-20",
      "2026-02-03",
    ]);
  });

  it("cancels a postponed round with a reason; a round cancelled before it was announced stays inside the process", async () => {
    const round = await plan(33);
    await write(`/api/rounds/${round.id}/postpone`, { reason: "No agreement on the agenda" });
    const cancelled = await write(`/api/rounds/${round.id}/cancel`, { reason: "Superseded" });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", statusReason: "Superseded" });
    expect((await app.request({ method: "GET", url: `/api/rounds/${round.id}` })).statusCode).toBe(404);
    expect(
      (await app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: fx.as.guarantor })).statusCode,
    ).toBe(200);
  });

  it("refuses clearing an announced round's dates (422 naming startDate)", async () => {
    const round = await plan(34, { startDate: "2026-03-01", endDate: "2026-03-02" });
    await write(`/api/rounds/${round.id}/announce`, { publishedOn: "2026-02-01", text: "March." });
    const cleared = await write(
      `/api/rounds/${round.id}`,
      { version: 2, startDate: null },
      undefined,
      "PATCH",
    );
    expect(cleared.statusCode).toBe(422);
    expect(cleared.json().error.details.issues[0].path).toEqual(["startDate"]);
  });
});

describe("the next-round decision against what was held", () => {
  it("sets the previous round's loose decision against the next round's held city and dates", async () => {
    const previous = await plan(35, { startDate: "2024-01-24", endDate: "2024-01-25" });
    const decision = await write(
      `/api/rounds/${previous.id}/next-round`,
      {
        wording: "in Astana, in the second half of 2024",
        city: "Astana",
        windowStart: "2024-07-01",
        windowEnd: "2024-12-31",
      },
      undefined,
      "PUT",
    );
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json().nextRound).toMatchObject({
      wording: "in Astana, in the second half of 2024",
      city: "Astana",
      windowStart: "2024-07-01",
      windowEnd: "2024-12-31",
    });
    const held = await plan(36, { startDate: "2024-11-11", endDate: "2024-11-12", city: "Astana" });
    expect(held.announcedVsHeld).toMatchObject({
      decidedAtRound: { number: 35 },
      held: { city: "Astana", startDate: "2024-11-11" },
      cityMatches: true,
      datesWithinWindow: true,
    });
    const moved = await write(
      `/api/rounds/${held.id}`,
      { version: 1, city: "Sochi", startDate: "2025-01-10", endDate: "2025-01-11" },
      undefined,
      "PATCH",
    );
    expect(moved.json().announcedVsHeld).toMatchObject({ cityMatches: false, datesWithinWindow: false });

    const badWindow = await write(
      `/api/rounds/${previous.id}/next-round`,
      { wording: "soon", windowStart: "2024-12-31", windowEnd: "2024-07-01" },
      undefined,
      "PUT",
    );
    expect(badWindow.statusCode).toBe(422);
    expect(badWindow.json().error.details.issues[0].path).toEqual(["windowEnd"]);
  });
});

describe("attendance by role", () => {
  it("records who attended in which role and shows it in the rounds list", async () => {
    const round = await plan(37, { startDate: "2023-06-20", endDate: "2023-06-21" });
    for (const [participantId, role, attendance] of [
      ["russia", "guarantor", "attended"],
      ["united-states", "observer", "boycotted"],
    ] as const) {
      const response = await write(
        `/api/rounds/${round.id}/participations`,
        { participantId, role, attendance },
        undefined,
        "PUT",
      );
      expect(response.statusCode, response.body).toBe(200);
    }
    await write(`/api/rounds/${round.id}/announce`, { publishedOn: "2023-06-01", text: "June." });
    const list = await app.request({ method: "GET", url: `/api/processes/${fx.slug}/rounds` });
    const item = list.json().items.find((entry: { number: number }) => entry.number === 37);
    expect(item.participants.guarantor).toEqual([
      expect.objectContaining({ slug: "russia", attendance: "attended" }),
    ]);
    expect(item.participants.observer).toEqual([
      expect.objectContaining({ slug: "united-states", name: "United States", attendance: "boycotted" }),
    ]);
    const usa = await app.request({ method: "GET", url: "/api/participants/united-states" });
    expect(usa.json().rounds).toEqual([
      expect.objectContaining({ roundNumber: 37, role: "observer", attendance: "boycotted" }),
    ]);
  });
});
