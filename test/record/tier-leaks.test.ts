// Regression tests of two leaks: a round delegation's members before accreditation, and sources of hidden subjects.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type DelegationsRound,
  russianList,
  submitMembers,
  withDelegationsRound,
} from "../core/delegations-setup.ts";
import { createTestAccount } from "../helpers/app.ts";

let round: DelegationsRound;
let outsider: string;
withDelegationsRound("listed", (ready) => {
  round = ready;
});
beforeAll(async () => {
  await createTestAccount(round.app.deps.db, {
    email: "nobody@example.org",
    password: "correct horse battery",
  });
  outsider = await round.app.signIn("nobody@example.org", "correct horse battery");
});

const get = (url: string, as: string | undefined) => round.app.request({ method: "GET", url, as });

/** Every reader who is neither the secretariat nor Russia's delegation (whose list was submitted). */
function others() {
  const { as } = round.fx;
  return {
    public: undefined,
    outsider,
    admin: as.admin,
    party: as.party,
    observer: as.observer,
    io: as.io,
    monitor: as.monitor,
  };
}

async function russianMemberId(): Promise<string> {
  const own = await get(`/api/round-delegations/${round.invited.russia}`, round.fx.as.guarantor);
  expect(own.statusCode, own.body).toBe(200);
  const id = own.json().members[0]?.id;
  expect(id).toBeTruthy();
  return id;
}

async function expectMembersHidden(memberId: string) {
  for (const [who, as] of Object.entries(others())) {
    const delegation = await get(`/api/round-delegations/${round.invited.russia}`, as);
    expect(delegation.statusCode, `${who}: round delegation`).toBe(404);
    const member = await get(`/api/record/delegation_member/${memberId}`, as);
    expect(member.statusCode, `${who}: delegation member`).toBe(404);
    const record = await get(`/api/record/round/${round.roundId}`, as);
    if (record.statusCode === 200) {
      expect(record.body, `${who}: round record`).not.toContain(russianList[0]?.nameLatin);
    } else expect(record.statusCode, `${who}: round record`).toBe(404);
  }
  for (const as of [round.fx.as.secretariat, round.fx.as.guarantor]) {
    expect((await get(`/api/record/delegation_member/${memberId}`, as)).statusCode).toBe(200);
    expect((await get(`/api/record/round/${round.roundId}`, as)).body).toContain(russianList[0]?.nameLatin);
  }
}

describe("a source takes the widest tier of what cites it", () => {
  const url = "https://example.org/planning-note-of-round-23";

  it("keeps a source cited only for a planned round inside the process, and publishes it with the round", async () => {
    const cited = await round.app.request({
      method: "POST",
      url: "/api/record/citations",
      as: round.fx.as.secretariat,
      payload: {
        subjectType: "round",
        subjectId: round.roundId,
        field: "dates",
        source: { url, title: "Confidential planning note" },
      },
    });
    expect(cited.statusCode, cited.body).toBe(201);
    const sourceId: string = cited.json().source.id;

    for (const as of [undefined, outsider, round.fx.as.admin]) {
      const search = await get("/api/sources?q=planning-note", as);
      expect(search.statusCode).toBe(200);
      expect(search.json()).toMatchObject({ total: 0, items: [] });
      expect((await get(`/api/sources/${sourceId}`, as)).statusCode).toBe(404);
    }
    for (const as of [round.fx.as.observer, round.fx.as.secretariat]) {
      const search = await get("/api/sources?q=planning-note", as);
      expect(search.json().items.map((item: { url: string }) => item.url)).toEqual([url]);
      const detail = await get(`/api/sources/${sourceId}`, as);
      expect(detail.json().citedBy).toEqual([expect.objectContaining({ subjectId: round.roundId })]);
    }

    const announced = await round.app.request({
      method: "POST",
      url: `/api/rounds/${round.roundId}/announce`,
      as: round.fx.as.secretariat,
      payload: { publishedOn: "2025-04-20", text: "Round 23 will be held in Astana." },
    });
    expect(announced.statusCode, announced.body).toBe(200);
    expect((await get("/api/sources?q=planning-note", undefined)).json().total).toBe(1);
    expect((await get(`/api/sources/${sourceId}`, undefined)).statusCode).toBe(200);
  });
});

describe("the members of a round delegation not yet accredited", () => {
  it("are seen by that delegation and the secretariat only, by every route, also once the round is announced", async () => {
    const memberId = await russianMemberId();
    // The previous test announced the round; the list is still only submitted.
    await expectMembersHidden(memberId);

    const back = await round.app.request({
      method: "POST",
      url: `/api/round-delegations/${round.invited.russia}/request-changes`,
      as: round.fx.as.secretariat,
      payload: { note: "Add the titles in Russian." },
    });
    expect(back.statusCode, back.body).toBe(200);
    await expectMembersHidden(memberId);

    const accredited = await submitMembers(round, "russia", russianList, round.fx.as.guarantor);
    expect(accredited.statusCode, accredited.body).toBeLessThan(300);
    const done = await round.app.request({
      method: "POST",
      url: `/api/round-delegations/${round.invited.russia}/accredit`,
      as: round.fx.as.secretariat,
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(200);
    const newMemberId = await russianMemberId();
    for (const [who, as] of Object.entries(others())) {
      expect((await get(`/api/record/delegation_member/${newMemberId}`, as)).statusCode, who).toBe(200);
      expect((await get(`/api/record/round/${round.roundId}`, as)).body, who).toContain(
        russianList[0]?.nameLatin,
      );
    }
  });
});
