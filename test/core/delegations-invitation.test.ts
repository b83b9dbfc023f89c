import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture } from "../helpers/process-fixtures.ts";
import { inviteDelegation, withDelegationsRound } from "./delegations-setup.ts";

let app: TestApp;
let fx: ProcessFixture;
let roundId: string;
let invited: Record<string, string>;

withDelegationsRound("round", (round) => ({ app, fx, roundId, invited } = round));
const invite = (participantId: string, role?: string) =>
  inviteDelegation({ app, fx, roundId }, participantId, role);

describe("inviting delegations", () => {
  it("invites participants in their current role and opens a standing delegation where there is none", async () => {
    const before = await countRows(app, "delegations");
    for (const participant of ["russia", "turkiye", "iran", "syrian-government", "jordan", "kazakhstan"]) {
      const response = await invite(participant);
      expect(response.statusCode, response.body).toBe(201);
      invited[participant] = response.json().id;
    }
    expect((await invite("russia")).statusCode).toBe(409);
    expect(await countRows(app, "delegations")).toBe(before + 2);
    const russia = await app.request({
      method: "GET",
      url: `/api/round-delegations/${invited.russia}`,
      as: fx.as.secretariat,
    });
    expect(russia.json()).toMatchObject({
      role: "guarantor",
      status: "invited",
      delegationId: fx.delegationOf.russia,
    });
    const jordan = await app.request({
      method: "GET",
      url: `/api/round-delegations/${invited.jordan}`,
      as: fx.as.secretariat,
    });
    expect(jordan.json().role).toBe("observer");
  });

  it("needs a role for a participant that holds none (422 naming role) and refuses one invited twice (409 naming participantId)", async () => {
    const before = await countRows(app, "round_delegations");
    const noRole = await invite("united-states");
    expect(noRole.statusCode).toBe(422);
    expect(noRole.json().error.details.issues[0].path).toEqual(["role"]);
    const twice = await invite("jordan");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.field).toBe("participantId");
    expect(await countRows(app, "round_delegations")).toBe(before);
    const withRole = await invite("united-states", "observer");
    expect(withRole.statusCode).toBe(201);
    invited["united-states"] = withRole.json().id;
  });

  it("keeps an invitation between the secretariat and that delegation until accreditation", async () => {
    for (const [who, status] of [
      [fx.as.public, 404],
      [fx.as.admin, 404],
      [fx.as.party, 404],
      [fx.as.observer, 404],
      [fx.as.guarantor, 200],
      [fx.as.secretariat, 200],
    ] as const) {
      const response = await app.request({
        method: "GET",
        url: `/api/round-delegations/${invited.russia}`,
        as: who,
      });
      expect(response.statusCode).toBe(status);
    }
    const partyList = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/delegations`,
      as: fx.as.party,
    });
    expect(partyList.json().items.map((d: { participant: { slug: string } }) => d.participant.slug)).toEqual([
      "syrian-government",
    ]);
    const secretariatList = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/delegations`,
      as: fx.as.secretariat,
    });
    expect(secretariatList.json().items).toHaveLength(7);
    expect(secretariatList.json().can).toEqual({ invite: true });
  });
});
