import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

const decision = (decidedOn: string, decidedBy: string, text: string) => ({ decidedOn, decidedBy, text });

/** The secretariat posts to the fixture process: `POST /api/processes/astana/<path>` (a decision, a role…). */
const postAsSecretariat = (path: string, payload: Record<string, unknown>) =>
  app.request({ method: "POST", url: `/api/processes/${fx.slug}/${path}`, as: fx.as.secretariat, payload });

/** The secretariat records a change of the United States' standing as an observer. */
const usObserverChange = (change: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
  postAsSecretariat("role-changes", {
    participantId: "united-states",
    role: "observer",
    change,
    occurredOn,
    ...extra,
  });

describe("processes", () => {
  it("shows a process to the public by slug and by id: host, status, guarantors, current roles", async () => {
    const bySlug = await app.request({ method: "GET", url: `/api/processes/${fx.slug}` });
    expect(bySlug.statusCode).toBe(200);
    const body = bySlug.json();
    expect(body).toMatchObject({
      slug: "astana",
      status: "active",
      host: { slug: "kazakhstan", name: "Kazakhstan" },
      defaultCity: "Astana",
      can: { update: false, suspend: false, planRound: false },
    });
    expect(body.guarantors.map((g: { slug: string }) => g.slug).sort()).toEqual([
      "iran",
      "russia",
      "turkiye",
    ]);
    expect(body.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: "observer",
          participant: expect.objectContaining({ slug: "jordan" }),
        }),
      ]),
    );
    const byId = await app.request({ method: "GET", url: `/api/processes/${body.id}` });
    expect(byId.json().slug).toBe("astana");
    const list = await app.request({ method: "GET", url: "/api/processes" });
    expect(list.json()).toMatchObject({
      items: [expect.objectContaining({ slug: "astana" })],
      can: { create: false },
    });
    const missing = await app.request({ method: "GET", url: "/api/processes/geneva" });
    expect(missing.statusCode).toBe(404);
  });

  it("lets the secretariat see what it may do", async () => {
    const response = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}`,
      as: fx.as.secretariat,
    });
    expect(response.json().can).toEqual({
      update: true,
      launch: true,
      suspend: true,
      conclude: true,
      resume: false,
      planRound: true,
      createMeeting: true,
      assignRole: true,
      recordRoleChange: true,
    });
  });

  const createProcessAsAdmin = (payload: Record<string, unknown>) =>
    app.request({ method: "POST", url: "/api/processes", as: fx.as.admin, payload });

  it("refuses a duplicate slug (409 naming slug) and an unknown host (422 naming hostParticipantId), writing nothing", async () => {
    const before = await countRows(app, "processes");
    const duplicate = await createProcessAsAdmin({
      slug: "astana",
      names: { en: "Again" },
      hostParticipantId: "kazakhstan",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.field).toBe("slug");
    const unknownHost = await createProcessAsAdmin({
      slug: "geneva",
      names: { en: "Geneva" },
      hostParticipantId: "switzerland",
    });
    expect(unknownHost.statusCode).toBe(422);
    expect(unknownHost.json().error.details.issues[0].path).toEqual(["hostParticipantId"]);
    const unknownGuarantor = await createProcessAsAdmin({
      slug: "geneva",
      names: { en: "Geneva" },
      hostParticipantId: "jordan",
      guarantorIds: ["russia", "x"],
    });
    expect(unknownGuarantor.statusCode).toBe(422);
    expect(unknownGuarantor.json().error.details.issues[0].path).toEqual(["guarantorIds", 1]);
    expect(await countRows(app, "processes")).toBe(before);
    expect(
      await countRows(
        app,
        "delegations where participant_id = (select id from participants where slug = 'jordan')",
      ),
    ).toBe(1);
  });

  it("updates a process from the version read and refuses a stale version", async () => {
    const current = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}` })).json();
    const saved = await app.request({
      method: "PATCH",
      url: `/api/processes/${fx.slug}`,
      as: fx.as.secretariat,
      payload: { version: current.version, defaultVenue: "Palace of Independence" },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      defaultVenue: "Palace of Independence",
      version: current.version + 1,
    });
    const stale = await app.request({
      method: "PATCH",
      url: `/api/processes/${fx.slug}`,
      as: fx.as.secretariat2,
      payload: { version: current.version, defaultVenue: "Elsewhere" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(stale.json().error.details.current.defaultVenue).toBe("Palace of Independence");
  });
});

