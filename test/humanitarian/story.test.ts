// The story at the API level, minus matching: the government and the opposition each upload a
// list; the opposition is refused the government's list and the refusal is in the audit chain; the ICRC
// plans a 5-for-5 exchange, confirms each release one by one and completes it: every case released
// together. A failure in the middle of a completion changes no case.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/server/platform/schema.ts";
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

const get = (url: string, as: string | undefined) => cast.app.request({ method: "GET", url, as });
const post = (url: string, as: string | undefined, payload: object = {}) =>
  cast.app.request({ method: "POST", url, as, payload });

let governmentList: string;
let oppositionList: string;
let governmentCases: string[];
let oppositionCases: string[];

beforeAll(async () => {
  const gov = await uploadList(
    cast,
    cast.as.party,
    csvOf(
      templateHeader,
      Array.from({ length: 6 }, (_, n) => personRow(n)),
    ),
    { delegationId: cast.government, title: "Government list 1" },
  );
  expect(gov.statusCode, gov.body).toBe(200);
  governmentList = gov.json().listId;
  const opp = await uploadList(
    cast,
    cast.as.opposition,
    csvOf(
      templateHeader,
      Array.from({ length: 6 }, (_, n) => personRow(100 + n, { given_latin: "Muhammad" })),
    ),
    { delegationId: cast.opposition, title: "Opposition list 1" },
  );
  expect(opp.statusCode, opp.body).toBe(200);
  oppositionList = opp.json().listId;
  const cases = async (as: string, delegationId: string) =>
    (await get(`/api/processes/${cast.fx.slug}/humanitarian/cases?delegationId=${delegationId}`, as))
      .json()
      .cases.map((c: { id: string }) => c.id) as string[];
  governmentCases = await cases(cast.as.party ?? "", cast.government);
  oppositionCases = await cases(cast.as.opposition, cast.opposition);
});

