// Every role against every humanitarian route: who reads which side's persons (the side, the ICRC, and
// the working group — guarantors and the UN — only what a side shared with it; never the other side,
// an observer, the monitors, an administrator or the public), who may write what, and what each is told.
import { beforeAll, describe, expect, it } from "vitest";
import {
  csvOf,
  type HumCast,
  personRow,
  templateHeader,
  uploadList,
  withHumanitarianCast,
} from "./helpers.ts";

let cast: HumCast;
withHumanitarianCast((ready) => {
  cast = ready;
});

const roles = [
  "public",
  "admin",
  "secretariat",
  "guarantor",
  "party",
  "opposition",
  "observer",
  "io",
  "monitor",
  "icrc",
] as const;
type Role = (typeof roles)[number];
const cookie = (role: Role) =>
  role === "public" ? undefined : (cast.as as Record<string, string | undefined>)[role];
const get = (url: string, role: Role) => cast.app.request({ method: "GET", url, as: cookie(role) });
const post = (url: string, role: Role, payload: object = {}) =>
  cast.app.request({ method: "POST", url, as: cookie(role), payload });

let governmentList: string;
let governmentCase: string;
let sharedCase: string;
let exchangeId: string;

beforeAll(async () => {
  const uploaded = await uploadList(
    cast,
    cast.as.party,
    csvOf(templateHeader, [personRow(1), personRow(2)]),
    {
      delegationId: cast.government,
    },
  );
  governmentList = uploaded.json().listId;
  const list = (await get(`/api/humanitarian/lists/${governmentList}`, "party")).json();
  governmentCase = list.entries[0].caseId;
  const shared = await post(`/api/processes/${cast.fx.slug}/humanitarian/cases`, "opposition", {
    delegationId: cast.opposition,
    kind: "abducted",
    sharing: "working_group",
    person: { latin: { given: "Rami", family: "Haddad" }, birthYear: 1990 },
  });
  sharedCase = shared.json().id;
  const planned = await post(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, "guarantor", {
    on: "2027-01-10",
    place: "Abu al-Zindeen",
    firstDelegationId: cast.government,
    secondDelegationId: cast.opposition,
    firstReleases: 1,
    secondReleases: 1,
  });
  exchangeId = planned.json().id;
  await post(`/api/humanitarian/exchanges/${exchangeId}/people`, "icrc", {
    caseId: sharedCase,
    releasingDelegationId: cast.government,
  });
});

/** What each role gets from a read, as `status` or `status:count`. */
async function matrix(
  url: string,
  count?: (body: Record<string, unknown>) => number,
): Promise<Record<Role, string>> {
  const out = {} as Record<Role, string>;
  for (const role of roles) {
    const response = await get(url, role);
    out[role] =
      count && response.statusCode === 200 ? `200:${count(response.json())}` : String(response.statusCode);
  }
  return out;
}

