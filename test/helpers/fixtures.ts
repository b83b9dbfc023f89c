import { processRoles } from "../../src/contracts/enums.ts";
import { loadActor } from "../../src/server/modules/core/index.ts";
import {
  delegationMemberships,
  delegations,
  participants,
  processes,
  processRoleAssignments,
} from "../../src/server/modules/core/schema.ts";
import type { Actor, ProcessRole } from "../../src/server/platform/authz.ts";
import type { Db } from "../../src/server/platform/db.ts";
import { createTestAccount, type TestApp } from "./app.ts";

/** Every role a participant can hold in a process; the fixture gives each its own participant. */
export const fixtureRoles = processRoles;

/** The password of every fixture account. */
export const fixturePassword = "correct horse battery staple";

export type FixtureAccount = { id: string; email: string };

/** One process: a participant, a delegation and one member account per role. */
export type ProcessFixture = {
  id: string;
  key: string;
  participantIds: Record<ProcessRole, string>;
  delegationIds: Record<ProcessRole, string>;
  accounts: Record<ProcessRole, FixtureAccount>;
};

export type Fixtures = {
  processes: ProcessFixture[];
  /** A platform administrator with no membership. */
  admin: FixtureAccount;
  /** A signed-in account that belongs to no delegation. */
  outsider: FixtureAccount;
};

/**
 * Test set-up only: inserts a process whose host participant is the secretariat, and one participant
 * per other role with its role assignment, each with a delegation and one member account
 * (`<role>@<key>.example.org`). Written straight to the tables because the operations that create
 * processes belong to another part of the platform.
 */
export async function buildProcessFixture(db: Db, key: string): Promise<ProcessFixture> {
  const participantIds = {} as Record<ProcessRole, string>;
  const delegationIds = {} as Record<ProcessRole, string>;
  const accounts = {} as Record<ProcessRole, FixtureAccount>;
  for (const role of fixtureRoles) {
    participantIds[role] = `${key}-${role}`;
    await db.insert(participants).values({
      id: participantIds[role],
      slug: `${key}-${role}`,
      kind: role === "party" ? "party" : role === "international_organization" ? "organization" : "state",
      names: { en: `${role} of ${key}` },
    });
  }
  const processId = `process-${key}`;
  await db.insert(processes).values({
    id: processId,
    slug: processId,
    names: { en: `Process ${key}` },
    hostParticipantId: participantIds.host,
  });
  for (const role of fixtureRoles) {
    if (role !== "host") {
      await db.insert(processRoleAssignments).values({
        id: `${key}-assignment-${role}`,
        processId,
        participantId: participantIds[role],
        role,
      });
    }
    delegationIds[role] = `${key}-delegation-${role}`;
    await db
      .insert(delegations)
      .values({ id: delegationIds[role], processId, participantId: participantIds[role] });
    const email = `${role.replaceAll("_", "-")}@${key}.example.org`;
    const id = await createTestAccount(db, {
      email,
      name: `${role} member of ${key}`,
      password: fixturePassword,
    });
    accounts[role] = { id, email };
    await db.insert(delegationMemberships).values({
      id: `${key}-membership-${role}`,
      delegationId: delegationIds[role],
      accountId: id,
      position: "head of delegation",
    });
  }
  return { id: processId, key, participantIds, delegationIds, accounts };
}

/** The whole cast: `processCount` processes (keys p1, p2, …), an administrator and an outsider. */
export async function buildFixtures(db: Db, processCount = 1): Promise<Fixtures> {
  const built: ProcessFixture[] = [];
  for (let index = 1; index <= processCount; index += 1)
    built.push(await buildProcessFixture(db, `p${index}`));
  const admin = { email: "admin@example.org", id: "" };
  admin.id = await createTestAccount(db, { email: admin.email, password: fixturePassword, isAdmin: true });
  const outsider = { email: "outsider@example.org", id: "" };
  outsider.id = await createTestAccount(db, { email: outsider.email, password: fixturePassword });
  return { processes: built, admin, outsider };
}

/** Every fixture account, labelled (`p1 guarantor`, `admin`, `outsider`), for tables of expectations. */
export function fixtureAccounts(fixtures: Fixtures): { label: string; account: FixtureAccount }[] {
  const list = fixtures.processes.flatMap((process) =>
    fixtureRoles.map((role) => ({ label: `${process.key} ${role}`, account: process.accounts[role] })),
  );
  return [
    ...list,
    { label: "admin", account: fixtures.admin },
    { label: "outsider", account: fixtures.outsider },
  ];
}

/** The actor the server would build for a fixture account (memberships and roles from the database). */
export function fixtureActor(db: Db, account: FixtureAccount): Promise<Actor> {
  return loadActor(db, account.id);
}

/** The fixture process at `index` (0 is p1); a missing one is a broken set-up, not a test result. */
export function fixtureProcess(fixtures: Fixtures, index = 0): ProcessFixture {
  const process = fixtures.processes[index];
  if (!process) throw new Error(`no fixture process ${index}`);
  return process;
}

const sessionsByApp = new WeakMap<TestApp, Map<string, string>>();

/** The session cookie of a fixture account, signed in once per test server (sign-in is slow and rate-limited). */
export async function fixtureSession(app: TestApp, email: string): Promise<string> {
  const sessions = sessionsByApp.get(app) ?? new Map<string, string>();
  sessionsByApp.set(app, sessions);
  const known = sessions.get(email);
  if (known) return known;
  const cookie = await app.signIn(email, fixturePassword);
  sessions.set(email, cookie);
  return cookie;
}
