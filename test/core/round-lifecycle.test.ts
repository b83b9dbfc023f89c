import { describe, expect, it } from "vitest";
import { roundTests } from "./round-helpers.ts";

const { ctx, plan, write } = roundTests();

describe("two secretariat members editing the same round", () => {
  it("refuses the second save with 409 stale_version and the current round, not overwriting the first", async () => {
    const round = await plan(30, { startDate: "2025-10-01", endDate: "2025-10-02" });
    const [first, second] = await Promise.all([
      ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: ctx.fx.as.secretariat }),
      ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: ctx.fx.as.secretariat2 }),
    ]);
    expect(first.json().version).toBe(1);
    expect(second.json().version).toBe(1);

    const saved = await write(
      `/api/rounds/${round.id}`,
      { version: 1, venue: "Palace of Independence" },
      ctx.fx.as.secretariat,
      "PATCH",
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ venue: "Palace of Independence", version: 2 });

    const stale = await write(
      `/api/rounds/${round.id}`,
      { version: 1, venue: "Rixos President" },
      ctx.fx.as.secretariat2,
      "PATCH",
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(stale.json().error.details).toMatchObject({
      expectedVersion: 1,
      current: { id: round.id, venue: "Palace of Independence", version: 2 },
    });

    const now = await ctx.app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: ctx.fx.as.secretariat,
    });
    expect(now.json()).toMatchObject({ venue: "Palace of Independence", version: 2 });

    const retried = await write(
      `/api/rounds/${round.id}`,
      { version: 2, venue: "Rixos President" },
      ctx.fx.as.secretariat2,
      "PATCH",
    );
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ venue: "Rixos President", version: 3 });
  });
  it("lets exactly one of two simultaneous saves from the same version through", async () => {
    const round = await plan(29, { startDate: "2025-09-01", endDate: "2025-09-02" });
    const results = await Promise.all(
      [ctx.fx.as.secretariat, ctx.fx.as.secretariat2].map((as, index) =>
        ctx.app.request({
          method: "PATCH",
          url: `/api/rounds/${round.id}`,
          as,
          payload: { version: 1, venue: `Hall ${index}` },
        }),
      ),
    );
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
    const now = (
      await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: ctx.fx.as.secretariat })
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
    const publicView = await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}` });
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
    expect((await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}` })).statusCode).toBe(404);
    expect(
      (await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: ctx.fx.as.guarantor }))
        .statusCode,
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
    const list = await ctx.app.request({ method: "GET", url: `/api/processes/${ctx.fx.slug}/rounds` });
    const item = list.json().items.find((entry: { number: number }) => entry.number === 37);
    expect(item.participants.guarantor).toEqual([
      expect.objectContaining({ slug: "russia", attendance: "attended" }),
    ]);
    expect(item.participants.observer).toEqual([
      expect.objectContaining({ slug: "united-states", name: "United States", attendance: "boycotted" }),
    ]);
    const usa = await ctx.app.request({ method: "GET", url: "/api/participants/united-states" });
    expect(usa.json().rounds).toEqual([
      expect.objectContaining({ roundNumber: 37, role: "observer", attendance: "boycotted" }),
    ]);
  });
});
