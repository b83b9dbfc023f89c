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
  type TierScope,
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

/** The tiers in which a record at `scope` is visible to `actor`, trying every tier there is. */
function tiersSeen(actor: Actor, scope: Omit<TierScope, "tier">): Tier[] {
  return tiers.filter((tier) => canSee(actor, { ...scope, tier }));
}

/**
 * DESIGN §1, written out by hand: what each role may read in its own process. For the two tiers that
 * depend on the record's delegation, OWN: only its own delegation's records; ALL: any delegation's.
 */
type Expectation = boolean | [own: boolean, other: boolean];
const [Y, N] = [true, false];
const OWN: Expectation = [true, false];
const ALL: Expectation = [true, true];
// biome-ignore format: a table reads best with its columns aligned
const expected: Record<ProcessRole, Record<Tier, Expectation>> = {
  host:                       { public: Y, process: Y, "observers-excluded": Y, guarantors: N, delegation: OWN, intermediary: OWN },
  guarantor:                  { public: Y, process: Y, "observers-excluded": Y, guarantors: Y, delegation: OWN, intermediary: OWN },
  party:                      { public: Y, process: Y, "observers-excluded": Y, guarantors: N, delegation: OWN, intermediary: OWN },
  observer:                   { public: Y, process: Y, "observers-excluded": N, guarantors: N, delegation: OWN, intermediary: OWN },
  international_organization: { public: Y, process: Y, "observers-excluded": N, guarantors: N, delegation: OWN, intermediary: OWN },
  intermediary:               { public: Y, process: Y, "observers-excluded": N, guarantors: N, delegation: OWN, intermediary: ALL },
  monitor:                    { public: Y, process: Y, "observers-excluded": N, guarantors: N, delegation: OWN, intermediary: OWN },
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
    const delegationId = `${OTHER_PROCESS}-delegation-${role}`;
    expect(tiersSeen(member(role), { processId: OTHER_PROCESS, delegationId })).toEqual(["public"]);
  });

  it.each(fixtureRoles)("%s does not see records of no process (accounts) unless public", (role) => {
    expect(tiersSeen(member(role), { processId: null })).toEqual(["public"]);
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

  const partyRecord = { processId: P, delegationId: `${P}-delegation-party` };
  const noProcess = { processId: null };

  it("shows the public only public records", () => {
    expect(tiersSeen(anonymous, partyRecord)).toEqual(["public"]);
    expect(tiersSeen(anonymous, noProcess)).toEqual(["public"]);
  });

  it("shows an administrator records of no process, but no process content through that right", () => {
    expect(tiersSeen(admin, noProcess)).toEqual(tiers);
    expect(tiersSeen(admin, partyRecord)).toEqual(["public"]);
  });

  it("shows a signed-in account with no membership only public records", () => {
    expect(tiersSeen(outsider, { processId: P, delegationId: null })).toEqual(["public"]);
    expect(tiersSeen(outsider, noProcess)).toEqual(["public"]);
  });

  it("shows the system everything", () => {
    expect(tiersSeen(systemActor("test"), { processId: P, delegationId: "x" })).toEqual(tiers);
    expect(tiersSeen(systemActor("test"), noProcess)).toEqual(tiers);
  });

  it("gives a delegation whose role was withdrawn only its own records and public ones", () => {
    const withdrawn = member("observer", P, { roles: [] });
    const own = { processId: P, delegationId: `${P}-delegation-observer` };
    expect(tiersSeen(withdrawn, own)).toEqual(["public", "delegation", "intermediary"]);
    expect(tiersSeen(withdrawn, partyRecord)).toEqual(["public"]);
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