describe("the working group's story", () => {
  it("each side uploaded its list: six cases each, listed", async () => {
    expect(governmentCases).toHaveLength(6);
    expect(oppositionCases).toHaveLength(6);
    const own = await get(`/api/humanitarian/lists/${governmentList}`, cast.as.party);
    expect(own.statusCode).toBe(200);
    expect(own.json().entries[0].person.latin.given).toBe("Mohammed");
    const icrc = await get(`/api/humanitarian/lists/${oppositionList}`, cast.as.icrc);
    expect(icrc.statusCode).toBe(200);
    expect(icrc.json().total).toBe(6);
  });

  it("refuses one side the other side's list, and the refusal is in the audit chain", async () => {
    const refused = await get(`/api/humanitarian/lists/${governmentList}`, cast.as.opposition);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain("Mohammed");
    const entries = await cast.app.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "humanitarian.list.get"),
          eq(auditLog.outcome, "denied"),
          eq(auditLog.subjectId, governmentList),
        ),
      );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorLabel).toBe("syrian-opposition@example.org");
    const allowed = await cast.app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.list.get"), eq(auditLog.outcome, "ok")));
    expect(allowed.map((entry) => entry.actorLabel).sort()).toEqual([
      "icrc@example.org",
      "party@example.org",
    ]);
    // Naming the other side's cases is refused too, and audited.
    const cases = await get(
      `/api/processes/${cast.fx.slug}/humanitarian/cases?delegationId=${cast.government}`,
      cast.as.opposition,
    );
    expect(cases.statusCode).toBe(403);
    // The opposition's own case list never holds the government's cases.
    const mine = await get(`/api/processes/${cast.fx.slug}/humanitarian/cases`, cast.as.opposition);
    expect(mine.json().total).toBe(6);
    const observer = await get(`/api/humanitarian/lists/${governmentList}`, cast.as.observer);
    expect(observer.statusCode).toBe(404);
  });

  it("plans a 5-for-5 exchange, confirms each release one by one, completes it: all released together", async () => {
    const planned = await post(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, cast.as.icrc, {
      on: "2026-12-20",
      place: "Abu al-Zindeen crossing",
      intermediaryParticipantId: cast.icrcParticipantId,
      intermediaryName: "ICRC",
      guarantorParticipantIds: [cast.fx.participants.russia.id, cast.fx.participants.turkiye.id],
      firstDelegationId: cast.government,
      secondDelegationId: cast.opposition,
      firstReleases: 5,
      secondReleases: 5,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const exchangeId: string = planned.json().id;
    // The government releases people the opposition listed, and the other way round.
    const people: string[] = [];
    for (const [caseId, releasing] of [
      ...oppositionCases.slice(0, 5).map((id) => [id, cast.government] as const),
      ...governmentCases.slice(0, 5).map((id) => [id, cast.opposition] as const),
    ]) {
      const added = await post(`/api/humanitarian/exchanges/${exchangeId}/people`, cast.as.icrc, {
        caseId,
        releasingDelegationId: releasing,
      });
      expect(added.statusCode, added.body).toBe(201);
      people.push(added.json().id);
    }
    // Each person named is marked as in this exchange, so no form offers them for another.
    const named = (
      await get(`/api/processes/${cast.fx.slug}/humanitarian/cases?limit=500`, cast.as.icrc)
    ).json().cases as { id: string; openExchangeId: string | null }[];
    expect(named.find((c) => c.id === governmentCases[0])?.openExchangeId).toBe(exchangeId);
    expect(named.find((c) => c.id === governmentCases[5])?.openExchangeId).toBeNull();
    const oneCase = (await get(`/api/humanitarian/cases/${oppositionCases[0]}`, cast.as.opposition)).json();
    expect(oneCase.openExchangeId).toBe(exchangeId);
    const sixth = await post(`/api/humanitarian/exchanges/${exchangeId}/people`, cast.as.icrc, {
      caseId: oppositionCases[5],
      releasingDelegationId: cast.government,
    });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.code).toBe("ratio_full");
    // Only the intermediary confirms.
    const byGuarantor = await post(
      `/api/humanitarian/exchange-people/${people[0]}/confirm`,
      cast.as.guarantor,
    );
    expect(byGuarantor.statusCode).toBe(403);
    for (const [index, personId] of people.entries()) {
      if (index === people.length - 1) {
        const early = await post(`/api/humanitarian/exchanges/${exchangeId}/complete`, cast.as.icrc);
        expect(early.statusCode).toBe(409);
        expect(early.json().error.code).toBe("releases_unconfirmed");
      }
      const confirmed = await post(`/api/humanitarian/exchange-people/${personId}/confirm`, cast.as.icrc);
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    const beforeCompletion = await get(`/api/humanitarian/cases/${governmentCases[0]}`, cast.as.party);
    expect(beforeCompletion.json().status).toBe("listed");
    const done = await post(`/api/humanitarian/exchanges/${exchangeId}/complete`, cast.as.icrc);
    expect(done.statusCode, done.body).toBe(200);
    // Completed, the exchange no longer holds anyone.
    const after = (await get(`/api/humanitarian/cases/${governmentCases[0]}`, cast.as.party)).json();
    expect(after.openExchangeId).toBeNull();
    for (const caseId of [...governmentCases.slice(0, 5), ...oppositionCases.slice(0, 5)]) {
      const view = (await get(`/api/humanitarian/cases/${caseId}`, cast.as.icrc)).json();
      expect(view.status).toBe("released");
      expect(view.history.at(-1)).toMatchObject({
        status: "released",
        exchangeId,
        byLabel: "icrc@example.org",
      });
    }
    const exchange = (await get(`/api/humanitarian/exchanges/${exchangeId}`, cast.as.guarantor)).json();
    expect(exchange).toMatchObject({ state: "completed", ratio: "5 for 5" });
    expect(exchange.first).toMatchObject({ added: 5, confirmed: 5 });
    // Each side names its participant, so the pages name it in the reader's language, not in English.
    expect(exchange.first.participantId).toBe(cast.fx.participants["syrian-government"].id);
    const listed = (
      await get(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, cast.as.guarantor)
    ).json();
    expect(
      listed.exchanges.find((e: { id: string }) => e.id === exchangeId).second.participantId,
    ).toBeTruthy();
    // The guarantors follow the exchange but read no person of an unshared list.
    expect(exchange.people.every((person: { person: unknown }) => person.person === null)).toBe(true);
    expect(governmentCases[5]).toBeDefined();
  });

  it("offers a released case only the statuses that may follow, and none once the family is informed", async () => {
    const caseId = governmentCases[0] ?? "";
    const released = (await get(`/api/humanitarian/cases/${caseId}`, cast.as.party)).json();
    expect(released.status).toBe("released");
    expect(released.can.changeStatus).toBe(true);
    const wrong = await post(`/api/humanitarian/cases/${caseId}/status`, cast.as.party, {
      status: "deceased",
      evidence: "A mistaken choice",
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details.allowed).toEqual(["family_informed"]);
    const informed = await post(`/api/humanitarian/cases/${caseId}/status`, cast.as.party, {
      status: "family_informed",
      evidence: "The family met him at the crossing",
    });
    expect(informed.statusCode, informed.body).toBe(200);
    const closed = (await get(`/api/humanitarian/cases/${caseId}`, cast.as.party)).json();
    expect(closed.can).toMatchObject({ changeStatus: false, update: true, withdraw: true });
  });

  it("a failure in the middle of a completion changes no case", async () => {
    const planned = await post(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, cast.as.icrc, {
      on: "2026-12-27",
      place: "Abu al-Zindeen crossing",
      firstDelegationId: cast.government,
      secondDelegationId: cast.opposition,
      firstReleases: 1,
      secondReleases: 1,
    });
    const exchangeId: string = planned.json().id;
    const first = await post(`/api/humanitarian/exchanges/${exchangeId}/people`, cast.as.icrc, {
      caseId: oppositionCases[5],
      releasingDelegationId: cast.government,
    });
    const second = await post(`/api/humanitarian/exchanges/${exchangeId}/people`, cast.as.icrc, {
      caseId: governmentCases[5],
      releasingDelegationId: cast.opposition,
    });
    for (const person of [first, second]) {
      expect(person.statusCode, person.body).toBe(201);
      await post(`/api/humanitarian/exchange-people/${person.json().id}/confirm`, cast.as.icrc);
    }
    // Meanwhile the second person is reported dead: a release can no longer be recorded for them.
    const died = await post(`/api/humanitarian/cases/${governmentCases[5]}/status`, cast.as.party, {
      status: "deceased",
      evidence: "Death certificate from the hospital",
    });
    expect(died.statusCode, died.body).toBe(200);
    const failed = await post(`/api/humanitarian/exchanges/${exchangeId}/complete`, cast.as.icrc);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().error.code).toBe("invalid_transition");
    const untouched = (await get(`/api/humanitarian/cases/${oppositionCases[5]}`, cast.as.icrc)).json();
    expect(untouched.status).toBe("listed");
    expect(untouched.history).toHaveLength(1);
    const exchange = (await get(`/api/humanitarian/exchanges/${exchangeId}`, cast.as.icrc)).json();
    expect(exchange.state).toBe("in_progress");
    expect(
      exchange.people.map((p: { person: { latin: { given: string } } }) => p.person.latin.given).sort(),
    ).toEqual(["Mohammed", "Muhammad"]);
  });
});
