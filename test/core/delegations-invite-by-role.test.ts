import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture } from "../helpers/process-fixtures.ts";
import { inviteDelegation, withDelegationsRound } from "./delegations-setup.ts";

let app: TestApp;
let fx: ProcessFixture;
let roundId: string;

withDelegationsRound("round", (round) => ({ app, fx, roundId } = round));

const inviteByRole = (roles: unknown, ...as: [string | undefined] | []) =>
  app.request({
    method: "POST",
    url: `/api/rounds/${roundId}/delegations/by-role`,
    as: as.length > 0 ? as[0] : fx.as.secretariat,
    payload: { roles },
  });

type Result = {
  invited: { participant: { slug: string }; role: string; status: string }[];
  alreadyInvited: { slug: string }[];
};

async function auditRows(action: string) {
  const result = await app.database.db.execute(
    `select outcome, tier, data from audit_log where action = '${action}' order by seq`,
  );
  return (result as unknown as { rows: { outcome: string; tier: string; data: Record<string, unknown> }[] })
    .rows;
}

describe("inviting every participant with a role, in one action", () => {
  it("is the secretariat's alone: others are refused, the refusal audited, nothing written", async () => {
    const before = await countRows(app, "round_delegations");
    for (const who of [fx.as.guarantor, fx.as.observer, fx.as.party]) {
      const response = await inviteByRole(["guarantor"], who);
      expect(response.statusCode, response.body).toBe(403);
    }
    // The public cannot see a planned round at all: 404, like a missing one.
    expect((await inviteByRole(["guarantor"], fx.as.public)).statusCode).toBe(404);
    expect(await countRows(app, "round_delegations")).toBe(before);
    const refusals = await auditRows("core.round-delegation.invite-by-role");
    expect(refusals.filter((row) => row.outcome === "denied").length).toBeGreaterThanOrEqual(1);
  });

  it("refuses an empty choice of roles with a message a person can act on", async () => {
    const response = await inviteByRole([]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Choose at least one role");
  });

  it("invites all the guarantors and the parties in their roles, audited once, and a second click invites nobody twice", async () => {
    // Russia is invited by hand first: the bulk action leaves it as it is.
    expect((await inviteDelegation({ app, fx, roundId }, "russia")).statusCode).toBe(201);
    const before = await countRows(app, "round_delegations");

    const first = await inviteByRole(["guarantor", "party"]);
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json() as Result;
    expect(result.invited.map((item) => [item.participant.slug, item.role, item.status]).sort()).toEqual([
      ["iran", "guarantor", "invited"],
      ["syrian-government", "party", "invited"],
      ["turkiye", "guarantor", "invited"],
    ]);
    expect(result.alreadyInvited.map((participant) => participant.slug)).toEqual(["russia"]);
    expect(await countRows(app, "round_delegations")).toBe(before + 3);

    const audited = (await auditRows("core.round-delegation.invite-by-role")).filter(
      (row) => row.outcome === "ok",
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.tier).toBe("delegation");
    expect(audited[0]?.data).toMatchObject({ round: 23, roles: ["guarantor", "party"], alreadyInvited: 1 });
    expect(
      ((audited[0]?.data.invited ?? []) as { participant: string }[]).map((item) => item.participant).sort(),
    ).toEqual(["iran", "syrian-government", "turkiye"]);

    const again = await inviteByRole(["guarantor", "party"]);
    expect(again.statusCode).toBe(200);
    expect((again.json() as Result).invited).toEqual([]);
    expect((again.json() as Result).alreadyInvited.map((participant) => participant.slug).sort()).toEqual([
      "iran",
      "russia",
      "syrian-government",
      "turkiye",
    ]);
    expect(await countRows(app, "round_delegations")).toBe(before + 3);
  });

  it("leaves the observers to a choice of their own, and each invited delegation sees its invitation", async () => {
    const observers = (await inviteByRole(["observer"])).json() as Result;
    expect(observers.invited.map((item) => item.participant.slug)).toEqual(["jordan"]);
    const mine = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/delegations`,
      as: fx.as.observer,
    });
    expect(mine.statusCode).toBe(200);
  });
});