describe("the process lifecycle as recorded decisions", () => {
  it("launches, concludes, resumes and suspends, each a decision with date, author and text", async () => {
    const steps = [
      [
        "launch",
        decision("2017-01-23", "the guarantors and the host", "First International Meeting on Syria."),
      ],
      [
        "conclude",
        decision("2023-06-21", "Kazakhstan's declaration", "The Astana format has fulfilled its mission."),
      ],
      [
        "resume",
        decision("2024-01-24", "collective request of the guarantors", "The 21st meeting is convened."),
      ],
      ["suspend", decision("2025-01-01", "the host", "Suspended pending consultations.")],
    ] as const;
    for (const [verb, body] of steps) {
      const response = await postAsSecretariat(verb, body);
      expect(response.statusCode, `${verb}: ${response.body}`).toBe(200);
    }
    const process = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}` })).json();
    expect(process.status).toBe("suspended");
    expect(process.launchedOn).toBe("2017-01-23");
    expect(
      process.decisions.map(
        (d: { kind: string; fromStatus: string | null; toStatus: string; decidedBy: string }) => [
          d.kind,
          d.fromStatus,
          d.toStatus,
          d.decidedBy,
        ],
      ),
    ).toEqual([
      ["launch", null, "active", "the guarantors and the host"],
      ["conclude", "active", "concluded", "Kazakhstan's declaration"],
      ["resume", "concluded", "active", "collective request of the guarantors"],
      ["suspend", "active", "suspended", "the host"],
    ]);
  });

  it("refuses a transition the rules do not allow with 409 naming the current status, and a second launch", async () => {
    const before = await countRows(app, "process_decisions");
    const suspendAgain = await postAsSecretariat("suspend", decision("2025-02-01", "the host", "Again."));
    expect(suspendAgain.statusCode).toBe(409);
    expect(suspendAgain.json().error).toMatchObject({
      code: "invalid_transition",
      details: { field: "status", currentStatus: "suspended" },
    });
    expect(suspendAgain.json().error.message).toContain("suspended");
    const relaunch = await postAsSecretariat("launch", decision("2025-02-01", "the host", "Again."));
    expect(relaunch.statusCode).toBe(409);
    expect(await countRows(app, "process_decisions")).toBe(before);
    const unchanged = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}` })).json();
    expect(unchanged.status).toBe("suspended");
    const resumed = await postAsSecretariat(
      "resume",
      decision("2025-03-01", "collective request of the guarantors", "Resumed."),
    );
    expect(resumed.json().status).toBe("active");
  });
});

