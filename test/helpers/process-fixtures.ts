// A small Astana-like process for the core tests: participants, a process, and one signed-in account per role.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import { createTestAccount, startTestApp, type TestApp } from "./app.ts";

const { delegationMemberships, delegations } = coreSchema;

export const fixtureParticipants = {
  kazakhstan: { kind: "state", names: { en: "Kazakhstan", ru: "Казахстан", ar: "كازاخستان" } },
  russia: { kind: "state", names: { en: "Russia", ru: "Россия", ar: "روسيا" } },
  turkiye: { kind: "state", names: { en: "Türkiye", ru: "Турция", ar: "تركيا" } },
  iran: { kind: "state", names: { en: "Iran", ru: "Иран", ar: "إيران" } },
  "syrian-government": {
    kind: "party",
    names: { en: "Syrian government", ru: "Правительство Сирии", ar: "الحكومة السورية" },
  },
  jordan: { kind: "state", names: { en: "Jordan", ru: "Иордания", ar: "الأردن" } },
  "united-nations": { kind: "organization", names: { en: "United Nations", ru: "ООН", ar: "الأمم المتحدة" } },
  "ceasefire-monitors": { kind: "organization", names: { en: "Ceasefire monitors" } },
  "united-states": {
    kind: "state",
    names: { en: "United States", ru: "США", ar: "الولايات المتحدة" },
    existsFrom: "1776-07-04",
  },
} as const;
export type FixtureParticipant = keyof typeof fixtureParticipants;

/** The roles of the role matrix, each a signed-in account (public: no cookie). */
export const matrixRoles = [
  "secretariat",
  "guarantor",
  "party",
  "observer",
  "io",
  "monitor",
  "admin",
  "public",
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

export type ProcessFixture = {
  processId: string;
  slug: string;
  participants: Record<FixtureParticipant, { id: string; slug: string }>;
  /** Session cookies by role; `public` is undefined (no session). */
  as: Record<MatrixRole | "secretariat2", string | undefined>;
  /** The standing delegation each participant's accounts belong to. */
  delegationOf: Partial<Record<FixtureParticipant, string>>;
};

const accountOf: Record<Exclude<MatrixRole, "admin" | "public"> | "secretariat2", FixtureParticipant> = {
  secretariat: "kazakhstan",
  secretariat2: "kazakhstan",
  guarantor: "russia",
  party: "syrian-government",
  observer: "jordan",
  io: "united-nations",
  monitor: "ceasefire-monitors",
};

/** Puts an account into a participant's standing delegation (set-up, not under test). */
export async function addToDelegation(
  app: TestApp,
  processId: string,
  participantId: string,
  accountId: string,
): Promise<string> {
  const db = app.deps.db;
  let [delegation] = await db
    .select({ id: delegations.id })
    .from(delegations)
    .where(and(eq(delegations.processId, processId), eq(delegations.participantId, participantId)));
  if (!delegation) {
    delegation = { id: randomUUID() };
    await db.insert(delegations).values({ id: delegation.id, processId, participantId });
  }
  await db.insert(delegationMemberships).values({ id: randomUUID(), delegationId: delegation.id, accountId });
  return delegation.id;
}

async function expectStatus(response: { statusCode: number; body: string }, status: number, what: string) {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
}

/**
 * Builds, through the API where the API is under test elsewhere, an Astana-like process: Kazakhstan
 * hosts; Russia, Türkiye and Iran guarantee; the Syrian government is a party; Jordan observes; the UN
 * is an international organization; monitors monitor. The United States exists but holds no role.
 */
export async function buildProcessFixture(app: TestApp, slug = "astana"): Promise<ProcessFixture> {
  const password = "correct horse battery";
  await createTestAccount(app.deps.db, { email: "admin@example.org", isAdmin: true, password });
  const admin = await app.signIn("admin@example.org", password);

  const participants = {} as ProcessFixture["participants"];
  for (const [participantSlug, fields] of Object.entries(fixtureParticipants)) {
    const response = await app.request({
      method: "POST",
      url: "/api/participants",
      as: admin,
      payload: { slug: participantSlug, ...fields },
    });
    await expectStatus(response, 201, `create participant ${participantSlug}`);
    participants[participantSlug as FixtureParticipant] = { id: response.json().id, slug: participantSlug };
  }

  const created = await app.request({
    method: "POST",
    url: "/api/processes",
    as: admin,
    payload: {
      slug,
      names: { en: "International Meetings on Syria in the Astana format" },
      hostParticipantId: "kazakhstan",
      guarantorIds: ["russia", "turkiye", "iran"],
      defaultCity: "Astana",
      defaultVenue: "Ritz-Carlton Hotel",
      launchedOn: "2017-01-23",
    },
  });
  await expectStatus(created, 201, "create process");
  const processId: string = created.json().id;

  const as = { admin, public: undefined } as ProcessFixture["as"];
  const delegationOf: ProcessFixture["delegationOf"] = {};
  for (const [role, participant] of Object.entries(accountOf)) {
    const accountId = await createTestAccount(app.deps.db, { email: `${role}@example.org`, password });
    delegationOf[participant] = await addToDelegation(
      app,
      processId,
      participants[participant].id,
      accountId,
    );
    as[role as keyof typeof accountOf] = await app.signIn(`${role}@example.org`, password);
  }
  for (const [participant, role] of [
    ["syrian-government", "party"],
    ["jordan", "observer"],
    ["united-nations", "international_organization"],
    ["ceasefire-monitors", "monitor"],
  ] as const) {
    const response = await app.request({
      method: "POST",
      url: `/api/processes/${slug}/roles`,
      as: as.secretariat,
      payload: { participantId: participant, role, fromDate: "2017-01-23" },
    });
    await expectStatus(response, 201, `assign ${role} to ${participant}`);
  }
  return { processId, slug, participants, as, delegationOf };
}

/**
 * A test server with the fixture process, started before the calling file's tests and closed after
 * them; `ready` receives both once they are built (a later `beforeAll` may build on them).
 */
export function withProcessFixture(ready: (started: { app: TestApp; fx: ProcessFixture }) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    ready({ app, fx: await buildProcessFixture(app) });
  });
  afterAll(async () => {
    await app?.close();
  });
}

/** Counts the rows of a table, to show a refused request wrote nothing. */
export async function countRows(app: TestApp, table: string): Promise<number> {
  const result = await app.database.db.execute(`select count(*)::int as n from ${table}`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return rows[0]?.n ?? 0;
}
