// Every write of the process record, tried by every role: only the right role succeeds.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import {
  type MatrixRole,
  matrixRoles,
  type ProcessFixture,
  withProcessFixture,
} from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
let counter = 100;
withProcessFixture((started) => ({ app, fx } = started));

type Send = { method: "POST" | "PUT" | "PATCH"; url: string; payload: Record<string, unknown> };

async function ok(
  method: Send["method"] | "GET",
  url: string,
  payload?: Record<string, unknown>,
  as = fx.as.secretariat,
) {
  const response = await app.request({ method, url, payload, as });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function plannedRound(): Promise<string> {
  counter += 1;
  const round = await ok("POST", `/api/processes/${fx.slug}/rounds`, {
    names: { en: `Round ${counter}` },
    number: counter,
    startDate: "2030-01-10",
    endDate: "2030-01-11",
  });
  return round.id;
}

async function announcedRound(): Promise<string> {
  const id = await plannedRound();
  await ok("POST", `/api/rounds/${id}/announce`, { publishedOn: "2029-12-01", text: "January." });
  return id;
}

async function submittedRussia(): Promise<string> {
  const roundId = await announcedRound();
  const delegation = await ok("POST", `/api/rounds/${roundId}/delegations`, { participantId: "russia" });
  await ok("PUT", `/api/rounds/${roundId}/delegations/russia/members`, {
    members: [{ nameLatin: "Alexander Lavrentiev", isHead: true }],
  });
  return delegation.id;
}

const hiddenPlanned: Partial<Record<MatrixRole, number>> = { public: 404, admin: 404 };
const hiddenInvitation: Partial<Record<MatrixRole, number>> = {
  public: 404,
  admin: 404,
  party: 404,
  observer: 404,
  io: 404,
  monitor: 404,
};

type Case = {
  name: string;
  allowed: MatrixRole[];
  /** Statuses other than the default denial (401 for the public, 403 for accounts). */
  refusedWith?: Partial<Record<MatrixRole, number>>;
  prepare: () => Promise<string>;
  send: (target: string, role: MatrixRole) => Send;
};

const cases: Case[] = [
  {
    name: "core.participant.create",
    allowed: ["admin", "secretariat"],
    prepare: async () => String(++counter),
    send: (n) => ({
      method: "POST",
      url: "/api/participants",
      payload: { slug: `p-${n}`, kind: "state", names: { en: `P ${n}` } },
    }),
  },
  {
    name: "core.participant.update",
    allowed: ["admin", "secretariat"],
    prepare: async () => String((await ok("GET", "/api/participants/jordan")).version),
    send: (version) => ({
      method: "PATCH",
      url: "/api/participants/jordan",
      payload: { version: Number(version), shortName: "JO" },
    }),
  },
  {
    name: "core.process.create",
    allowed: ["admin"],
    prepare: async () => String(++counter),
    send: (n) => ({
      method: "POST",
      url: "/api/processes",
      payload: { slug: `process-${n}`, names: { en: `Process ${n}` }, hostParticipantId: "jordan" },
    }),
  },
  {
    name: "core.process.update",
    allowed: ["secretariat"],
    prepare: async () => String((await ok("GET", `/api/processes/${fx.slug}`)).version),
    send: (version) => ({
      method: "PATCH",
      url: `/api/processes/${fx.slug}`,
      payload: { version: Number(version), defaultCity: "Astana" },
    }),
  },
  {
    name: "core.process.suspend",
    allowed: ["secretariat"],
    prepare: async () => {
      const process = await ok("GET", `/api/processes/${fx.slug}`);
      if (process.status !== "active") {
        await ok("POST", `/api/processes/${fx.slug}/resume`, {
          decidedOn: "2030-01-01",
          decidedBy: "the host",
          text: "Resumed.",
        });
      }
      return fx.slug;
    },
    send: (slug) => ({
      method: "POST",
      url: `/api/processes/${slug}/suspend`,
      payload: { decidedOn: "2030-02-01", decidedBy: "the host", text: "Suspended." },
    }),
  },
  {
    name: "core.role.assign",
    allowed: ["secretariat"],
    prepare: async () =>
      (
        await ok(
          "POST",
          "/api/participants",
          { slug: `r-${++counter}`, kind: "state", names: { en: "R" } },
          fx.as.admin,
        )
      ).id,
    send: (participantId) => ({
      method: "POST",
      url: `/api/processes/${fx.slug}/roles`,
      payload: { participantId, role: "observer" },
    }),
  },
  {
    name: "core.role-change.record",
    allowed: ["secretariat"],
    prepare: async () => "jordan",
    send: (participantId) => ({
      method: "POST",
      url: `/api/processes/${fx.slug}/role-changes`,
      payload: {
        participantId,
        role: "observer",
        change: "statement",
        occurredOn: "2024-01-01",
        statement: "…",
      },
    }),
  },
  {
    name: "core.round.plan",
    allowed: ["secretariat"],
    prepare: async () => String(++counter),
    send: (n) => ({
      method: "POST",
      url: `/api/processes/${fx.slug}/rounds`,
      payload: { names: { en: `Round ${Number(n)}` }, number: Number(n) },
    }),
  },
  {
    name: "core.round.update",
    allowed: ["secretariat"],
    refusedWith: hiddenPlanned,
    prepare: plannedRound,
    send: (id) => ({
      method: "PATCH",
      url: `/api/rounds/${id}`,
      payload: { version: 1, venue: "Elsewhere" },
    }),
  },
  {
    name: "core.round.announce",
    allowed: ["secretariat"],
    refusedWith: hiddenPlanned,
    prepare: plannedRound,
    send: (id) => ({
      method: "POST",
      url: `/api/rounds/${id}/announce`,
      payload: { publishedOn: "2029-12-01", text: "Dates." },
    }),
  },
  {
    name: "core.round.open",
    allowed: ["secretariat"],
    prepare: announcedRound,
    send: (id) => ({ method: "POST", url: `/api/rounds/${id}/open`, payload: {} }),
  },
  {
    name: "core.round.postpone",
    allowed: ["secretariat"],
    prepare: announcedRound,
    send: (id) => ({ method: "POST", url: `/api/rounds/${id}/postpone`, payload: { reason: "Later." } }),
  },
  {
    name: "core.round.cancel",
    allowed: ["secretariat"],
    refusedWith: hiddenPlanned,
    prepare: plannedRound,
    send: (id) => ({ method: "POST", url: `/api/rounds/${id}/cancel`, payload: { reason: "No." } }),
  },
  {
    name: "core.next-round-decision.record",
    allowed: ["secretariat"],
    prepare: announcedRound,
    send: (id) => ({
      method: "PUT",
      url: `/api/rounds/${id}/next-round`,
      payload: { wording: "in Astana, in spring" },
    }),
  },
  {
    name: "core.round-participation.record",
    allowed: ["secretariat"],
    prepare: announcedRound,
    send: (id) => ({
      method: "PUT",
      url: `/api/rounds/${id}/participations`,
      payload: { participantId: "jordan", role: "observer", attendance: "attended" },
    }),
  },
  {
    name: "core.round-precedence.set",
    allowed: ["secretariat"],
    prepare: announcedRound,
    send: (id) => ({
      method: "PUT",
      url: `/api/rounds/${id}/precedence`,
      payload: { order: "role_then_alphabetical" },
    }),
  },
  {
    name: "core.round-delegation.invite",
    allowed: ["secretariat"],
    prepare: announcedRound,
    send: (id) => ({
      method: "POST",
      url: `/api/rounds/${id}/delegations`,
      payload: { participantId: "jordan" },
    }),
  },
  {
    name: "core.delegation-members.submit",
    allowed: ["secretariat", "guarantor"],
    // Another delegation's invitation is not revealed: for them the participant is simply not invited.
    refusedWith: { admin: 422, party: 422, observer: 422, io: 422, monitor: 422 },
    prepare: async () => {
      const roundId = await announcedRound();
      await ok("POST", `/api/rounds/${roundId}/delegations`, { participantId: "russia" });
      return roundId;
    },
    send: (roundId) => ({
      method: "PUT",
      url: `/api/rounds/${roundId}/delegations/russia/members`,
      payload: { members: [{ nameLatin: "Alexander Lavrentiev", isHead: true }] },
    }),
  },
  {
    name: "core.round-delegation.accredit",
    allowed: ["secretariat"],
    refusedWith: hiddenInvitation,
    prepare: submittedRussia,
    send: (id) => ({ method: "POST", url: `/api/round-delegations/${id}/accredit`, payload: {} }),
  },
  {
    name: "core.round-delegation.request-changes",
    allowed: ["secretariat"],
    refusedWith: hiddenInvitation,
    prepare: submittedRussia,
    send: (id) => ({
      method: "POST",
      url: `/api/round-delegations/${id}/request-changes`,
      payload: { note: "Titles?" },
    }),
  },
  {
    name: "core.meeting.create",
    allowed: ["secretariat"],
    prepare: async () => String(++counter),
    send: (n) => ({
      method: "POST",
      url: `/api/processes/${fx.slug}/meetings`,
      payload: { slug: `m-${n}`, kind: "ministerial", names: { en: "Ministerial meeting" } },
    }),
  },
  {
    name: "core.meeting.update",
    allowed: ["secretariat"],
    prepare: async () =>
      (
        await ok("POST", `/api/processes/${fx.slug}/meetings`, {
          slug: `m-${++counter}`,
          kind: "summit",
          names: { en: "Summit" },
        })
      ).id,
    send: (id) => ({ method: "PATCH", url: `/api/meetings/${id}`, payload: { version: 1, city: "Tehran" } }),
  },
];

describe("the role matrix of the process record's writes", () => {
  for (const testCase of cases) {
    it(`${testCase.name}: only ${testCase.allowed.join(" and ")} may`, async () => {
      const target = await testCase.prepare();
      const refused: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of matrixRoles.filter((candidate) => !testCase.allowed.includes(candidate))) {
        const response = await app.request({ ...testCase.send(target, role), as: fx.as[role] });
        refused[role] = response.statusCode;
        expected[role] = testCase.refusedWith?.[role] ?? (role === "public" ? 401 : 403);
      }
      expect(refused).toEqual(expected);
      for (const role of testCase.allowed) {
        const fresh = testCase.allowed.length > 1 ? await testCase.prepare() : target;
        const response = await app.request({ ...testCase.send(fresh, role), as: fx.as[role] });
        expect(response.statusCode, `${role}: ${response.body}`).toBeLessThan(300);
      }
    });
  }

  it("audits refusals under the operation's name", async () => {
    const result = await app.database.db.execute(
      "select count(distinct action)::int as n from audit_log where outcome = 'denied' and action like 'core.%'",
    );
    expect((result as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(cases.length);
  });
});