describe("roles and role changes", () => {
  it("refuses a role change dated before the participant existed (422 naming occurredOn), writing nothing", async () => {
    const before = await countRows(app, "role_changes");
    const response = await usObserverChange("granted", "1700-01-01");
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.issues[0].path).toEqual(["occurredOn"]);
    expect(response.json().error.message).toContain("1776-07-04");
    expect(await countRows(app, "role_changes")).toBe(before);
  });

  it("records observer status granted and a boycott declared, with date, round and statement", async () => {
    const granted = await usObserverChange("granted", "2017-01-20");
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: "observer",
          fromDate: "2017-01-20",
          participant: expect.objectContaining({ slug: "united-states" }),
        }),
      ]),
    );
    const noRound = await usObserverChange("boycott_declared", "2020-12-01", { roundNumber: 15 });
    expect(noRound.statusCode).toBe(422);
    expect(noRound.json().error.details.issues[0].path).toEqual(["roundNumber"]);
    const round = await postAsSecretariat("rounds", {
      names: { en: "Round 15" },
      number: 15,
      city: "Sochi",
      startDate: "2021-02-16",
      endDate: "2021-02-17",
    });
    expect(round.statusCode).toBe(201);
    const boycott = await usObserverChange("boycott_declared", "2021-02-16", {
      roundNumber: 15,
      statement: "The United States did not attend.",
    });
    expect(boycott.statusCode, boycott.body).toBe(201);
    const usa = (await app.request({ method: "GET", url: "/api/participants/united-states" })).json();
    expect(
      usa.roleChanges.map((c: { change: string; roundNumber: number | null }) => [c.change, c.roundNumber]),
    ).toEqual([
      ["granted", null],
      ["boycott_declared", 15],
    ]);
    expect(usa.roles).toEqual([
      expect.objectContaining({ processSlug: "astana", role: "observer", toDate: null }),
    ]);

    const withdrawn = await usObserverChange("withdrawn", "2022-01-01");
    expect(withdrawn.statusCode).toBe(201);
    const after = (await app.request({ method: "GET", url: "/api/participants/united-states" })).json();
    expect(after.roles).toEqual([expect.objectContaining({ role: "observer", toDate: "2022-01-01" })]);
  });

  it("refuses a role starting before the participant existed, the host role, and the same role open twice", async () => {
    const early = await postAsSecretariat("roles", {
      participantId: "united-states",
      role: "guarantor",
      fromDate: "1700-01-01",
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.issues[0].path).toEqual(["fromDate"]);
    const host = await postAsSecretariat("roles", { participantId: "jordan", role: "host" });
    expect(host.statusCode).toBe(422);
    expect(host.json().error.details.issues[0].path).toEqual(["role"]);
    const twice = await postAsSecretariat("roles", { participantId: "jordan", role: "observer" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.field).toBe("role");
  });
});

describe("participants", () => {
  it("creates and corrects participants with names in three languages", async () => {
    const created = await app.request({
      method: "POST",
      url: "/api/participants",
      as: fx.as.secretariat,
      payload: {
        slug: "lebanon",
        kind: "state",
        names: { en: "Lebanon", ru: "Ливан", ar: "لبنان" },
        existsFrom: "1943-11-22",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      slug: "lebanon",
      name: "Lebanon",
      version: 1,
      can: { update: true },
    });
    const duplicate = await app.request({
      method: "POST",
      url: "/api/participants",
      as: fx.as.admin,
      payload: { slug: "lebanon", kind: "state", names: { en: "Lebanon" } },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.field).toBe("slug");

    const updated = await app.request({
      method: "PATCH",
      url: "/api/participants/lebanon",
      as: fx.as.admin,
      payload: { version: 1, shortName: "LB" },
    });
    expect(updated.json()).toMatchObject({ shortName: "LB", version: 2 });
    const stale = await app.request({
      method: "PATCH",
      url: "/api/participants/lebanon",
      as: fx.as.admin,
      payload: { version: 1, shortName: "LBN" },
    });
    expect(stale.statusCode).toBe(409);
    const list = (await app.request({ method: "GET", url: "/api/participants" })).json();
    expect(list.items.map((p: { slug: string }) => p.slug)).toContain("lebanon");
    expect(list.can.create).toBe(false);
  });

  it("refuses moving a participant's existence after a change already recorded for it (422 naming existsFrom)", async () => {
    const current = (await app.request({ method: "GET", url: "/api/participants/united-states" })).json();
    const response = await app.request({
      method: "PATCH",
      url: "/api/participants/united-states",
      as: fx.as.admin,
      payload: { version: current.version, existsFrom: "2020-01-01" },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.issues[0].path).toEqual(["existsFrom"]);
  });
});
