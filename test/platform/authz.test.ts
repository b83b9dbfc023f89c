import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  anonymous,
  canSee,
  type Membership,
  type ProcessRole,
  systemActor,
  type Tier,
  tiers,
  visibleTo,
} from "../../src/server/platform/authz.ts";
import { outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import {
  buildFixtures,
  type Fixtures,
  fixtureAccounts,
  fixtureActor,
  fixtureRoles,
} from "../helpers/fixtures.ts";

// ---------------------------------------------------------------------------------------------
// (a) canSee, unit: every role × every tier, own and other delegation, and the special actors.
// ---------------------------------------------------------------------------------------------

const P = "process-a";
const OTHER_PROCESS = "process-b";

/** One account, member of its role's delegation in process `processId`. */
function member(role: ProcessRole, processId = P, extra: Partial<Membership> = {}): Actor {
  return {
    kind: "account",
    accountId: `account-${role}`,
    name: role,
    email: `${role}@example.org`,
    isAdmin: false,
    memberships: [
      {
        processId,
        delegationId: `${processId}-delegation-${role}`,
        participantId: `${processId}-${role}`,
        roles: [role],
        ...extra,
      },
    ],
  };
}

/**
 * DESIGN §1, written out by hand: what each role may read in its own process. For the two tiers that
 * depend on the record's delegation the pair is [the record is its own delegation's, another's].
 */
type Expectation = boolean | [own: boolean, other: boolean];
const expected: Record<ProcessRole, Record<Tier, Expectation>> = {
  host: {
    public: true,
    process: true,
    "observers-excluded": true,
    guarantors: false,
    delegation: [true, false],
    intermediary: [true, false],
  },
  guarantor: {
    public: true,
    process: true,
    "observers-excluded": true,
    guarantors: true,
    delegation: [true, false],
    intermediary: [true, false],
  },
  party: {
    public: true,
    process: true,
    "observers-excluded": true,
    guarantors: false,
    delegation: [true, false],
    intermediary: [true, false],
  },
  observer: {
    public: true,
    process: true,
    "observers-excluded": false,
    guarantors: false,
    delegation: [true, false],
    intermediary: [true, false],
  },
  international_organization: {
    public: true,
    process: true,
    "observers-excluded": false,
    guarantors: false,
    delegation: [true, false],
    intermediary: [true, false],
  },
  intermediary: {
    public: true,
    process: true,
    "observers-excluded": false,
    guarantors: false,
    delegation: [true, false],
    intermediary: [true, true],
  },
  monitor: {
    public: true,
    process: true,
    "observers-excluded": false,
    guarantors: false,
    delegation: [true, false],
    intermediary: [true, false],
  },
};

const cases = fixtureRoles.flatMap((role) =>
  tiers.flatMap((tier) =>
    (["own", "other"] as const).map((whose) => {
      const expectation = expected[role][tier];
      const visible = Array.isArray(expectation) ? expectation[whose === "own" ? 0 : 1] : expectation;
      return { role, tier, whose, visible };
    }),
  ),
);

describe("canSee: each role in its own process", () => {
  it.each(cases)("$role, $tier record of $whose delegation → $visible", ({ role, tier, whose, visible }) => {
    const otherRole = role === "party" ? "observer" : "party";
    const delegationId = `${P}-delegation-${whose === "own" ? role : otherRole}`;
    expect(canSee(member(role), { tier, processId: P, delegationId })).toBe(visible);
  });

  it.each(fixtureRoles)("%s sees only public records of a process it does not belong to", (role) => {
    for (const tier of tiers) {
      const delegationId = `${OTHER_PROCESS}-delegation-${role}`;
      expect(canSee(member(role), { tier, processId: OTHER_PROCESS, delegationId })).toBe(tier === "public");
    }
  });

  it.each(fixtureRoles)("%s does not see records of no process (accounts) unless public", (role) => {
    for (const tier of tiers) expect(canSee(member(role), { tier, processId: null })).toBe(tier === "public");
  });
});

describe("canSee: the public, administrators, the system and edge cases", () => {
  const admin: Actor = {
    kind: "account",
    accountId: "admin",
    name: "Admin",
    email: "admin@example.org",
    isAdmin: true,
    memberships: [],
  };
  const outsider: Actor = { ...admin, accountId: "outsider", isAdmin: false };

  it("shows the public only public records", () => {
    for (const tier of tiers) {
      expect(canSee(anonymous, { tier, processId: P, delegationId: `${P}-delegation-party` })).toBe(
        tier === "public",
      );
      expect(canSee(anonymous, { tier, processId: null })).toBe(tier === "public");
    }
  });

  it("shows an administrator records of no process, but no process content through that right", () => {
    for (const tier of tiers) {
      expect(canSee(admin, { tier, processId: null })).toBe(true);
      expect(canSee(admin, { tier, processId: P, delegationId: `${P}-delegation-party` })).toBe(
        tier === "public",
      );
    }
  });

  it("shows a signed-in account with no membership only public records", () => {
    for (const tier of tiers) {
      expect(canSee(outsider, { tier, processId: P, delegationId: null })).toBe(tier === "public");
      expect(canSee(outsider, { tier, processId: null })).toBe(tier === "public");
    }
  });

  it("shows the system everything", () => {
    for (const tier of tiers) {
      expect(canSee(systemActor("test"), { tier, processId: P, delegationId: "x" })).toBe(true);
      expect(canSee(systemActor("test"), { tier, processId: null })).toBe(true);
    }
  });

  it("gives a delegation whose role was withdrawn only its own records and public ones", () => {
    const withdrawn = member("observer", P, { roles: [] });
    const own = `${P}-delegation-observer`;
    for (const tier of tiers) {
      const visible = tier === "public" || tier === "delegation" || tier === "intermediary";
      expect(canSee(withdrawn, { tier, processId: P, delegationId: own })).toBe(visible);
      expect(canSee(withdrawn, { tier, processId: P, delegationId: `${P}-delegation-party` })).toBe(
        tier === "public",
      );
    }
  });

  it("combines the roles of several memberships, each in its own process", () => {
    const guarantorHere = member("guarantor");
    const observerThere = member("observer", OTHER_PROCESS);
    if (guarantorHere.kind !== "account" || observerThere.kind !== "account") throw new Error("unreachable");
    const both: Actor = {
      ...guarantorHere,
      memberships: [...guarantorHere.memberships, ...observerThere.memberships],
    };
    expect(canSee(both, { tier: "guarantors", processId: P })).toBe(true);
    expect(canSee(both, { tier: "guarantors", processId: OTHER_PROCESS })).toBe(false);
    expect(canSee(both, { tier: "process", processId: OTHER_PROCESS })).toBe(true);
    expect(canSee(both, { tier: "observers-excluded", processId: OTHER_PROCESS })).toBe(false);
  });

  it("shows a tier it does not know to nobody but the system", () => {
    const unknown = { tier: "secret" as Tier, processId: P, delegationId: `${P}-delegation-guarantor` };
    for (const role of fixtureRoles) expect(canSee(member(role), unknown)).toBe(false);
    expect(canSee(admin, unknown)).toBe(false);
    expect(canSee(anonymous, unknown)).toBe(false);
    expect(canSee(systemActor("test"), unknown)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) visibleTo, the SQL filter, against real rows: the same answers as canSee for every actor.
// (c) HTTP, 401/403/2xx for every protected endpoint: authz-http.test.ts.
// ---------------------------------------------------------------------------------------------

let app: TestApp;
let fixtures: Fixtures;
type Row = { id: number; tier: Tier; processId: string | null; delegationId: string | null };
let rows: Row[];

beforeAll(async () => {
  app = await startTestApp();
  fixtures = await buildFixtures(app.deps.db, 2);
  const processIds = [...fixtures.processes.map((process) => process.id), null];
  const delegationIds = [
    null,
    ...fixtures.processes.flatMap((process) => Object.values(process.delegationIds)),
    "no-such-delegation",
  ];
  const values = [];
  for (const processId of processIds)
    for (const tier of [...tiers, "secret" as Tier])
      for (const delegationId of delegationIds)
        values.push({ type: "test.row", tier, processId, delegationId });
  rows = await app.deps.db.insert(outbox).values(values).returning({
    id: outbox.id,
    tier: outbox.tier,
    processId: outbox.processId,
    delegationId: outbox.delegationId,
  });
});
afterAll(async () => {
  await app?.close();
});

async function idsVisibleInSql(actor: Actor): Promise<number[]> {
  const found = await app.deps.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.type, "test.row"),
        visibleTo(actor, {
          tier: outbox.tier,
          processId: outbox.processId,
          delegationId: outbox.delegationId,
        }),
      ),
    );
  return found.map((row) => row.id).sort((a, b) => a - b);
}

function idsVisibleByRule(actor: Actor): number[] {
  return rows
    .filter((row) =>
      canSee(actor, { tier: row.tier, processId: row.processId, delegationId: row.delegationId }),
    )
    .map((row) => row.id)
    .sort((a, b) => a - b);
}

describe("visibleTo gives the same answers as canSee on real rows", () => {
  it("for every fixture account, the public and the system", async () => {
    const actors: { label: string; actor: Actor }[] = [
      { label: "anonymous", actor: anonymous },
      { label: "system", actor: systemActor("test") },
    ];
    for (const { label, account } of fixtureAccounts(fixtures)) {
      actors.push({ label, actor: await fixtureActor(app.deps.db, account) });
    }
    for (const { label, actor } of actors) {
      const inSql = await idsVisibleInSql(actor);
      expect(inSql, label).toEqual(idsVisibleByRule(actor));
    }
  });

  it("loads the roles the fixture intends (the SQL check is only as good as its actors)", async () => {
    const p1 = fixtures.processes[0];
    if (!p1) throw new Error("no fixture process");
    const guarantor = await fixtureActor(app.deps.db, p1.accounts.guarantor);
    const host = await fixtureActor(app.deps.db, p1.accounts.host);
    expect(guarantor.kind === "account" && guarantor.memberships.map((m) => m.roles)).toEqual([
      ["guarantor"],
    ]);
    expect(host.kind === "account" && host.memberships.map((m) => m.roles)).toEqual([["host"]]);
    const inSql = await idsVisibleInSql(guarantor);
    expect(inSql.length).toBeGreaterThan(rows.filter((row) => row.tier === "public").length);
  });

  it("for any actor: random memberships, roles and administrator right (property)", async () => {
    const delegationsByProcess = fixtures.processes.map((process) => ({
      processId: process.id,
      delegationIds: Object.values(process.delegationIds),
    }));
    const membershipArbitrary = fc.constantFrom(...delegationsByProcess).chain((process) =>
      fc.record({
        processId: fc.constant(process.processId),
        delegationId: fc.constantFrom(...process.delegationIds, "no-such-delegation"),
        participantId: fc.constant("any"),
        roles: fc.subarray([...fixtureRoles]),
      }),
    );
    const actorArbitrary: fc.Arbitrary<Actor> = fc.oneof(
      { weight: 1, arbitrary: fc.constant(anonymous) },
      { weight: 1, arbitrary: fc.constant(systemActor("property")) },
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant("account" as const),
          accountId: fc.constant("random"),
          name: fc.constant("Random"),
          email: fc.constant("random@example.org"),
          isAdmin: fc.boolean(),
          memberships: fc.array(membershipArbitrary, { maxLength: 4 }),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(actorArbitrary, async (actor) => {
        expect(await idsVisibleInSql(actor)).toEqual(idsVisibleByRule(actor));
      }),
      { numRuns: 150 },
    );
  });
});
