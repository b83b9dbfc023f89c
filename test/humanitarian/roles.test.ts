// Every role against every humanitarian read: who reads which side's persons (the side, the ICRC, and
// the working group — guarantors and the UN — only what a side shared with it; never the other side,
// an observer, the monitors, an administrator or the public). Writes: roles-writes.test.ts.
import { describe, expect, it } from "vitest";
import { type Role, withRolesWorld } from "./roles-world.ts";

const w = withRolesWorld();

describe("who reads what", () => {
  it("cases: each side its own, the ICRC all, the working group what was shared with it, nobody else any", async () => {
    expect(
      await w.matrix(`/api/processes/${w.cast.fx.slug}/humanitarian/cases`, (body) => body.total as number),
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
    expect(await w.matrix(`/api/humanitarian/cases/${w.governmentCase}`)).toEqual({
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
    expect(await w.matrix(`/api/humanitarian/cases/${w.sharedCase}`)).toEqual({
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
    expect(await w.matrix(`/api/humanitarian/lists/${w.governmentList}`)).toEqual({
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
      await w.matrix(
        `/api/processes/${w.cast.fx.slug}/humanitarian/lists`,
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
    expect(await w.matrix(`/api/humanitarian/exchanges/${w.exchangeId}`)).toEqual({
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
      (await w.get(`/api/humanitarian/exchanges/${w.exchangeId}`, role))
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
      await w.matrix(`/api/processes/${w.cast.fx.slug}/humanitarian/case-counts`, (body) =>
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
      await w.matrix(
        `/api/processes/${w.cast.fx.slug}/humanitarian/exchange-timeline`,
        (body) => (body.exchanges as unknown[]).length,
      ),
    ).toMatchObject({ public: "200:0", observer: "200:0", party: "200:1", icrc: "200:1" });
    expect(
      (await w.get(`/api/processes/${w.cast.fx.slug}/humanitarian/review-progress`, "icrc")).json(),
    ).toEqual({
      runs: 0,
      candidates: { pending: 0, confirmed: 0, rejected: 0 },
    });
  });
});
