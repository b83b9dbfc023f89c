// Every role against every humanitarian write: who may register, correct, record a status, withdraw,
// plan an exchange and confirm a release, and what each is told; and the sides a planner may choose.
import { describe, expect, it } from "vitest";
import { csvOf, personRow, templateHeader, uploadList } from "./helpers.ts";
import { type Role, roles, withRolesWorld } from "./roles-world.ts";

const w = withRolesWorld();

describe("who may write what", () => {
  it("a case is registered by its own side only", async () => {
    const statuses: Record<string, number> = {};
    for (const role of roles) {
      const response = await w.post(`/api/processes/${w.cast.fx.slug}/humanitarian/cases`, role, {
        delegationId: w.cast.government,
        kind: "missing",
        person: { latin: { given: `Person of ${role}` } },
      });
      statuses[role] = response.statusCode;
    }
    expect(statuses).toEqual({
      public: 401,
      admin: 403,
      secretariat: 403,
      guarantor: 403,
      party: 201,
      opposition: 403,
      observer: 403,
      io: 403,
      monitor: 403,
      icrc: 403,
    });
  });

  it("a status is recorded by the case's side or the ICRC, on evidence; others do not find the case", async () => {
    const statuses: Record<string, number> = {};
    for (const role of roles) {
      const response = await w.post(`/api/humanitarian/cases/${w.sharedCase}/status`, role, {
        status: "located",
        evidence: "Seen at a detention centre",
      });
      statuses[role] = response.statusCode;
      if (response.statusCode === 200)
        await w
          .post(`/api/humanitarian/cases/${w.sharedCase}/status`, "icrc", {
            status: "confirmed_alive",
            evidence: "reset",
          })
          .then(() =>
            w.post(`/api/humanitarian/cases/${w.sharedCase}/status`, "icrc", {
              status: "located",
              evidence: "x",
            }),
          );
    }
    expect(statuses).toMatchObject({
      public: 404,
      admin: 404,
      party: 404,
      guarantor: 403,
      io: 403,
      opposition: 200,
    });
    const missingEvidence = await w.post(`/api/humanitarian/cases/${w.sharedCase}/status`, "icrc", {
      status: "released",
    });
    expect(missingEvidence.statusCode).toBe(400);
  });

  it("exchanges are planned by the ICRC and the guarantors; releases are confirmed by the ICRC alone", async () => {
    const plan = (role: Role) =>
      w.post(`/api/processes/${w.cast.fx.slug}/humanitarian/exchanges`, role, {
        on: "2027-02-01",
        place: "Crossing",
        firstDelegationId: w.cast.government,
        secondDelegationId: w.cast.opposition,
        firstReleases: 2,
        secondReleases: 3,
      });
    const statuses: Record<string, number> = {};
    for (const role of roles) statuses[role] = (await plan(role)).statusCode;
    expect(statuses).toEqual({
      public: 401,
      admin: 403,
      secretariat: 403,
      guarantor: 201,
      party: 403,
      opposition: 403,
      observer: 403,
      io: 403,
      monitor: 403,
      icrc: 201,
    });
    const person = (await w.get(`/api/humanitarian/exchanges/${w.exchangeId}`, "icrc")).json().people[0].id;
    const confirms: Record<string, number> = {};
    for (const role of roles.filter((role) => role !== "icrc"))
      confirms[role] = (await w.post(`/api/humanitarian/exchange-people/${person}/confirm`, role)).statusCode;
    // Who cannot follow the exchange does not find it; who follows it may not confirm.
    expect(confirms).toEqual({
      public: 404,
      admin: 404,
      secretariat: 403,
      guarantor: 403,
      party: 403,
      opposition: 403,
      observer: 404,
      io: 403,
      monitor: 404,
    });
    expect((await w.post(`/api/humanitarian/exchange-people/${person}/confirm`, "icrc")).statusCode).toBe(
      200,
    );
    const cancelled = await w.post(`/api/humanitarian/exchanges/${w.exchangeId}/cancel`, "guarantor", {
      reason: "Postponed by the sides",
    });
    expect(cancelled.statusCode).toBe(200);
    expect(
      (await w.get(`/api/humanitarian/exchanges/${w.exchangeId}`, "party")).json().cancelled.reason,
    ).toBe("Postponed by the sides");
  });

  it("withdrawing keeps the case: it is shown withdrawn, with its reason, and no longer changes", async () => {
    const withdrawn = await w.post(`/api/humanitarian/cases/${w.governmentCase}/withdraw`, "party", {
      reason: "Entered twice",
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const view = (await w.get(`/api/humanitarian/cases/${w.governmentCase}`, "party")).json();
    expect(view.withdrawn).toMatchObject({ by: "party@example.org", reason: "Entered twice" });
    expect(view.can).toEqual({ update: false, changeStatus: false, withdraw: false, readAudit: false });
    const after = await w.post(`/api/humanitarian/cases/${w.governmentCase}/status`, "party", {
      status: "located",
      evidence: "x",
    });
    expect(after.statusCode).toBe(409);
    const listed = await w.get(`/api/processes/${w.cast.fx.slug}/humanitarian/cases?withdrawn=only`, "party");
    expect(listed.json().cases.map((c: { id: string }) => c.id)).toEqual([w.governmentCase]);
  });

  it("a case is corrected by its side or the ICRC, naming the version read; a stale version is refused", async () => {
    const before = (await w.get(`/api/humanitarian/cases/${w.sharedCase}`, "opposition")).json();
    const byGuarantor = await w.post(`/api/humanitarian/cases/${w.sharedCase}`, "guarantor", {
      version: before.version,
      person: { latin: { given: "Rami", family: "al-Haddad" } },
    });
    expect(byGuarantor.statusCode).toBe(403);
    const corrected = await w.post(`/api/humanitarian/cases/${w.sharedCase}`, "opposition", {
      version: before.version,
      person: {
        arabic: { given: "رامي", family: "حداد" },
        latin: { given: "Rami", family: "al-Haddad" },
        birthYear: 1990,
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const stale = await w.post(`/api/humanitarian/cases/${w.sharedCase}`, "icrc", {
      version: before.version,
      kind: "detained",
    });
    expect(stale.statusCode).toBe(409);
    const after = (await w.get(`/api/humanitarian/cases/${w.sharedCase}`, "icrc")).json();
    expect(after).toMatchObject({ version: before.version + 1, person: { arabic: { given: "رامي" } } });
  });

  it("a list is withdrawn by its side with a reason: its rows and cases are kept, marked withdrawn", async () => {
    const uploaded = await uploadList(
      w.cast,
      w.cast.as.party,
      csvOf(templateHeader, [personRow(31), personRow(32)]),
      {
        delegationId: w.cast.government,
        title: "Sent by mistake",
      },
    );
    const listId: string = uploaded.json().listId;
    // The list tells its readers who may withdraw it: its side, not the intermediary.
    expect((await w.get(`/api/humanitarian/lists/${listId}`, "party")).json().can).toEqual({
      withdraw: true,
    });
    expect((await w.get(`/api/humanitarian/lists/${listId}`, "icrc")).json().can).toEqual({
      withdraw: false,
    });
    const byOther = await w.post(`/api/humanitarian/lists/${listId}/withdraw`, "opposition", { reason: "x" });
    expect(byOther.statusCode).toBe(404);
    const byIcrc = await w.post(`/api/humanitarian/lists/${listId}/withdraw`, "icrc", { reason: "x" });
    expect(byIcrc.statusCode).toBe(403);
    const withdrawn = await w.post(`/api/humanitarian/lists/${listId}/withdraw`, "party", {
      reason: "Sent by mistake",
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const list = (await w.get(`/api/humanitarian/lists/${listId}`, "party")).json();
    expect(list.withdrawn).toMatchObject({ reason: "Sent by mistake" });
    expect(list.can).toEqual({ withdraw: false });
    expect(list.entries.every((entry: { withdrawn: unknown }) => entry.withdrawn !== null)).toBe(true);
    const caseView = (await w.get(`/api/humanitarian/cases/${list.entries[0].caseId}`, "party")).json();
    expect(caseView.withdrawn).toMatchObject({ reason: "Sent by mistake" });
    const again = await uploadList(
      w.cast,
      w.cast.as.party,
      csvOf(templateHeader, [personRow(31), personRow(32)]),
      {
        delegationId: w.cast.government,
      },
    );
    expect(again.statusCode).toBe(409);
  });
});

describe("planning between the sides", () => {
  it("exchange sides: who follows exchanges gets both parties' delegations (ids only) to plan with, no one else", async () => {
    expect(
      await w.matrix(
        `/api/processes/${w.cast.fx.slug}/humanitarian/exchange-sides`,
        (body) => (body.sides as unknown[]).length,
      ),
    ).toEqual({
      public: "401",
      admin: "403",
      secretariat: "200:2",
      guarantor: "200:2",
      party: "200:2",
      opposition: "200:2",
      observer: "403",
      io: "200:2",
      monitor: "403",
      icrc: "200:2",
    });
    // A guarantor who reads neither side's lists still plans between the two sides it is given.
    const sides = (
      await w.get(`/api/processes/${w.cast.fx.slug}/humanitarian/exchange-sides`, "guarantor")
    ).json().sides as { delegationId: string }[];
    expect(sides.map((side) => side.delegationId).sort()).toEqual(
      [w.cast.government, w.cast.opposition].sort(),
    );
    const planned = await w.post(`/api/processes/${w.cast.fx.slug}/humanitarian/exchanges`, "guarantor", {
      on: "2027-01-10",
      place: "Abu al-Zindeen",
      firstDelegationId: sides[0]?.delegationId,
      secondDelegationId: sides[1]?.delegationId,
      firstReleases: 2,
      secondReleases: 2,
    });
    expect(planned.statusCode, planned.body).toBe(201);
  });
});