describe("who reads what", () => {
  it("cases: each side its own, the ICRC all, the working group what was shared with it, nobody else any", async () => {
    expect(
      await matrix(`/api/processes/${cast.fx.slug}/humanitarian/cases`, (body) => body.total as number),
    ).toEqual({
      public: "200:0",
      admin: "200:0",
      secretariat: "200:0",
      guarantor: "200:1",
      party: "200:2",
      opposition: "200:1",
      observer: "200:0",
      io: "200:1",
      monitor: "200:0",
      icrc: "200:3",
    });
    expect(await matrix(`/api/humanitarian/cases/${governmentCase}`)).toEqual({
      public: "404",
      admin: "404",
      secretariat: "404",
      guarantor: "404",
      party: "200",
      opposition: "404",
      observer: "404",
      io: "404",
      monitor: "404",
      icrc: "200",
    });
    expect(await matrix(`/api/humanitarian/cases/${sharedCase}`)).toEqual({
      public: "404",
      admin: "404",
      secretariat: "404",
      guarantor: "200",
      party: "404",
      opposition: "200",
      observer: "404",
      io: "200",
      monitor: "404",
      icrc: "200",
    });
  });

  it("lists: the side and the ICRC; a side's list is never shown to the other side", async () => {
    expect(await matrix(`/api/humanitarian/lists/${governmentList}`)).toEqual({
      public: "404",
      admin: "404",
      secretariat: "404",
      guarantor: "404",
      party: "200",
      opposition: "404",
      observer: "404",
      io: "404",
      monitor: "404",
      icrc: "200",
    });
    expect(
      await matrix(
        `/api/processes/${cast.fx.slug}/humanitarian/lists`,
        (body) => (body.lists as unknown[]).length,
      ),
    ).toMatchObject({
      public: "200:0",
      guarantor: "200:0",
      party: "200:1",
      opposition: "200:0",
      icrc: "200:1",
    });
  });

  it("exchanges: the sides, the working group and the host follow them; a person's name only to their case's readers", async () => {
    expect(await matrix(`/api/humanitarian/exchanges/${exchangeId}`)).toEqual({
      public: "404",
      admin: "404",
      secretariat: "200",
      guarantor: "200",
      party: "200",
      opposition: "200",
      observer: "404",
      io: "200",
      monitor: "404",
      icrc: "200",
    });
    const names = async (role: Role) =>
      (await get(`/api/humanitarian/exchanges/${exchangeId}`, role))
        .json()
        .people.map(
          (person: { person: { latin: { given: string } } | null }) => person.person?.latin.given ?? null,
        );
    expect(await names("party")).toEqual([null]);
    expect(await names("secretariat")).toEqual([null]);
    expect(await names("guarantor")).toEqual(["Rami"]);
    expect(await names("icrc")).toEqual(["Rami"]);
  });

  it("pictures: aggregates over what each may read; the review queue's progress for the ICRC", async () => {
    expect(
      await matrix(`/api/processes/${cast.fx.slug}/humanitarian/case-counts`, (body) =>
        (body.current as { count: number }[]).reduce((sum, row) => sum + row.count, 0),
      ),
    ).toMatchObject({
      public: "200:0",
      party: "200:2",
      guarantor: "200:1",
      icrc: "200:3",
      observer: "200:0",
    });
    expect(
      await matrix(
        `/api/processes/${cast.fx.slug}/humanitarian/exchange-timeline`,
        (body) => (body.exchanges as unknown[]).length,
      ),
    ).toMatchObject({ public: "200:0", observer: "200:0", party: "200:1", icrc: "200:1" });
    expect((await get(`/api/processes/${cast.fx.slug}/humanitarian/review-progress`, "icrc")).json()).toEqual(
      {
        runs: 0,
        candidates: { pending: 0, confirmed: 0, rejected: 0 },
      },
    );
  });
});

