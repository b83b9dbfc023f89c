// Searching the follow-up: zones and commitments as their tiers allow, verified incidents by their
// declassified summary for everyone, and by their report's words for the process's delegations only.
// A public search never finds a raw report (unverified, or verified but not declassified).
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchResults } from "../../src/contracts/search.ts";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { createIdlibZone } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});

async function report(notes: string, verify: boolean, summary?: string): Promise<string> {
  const created = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/incidents`,
    as: fx.as.monitor,
    payload: { occurredOn: "2025-03-10", latitude: 35.9, longitude: 36.6, eventType: "Battles", notes },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id;
  for (const state of verify ? ["under_review", "verified"] : []) {
    const step = await app.request({
      method: "POST",
      url: `/api/incidents/${id}/verification`,
      as: fx.as.monitor,
      payload: { state, reason: "Two sources agree." },
    });
    expect(step.statusCode, step.body).toBe(200);
  }
  if (summary) {
    const declassified = await app.request({
      method: "POST",
      url: `/api/incidents/${id}/declassify`,
      as: fx.as.monitor,
      payload: { summary },
    });
    expect(declassified.statusCode, declassified.body).toBe(200);
  }
  return id;
}

let declassified: string;
let verifiedOnly: string;
beforeAll(async () => {
  await createIdlibZone(app, fx);
  const commitment = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/commitments`,
    as: fx.as.secretariat,
    payload: {
      what: "Open the Glimmerford crossing to humanitarian convoys",
      category: "humanitarian_access",
    },
  });
  expect(commitment.statusCode).toBe(201);
  const hidden = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/commitments`,
    as: fx.as.secretariat,
    payload: { what: "Withdraw from the Quorvale ridge", category: "de_escalation", tier: "guarantors" },
  });
  expect(hidden.statusCode).toBe(201);
  declassified = await report(
    "Raw words of the report: Brambleguard battery",
    true,
    "Shelling near Zorvath confirmed",
  );
  verifiedOnly = await report("Verified but kept: Thistlemoor convoy", true);
  await report("Unverified claim about Plimwort hill", false);
});

async function found(q: string, as?: string): Promise<{ kind: string; subjectId: string }[]> {
  const response = await app.request({ method: "GET", url: `/api/search?${new URLSearchParams({ q })}`, as });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as SearchResults).groups.flatMap((group) =>
    group.hits.map((hit) => ({ kind: hit.kind, subjectId: hit.subjectId })),
  );
}

describe("searching the follow-up", () => {
  it("finds zones, public commitments and declassified summaries for the public, and no raw report", async () => {
    expect((await found("Idlib")).map((hit) => hit.kind)).toContain("zone");
    expect((await found("Glimmerford")).map((hit) => hit.kind)).toEqual(["commitment"]);
    expect(await found("Quorvale")).toEqual([]);
    expect(await found("Zorvath")).toEqual([{ kind: "incident", subjectId: declassified }]);
    // The declassified incident's own report, a verified report not declassified, an unverified one.
    expect(await found("Brambleguard")).toEqual([]);
    expect(await found("Thistlemoor")).toEqual([]);
    expect(await found("Plimwort")).toEqual([]);
  });

  it("finds verified reports by their words for the process's delegations, tiered commitments for their tier", async () => {
    expect(await found("Thistlemoor", fx.as.party)).toEqual([
      { kind: "incident-report", subjectId: verifiedOnly },
    ]);
    expect(await found("Brambleguard", fx.as.observer)).toEqual([
      { kind: "incident-report", subjectId: declassified },
    ]);
    // Unverified reports are not indexed at all.
    expect(await found("Plimwort", fx.as.monitor)).toEqual([]);
    expect((await found("Quorvale", fx.as.guarantor)).map((hit) => hit.kind)).toEqual(["commitment"]);
    expect(await found("Quorvale", fx.as.party)).toEqual([]);
  });
});
