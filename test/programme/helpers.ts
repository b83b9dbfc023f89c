// The round-23 cast of the programme tests: the fixture process plus the Syrian opposition, Lebanon and
// Iraq; round 23 announced with the guarantors, both parties, three observers and the UN accredited.
import { expect } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import type { FixtureParticipant, ProcessFixture } from "../helpers/process-fixtures.ts";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Calls of the API as one account (`as`, or the public when undefined); `ok` expects success. */
export function programmeApi(app: () => TestApp) {
  const call = (as: string | undefined, method: Method, url: string, payload?: unknown) =>
    app().request({
      method,
      url: `/api${url}`,
      as,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ok = async (as: string | undefined, method: Method, url: string, payload?: unknown) => {
    const response = await call(as, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  return { call, ok };
}

export type Slug = FixtureParticipant | "syrian-opposition" | "lebanon" | "iraq";
export type Round23 = {
  roundId: string;
  /** Participant ids by slug, for everyone accredited (and the monitors, who are not). */
  ids: Record<Slug, string>;
};

const extraParticipants = [
  {
    slug: "syrian-opposition",
    kind: "party",
    names: { en: "Syrian opposition", ru: "Сирийская оппозиция", ar: "المعارضة السورية" },
    role: "party",
  },
  { slug: "lebanon", kind: "state", names: { en: "Lebanon", ru: "Ливан", ar: "لبنان" }, role: "observer" },
  { slug: "iraq", kind: "state", names: { en: "Iraq", ru: "Ирак", ar: "العراق" }, role: "observer" },
] as const;

/** Builds round 23 as the secretariat would: invites by role, enters each list, accredits, announces. */
export async function buildRound23(app: TestApp, fx: ProcessFixture, number = 23): Promise<Round23> {
  const { ok } = programmeApi(() => app);
  const ids = Object.fromEntries(Object.entries(fx.participants).map(([slug, p]) => [slug, p.id])) as Record<
    Slug,
    string
  >;
  for (const extra of extraParticipants) {
    if (!ids[extra.slug]) {
      const created = await ok(fx.as.admin, "POST", "/participants", {
        slug: extra.slug,
        kind: extra.kind,
        names: extra.names,
      });
      ids[extra.slug] = created.id;
      await ok(fx.as.secretariat, "POST", `/processes/${fx.slug}/roles`, {
        participantId: extra.slug,
        role: extra.role,
        fromDate: "2017-01-23",
      });
    }
  }
  const round = await ok(fx.as.secretariat, "POST", `/processes/${fx.slug}/rounds`, {
    number,
    names: { en: `Astana ${number}` },
    startDate: "2025-05-20",
    endDate: "2025-05-21",
  });
  const roundId: string = round.id;
  const invited = await ok(fx.as.secretariat, "POST", `/rounds/${roundId}/delegations/by-role`, {
    roles: ["guarantor", "party", "observer", "international_organization"],
  });
  for (const delegation of invited.invited as { participant: { id: string; name: string } }[]) {
    const submitted = await ok(
      fx.as.secretariat,
      "PUT",
      `/rounds/${roundId}/delegations/${delegation.participant.id}/members`,
      {
        members: [{ nameLatin: `Head of ${delegation.participant.name}`, isHead: true }],
      },
    );
    await ok(fx.as.secretariat, "POST", `/round-delegations/${submitted.id}/accredit`, {});
  }
  await ok(fx.as.secretariat, "POST", `/rounds/${roundId}/announce`, {
    publishedOn: "2025-04-30",
    text: `The ${number}rd International Meeting on Syria in the Astana format will be held on 20–21 May 2025.`,
  });
  return { roundId, ids };
}

/** The two days of round 23: 09:00–18:00 at the venue (UTC+5), lunch 13:00–14:00. */
export const twoDays = {
  utcOffset: "+05:00",
  slotMinutes: 30,
  minGapMinutes: 0,
  days: ["2025-05-20", "2025-05-21"].map((date) => ({
    date,
    from: "09:00",
    to: "18:00",
    breaks: [{ from: "13:00", to: "14:00" }],
  })),
};

/** A moment of round 23 at the venue. */
export const at = (day: 1 | 2, time: string) => `2025-05-${day === 1 ? "20" : "21"}T${time}:00+05:00`;

/** Waits for a background job to finish and answers it as its follower sees it. */
export async function waitForJob(app: TestApp, as: string | undefined, jobId: string, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    const response = await app.request({ method: "GET", url: `/api/jobs/${jobId}`, as });
    const job = response.json();
    if (response.statusCode !== 200) throw new Error(`job ${jobId}: ${response.body}`);
    if (!["queued", "running"].includes(job.state)) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${jobId} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