describe("who may write what", () => {
  it("a case is registered by its own side only", async () => {
    const statuses: Record<string, number> = {};
    for (const role of roles) {
      const response = await post(`/api/processes/${cast.fx.slug}/humanitarian/cases`, role, {
        delegationId: cast.government,
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
      const response = await post(`/api/humanitarian/cases/${sharedCase}/status`, role, {
        status: "located",
        evidence: "Seen at a detention centre",
      });
      statuses[role] = response.statusCode;
      if (response.statusCode === 200)
        await post(`/api/humanitarian/cases/${sharedCase}/status`, "icrc", {
          status: "confirmed_alive",
          evidence: "reset",
        }).then(() =>
          post(`/api/humanitarian/cases/${sharedCase}/status`, "icrc", { status: "located", evidence: "x" }),
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
    const missingEvidence = await post(`/api/humanitarian/cases/${sharedCase}/status`, "icrc", {
      status: "released",
    });
    expect(missingEvidence.statusCode).toBe(400);
  });

  it("exchanges are planned by the ICRC and the guarantors; releases are confirmed by the ICRC alone", async () => {
    const plan = (role: Role) =>
      post(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, role, {
        on: "2027-02-01",
        place: "Crossing",
        firstDelegationId: cast.government,
        secondDelegationId: cast.opposition,
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
    const person = (await get(`/api/humanitarian/exchanges/${exchangeId}`, "icrc")).json().people[0].id;
    const confirms: Record<string, number> = {};
    for (const role of roles.filter((role) => role !== "icrc"))
      confirms[role] = (await post(`/api/humanitarian/exchange-people/${person}/confirm`, role)).statusCode;
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
    expect((await post(`/api/humanitarian/exchange-people/${person}/confirm`, "icrc")).statusCode).toBe(200);
    const cancelled = await post(`/api/humanitarian/exchanges/${exchangeId}/cancel`, "guarantor", {
      reason: "Postponed by the sides",
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await get(`/api/humanitarian/exchanges/${exchangeId}`, "party")).json().cancelled.reason).toBe(
      "Postponed by the sides",
    );
  });

  it("withdrawing keeps the case: it is shown withdrawn, with its reason, and no longer changes", async () => {
    const withdrawn = await post(`/api/humanitarian/cases/${governmentCase}/withdraw`, "party", {
      reason: "Entered twice",
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const view = (await get(`/api/humanitarian/cases/${governmentCase}`, "party")).json();
    expect(view.withdrawn).toMatchObject({ by: "party@example.org", reason: "Entered twice" });
    expect(view.can).toEqual({ update: false, changeStatus: false, withdraw: false });
    const after = await post(`/api/humanitarian/cases/${governmentCase}/status`, "party", {
      status: "located",
      evidence: "x",
    });
    expect(after.statusCode).toBe(409);
    const listed = await get(`/api/processes/${cast.fx.slug}/humanitarian/cases?withdrawn=only`, "party");
    expect(listed.json().cases.map((c: { id: string }) => c.id)).toEqual([governmentCase]);
  });

  it("a case is corrected by its side or the ICRC, naming the version read; a stale version is refused", async () => {
    const before = (await get(`/api/humanitarian/cases/${sharedCase}`, "opposition")).json();
    const byGuarantor = await post(`/api/humanitarian/cases/${sharedCase}`, "guarantor", {
      version: before.version,
      person: { latin: { given: "Rami", family: "al-Haddad" } },
    });
    expect(byGuarantor.statusCode).toBe(403);
    const corrected = await post(`/api/humanitarian/cases/${sharedCase}`, "opposition", {
      version: before.version,
      person: {
        arabic: { given: "رامي", family: "حداد" },
        latin: { given: "Rami", family: "al-Haddad" },
        birthYear: 1990,
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const stale = await post(`/api/humanitarian/cases/${sharedCase}`, "icrc", {
      version: before.version,
      kind: "detained",
    });
    expect(stale.statusCode).toBe(409);
    const after = (await get(`/api/humanitarian/cases/${sharedCase}`, "icrc")).json();
    expect(after).toMatchObject({ version: before.version + 1, person: { arabic: { given: "رامي" } } });
  });

  it("a list is withdrawn by its side with a reason: its rows and cases are kept, marked withdrawn", async () => {
    const uploaded = await uploadList(
      cast,
      cast.as.party,
      csvOf(templateHeader, [personRow(31), personRow(32)]),
      {
        delegationId: cast.government,
        title: "Sent by mistake",
      },
    );
    const listId: string = uploaded.json().listId;
    // The list tells its readers who may withdraw it: its side, not the intermediary.
    expect((await get(`/api/humanitarian/lists/${listId}`, "party")).json().can).toEqual({ withdraw: true });
    expect((await get(`/api/humanitarian/lists/${listId}`, "icrc")).json().can).toEqual({ withdraw: false });
    const byOther = await post(`/api/humanitarian/lists/${listId}/withdraw`, "opposition", { reason: "x" });
    expect(byOther.statusCode).toBe(404);
    const byIcrc = await post(`/api/humanitarian/lists/${listId}/withdraw`, "icrc", { reason: "x" });
    expect(byIcrc.statusCode).toBe(403);
    const withdrawn = await post(`/api/humanitarian/lists/${listId}/withdraw`, "party", {
      reason: "Sent by mistake",
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const list = (await get(`/api/humanitarian/lists/${listId}`, "party")).json();
    expect(list.withdrawn).toMatchObject({ reason: "Sent by mistake" });
    expect(list.can).toEqual({ withdraw: false });
    expect(list.entries.every((entry: { withdrawn: unknown }) => entry.withdrawn !== null)).toBe(true);
    const caseView = (await get(`/api/humanitarian/cases/${list.entries[0].caseId}`, "party")).json();
    expect(caseView.withdrawn).toMatchObject({ reason: "Sent by mistake" });
    const again = await uploadList(
      cast,
      cast.as.party,
      csvOf(templateHeader, [personRow(31), personRow(32)]),
      {
        delegationId: cast.government,
      },
    );
    expect(again.statusCode).toBe(409);
  });
});

describe("planning between the sides", () => {
  it("exchange sides: who follows exchanges gets both parties' delegations (ids only) to plan with, no one else", async () => {
    expect(
      await matrix(
        `/api/processes/${cast.fx.slug}/humanitarian/exchange-sides`,
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
      await get(`/api/processes/${cast.fx.slug}/humanitarian/exchange-sides`, "guarantor")
    ).json().sides as { delegationId: string }[];
    expect(sides.map((side) => side.delegationId).sort()).toEqual([cast.government, cast.opposition].sort());
    const planned = await post(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, "guarantor", {
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
