import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

const quadrilateral = {
  slug: "quadrilateral-2023-06-20",
  kind: "quadrilateral",
  level: "deputy foreign ministers",
  names: { en: "Quadrilateral consultations", ru: "Четырёхсторонние консультации" },
  city: "Astana",
  startDate: "2023-06-20",
  endDate: "2023-06-20",
  participants: [
    { participantId: "iran", role: "guarantor" },
    { participantId: "russia", role: "guarantor" },
    { participantId: "turkiye", role: "guarantor" },
    { participantId: "syrian-government", role: "party" },
  ],
};

describe("meetings in the format outside the rounds", () => {
  it("records a meeting with its participants, public to everyone", async () => {
    const created = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/meetings`,
      as: fx.as.secretariat,
      payload: quadrilateral,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: "quadrilateral", version: 1, can: { update: true } });
    const publicView = await app.request({ method: "GET", url: `/api/meetings/${created.json().id}` });
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json().can).toEqual({ update: false });
    expect(
      publicView.json().participants.map((p: { participant: { slug: string } }) => p.participant.slug),
    ).toEqual(["iran", "russia", "syrian-government", "turkiye"]);
    const list = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/meetings` })).json();
    expect(list.items).toEqual([expect.objectContaining({ slug: "quadrilateral-2023-06-20" })]);
  });

  it("refuses a slug used twice, an unknown participant and an end before the start, writing nothing", async () => {
    const meetingsBefore = await countRows(app, "meetings");
    const linksBefore = await countRows(app, "meeting_participants");
    const twice = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/meetings`,
      as: fx.as.secretariat,
      payload: quadrilateral,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.field).toBe("slug");
    const unknown = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/meetings`,
      as: fx.as.secretariat,
      payload: {
        ...quadrilateral,
        slug: "sochi-congress",
        kind: "congress",
        participants: [{ participantId: "atlantis", role: "party" }],
      },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.issues[0].path).toEqual(["participants", 0, "participantId"]);
    const backwards = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/meetings`,
      as: fx.as.secretariat,
      payload: {
        ...quadrilateral,
        slug: "summit",
        kind: "summit",
        startDate: "2023-06-21",
        endDate: "2023-06-20",
      },
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.details.issues[0].path).toEqual(["endDate"]);
    expect(await countRows(app, "meetings")).toBe(meetingsBefore);
    expect(await countRows(app, "meeting_participants")).toBe(linksBefore);
  });

  it("updates a meeting and its participants from the version read, refusing a stale version", async () => {
    const [meeting] = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/meetings` })).json()
      .items;
    const updated = await app.request({
      method: "PATCH",
      url: `/api/meetings/${meeting.id}`,
      as: fx.as.secretariat,
      payload: {
        version: 1,
        venue: "Ministry of Foreign Affairs",
        participants: [
          { participantId: "russia", role: "guarantor" },
          { participantId: "syrian-government", role: "party" },
        ],
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      venue: "Ministry of Foreign Affairs",
      version: 2,
      kind: "quadrilateral",
    });
    expect(updated.json().participants).toHaveLength(2);
    const stale = await app.request({
      method: "PATCH",
      url: `/api/meetings/${meeting.id}`,
      as: fx.as.secretariat2,
      payload: { version: 1, venue: "Elsewhere" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
  });
});
