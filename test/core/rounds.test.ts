import { describe, expect, it } from "vitest";
import { countRows } from "../helpers/process-fixtures.ts";
import { roundTests } from "./round-helpers.ts";

const { ctx, plan, write } = roundTests();

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

    for (const who of [ctx.fx.as.public, ctx.fx.as.admin]) {
      const hidden = await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: who });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe("not_found");
      const list = await ctx.app.request({
        method: "GET",
        url: `/api/processes/${ctx.fx.slug}/rounds`,
        as: who,
      });
      expect(list.json().items.map((item: { number: number }) => item.number)).not.toContain(23);
    }
    for (const who of [ctx.fx.as.secretariat, ctx.fx.as.observer, ctx.fx.as.monitor]) {
      const seen = await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}`, as: who });
      expect(seen.statusCode).toBe(200);
    }
    const observerView = await ctx.app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: ctx.fx.as.observer,
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

    const publicView = await ctx.app.request({ method: "GET", url: `/api/rounds/${round.id}` });
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json()).toMatchObject({ number: 23, status: "announced", can: { update: false } });
    const publicList = await ctx.app.request({ method: "GET", url: `/api/processes/${ctx.fx.slug}/rounds` });
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
    const audit = await ctx.app.database.db.execute(
      `select action, outcome, tier from audit_log where subject_id = '${round.id}' order by seq`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { action: "core.round.plan", outcome: "ok", tier: "process" },
    ]);
    const events = await ctx.app.database.db.execute(
      `select type, tier from outbox where subject_id = '${round.id}'`,
    );
    expect((events as unknown as { rows: unknown[] }).rows).toEqual([
      { type: "core.round.plan", tier: "process" },
    ]);
  });

  it("refuses a round number used twice (409 naming number) and writes nothing", async () => {
    await plan(24);
    const before = await countRows(ctx.app, "rounds");
    const response = await write(`/api/processes/${ctx.fx.slug}/rounds`, {
      names: { en: "Round 24" },
      number: 24,
      startDate: "2025-09-01",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.field).toBe("number");
    expect(response.json().error.message).toContain("24");
    expect(await countRows(ctx.app, "rounds")).toBe(before);
  });

  it("refuses an end before the start (422 naming endDate) when planning and when editing", async () => {
    const before = await countRows(ctx.app, "rounds");
    const response = await write(`/api/processes/${ctx.fx.slug}/rounds`, {
      names: { en: "Round 25" },
      number: 25,
      startDate: "2025-06-10",
      endDate: "2025-06-09",
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.issues[0].path).toEqual(["endDate"]);
    expect(await countRows(ctx.app, "rounds")).toBe(before);

    const round = await plan(26, { startDate: "2025-07-01", endDate: "2025-07-02" });
    const edit = await write(
      `/api/rounds/${round.id}`,
      { version: 1, startDate: "2025-07-05" },
      undefined,
      "PATCH",
    );
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.details.issues[0].path).toEqual(["endDate"]);
    const after = await ctx.app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: ctx.fx.as.secretariat,
    });
    expect(after.json()).toMatchObject({ startDate: "2025-07-01", version: 1 });
  });

  it("refuses to announce a round without dates (422 naming startDate) and records no announcement", async () => {
    const round = await plan(27);
    expect(round.can, "can.announce is the operation's own check, its dates included").toMatchObject({
      announce: false,
      postpone: true,
    });
    const before = await countRows(ctx.app, "round_announcements");
    const response = await write(`/api/rounds/${round.id}/announce`, {
      publishedOn: "2025-01-01",
      text: "Soon.",
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.issues[0].path).toEqual(["startDate"]);
    expect(await countRows(ctx.app, "round_announcements")).toBe(before);
    const still = await ctx.app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: ctx.fx.as.secretariat,
    });
    expect(still.json()).toMatchObject({ status: "planned", version: 1 });
  });

  it("rejects unknown fields and malformed dates with 400 naming the field", async () => {
    const unknown = await write(`/api/processes/${ctx.fx.slug}/rounds`, {
      names: { en: "Round 28" },
      number: 28,
      colour: "blue",
    });
    expect(unknown.statusCode).toBe(400);
    const badDate = await write(`/api/processes/${ctx.fx.slug}/rounds`, {
      names: { en: "Round 28" },
      number: 28,
      startDate: "12/05/2025",
    });
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json().error.details)).toContain("startDate");
  });

  it("refuses a round with no English name, as the form does (400 naming names or names.en), and plans nothing", async () => {
    const before = await countRows(ctx.app, "rounds");
    for (const payload of [
      { number: 59 },
      { number: 59, names: { en: "" } },
      { number: 59, names: { en: "   " } },
      { number: 59, names: { ru: "Астана 59" } },
    ]) {
      const response = await write(`/api/processes/${ctx.fx.slug}/rounds`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const issue = response.json().error.details.issues[0];
      expect(issue.path).toContain("names");
      expect(issue.message).toMatch(/English/);
    }
    expect(await countRows(ctx.app, "rounds")).toBe(before);
    // Editing may leave the names as they are, but not empty them.
    const round = await plan(59);
    const emptied = await write(
      `/api/rounds/${round.id}`,
      { version: round.version, names: { en: "" } },
      ctx.fx.as.secretariat,
      "PATCH",
    );
    expect(emptied.statusCode).toBe(400);
    const unchanged = await write(
      `/api/rounds/${round.id}`,
      { version: round.version, city: "Sochi" },
      ctx.fx.as.secretariat,
      "PATCH",
    );
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json().names.en).toBe("Round 59");
  });
});
