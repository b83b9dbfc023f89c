// followup's part of the canary test: zones, a commitment and incidents of every tier the module has,
// with the reporter and a sensitive field that only the monitoring team may read, and a declassified
// incident whose raw report must stay with the process's delegations.

import type { AppModule, CanaryFill } from "../../platform/module.ts";
import { planRound } from "../core/index.ts";
import { createCommitment } from "./operations/create-commitment.ts";
import { createZone } from "./operations/create-zone.ts";
import { declassifyIncident } from "./operations/declassify-incident.ts";
import { reportIncident } from "./operations/report-incident.ts";
import { updateCommitmentStatus } from "./operations/update-commitment-status.ts";
import { verifyIncident } from "./operations/verify-incident.ts";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [36, 35],
      [37, 35],
      [37, 36],
      [36, 36],
      [36, 35],
    ],
  ],
};

/**
 * A guarantors' zone and a public one, an observers-excluded commitment with a status update, a raw
 * report (process tier) with its reporter and a sensitive note (the monitors' alone), and a verified
 * report declassified with a public summary, whose notes, sources and verification reasons stay raw.
 */
export const followupCanary: NonNullable<AppModule["canary"]> = async (ctx, marker) => {
  const { processId } = ctx;
  const at = (tier: "public" | "process" | "observers-excluded" | "guarantors") =>
    ({ tier, processId }) as const;
  const monitors = { tier: "delegation", processId, delegationId: ctx.delegationIds.monitor } as const;
  const round = await ctx.perform(planRound, {
    processId,
    number: 401,
    names: { en: "Canary 401" },
    startDate: "2034-03-01",
    endDate: "2034-03-02",
  });

  const hidden = await ctx.perform(createZone, {
    processId,
    name: marker(at("guarantors")),
    area: marker(at("guarantors")),
    geometry: square,
    startDate: "2020-01-01",
    tier: "guarantors",
  });
  const open = await ctx.perform(createZone, {
    processId,
    name: marker(at("public")),
    geometry: square,
    startDate: "2020-01-01",
    tier: "public",
  });
  const commitment = await ctx.perform(createCommitment, {
    processId,
    what: marker(at("observers-excluded")),
    category: "ceasefire",
    indicators: [marker(at("observers-excluded"))],
    zoneIds: [open.id],
    tier: "observers-excluded",
  });
  await ctx.perform(updateCommitmentStatus, {
    commitmentId: commitment.id,
    status: "breached",
    evidence: marker(at("observers-excluded")),
    on: "2034-02-01",
  });
  const raw = await ctx.perform(reportIncident, {
    processId,
    occurredOn: "2034-01-10",
    latitude: 35.5,
    longitude: 36.5,
    eventType: "Battles",
    notes: marker(monitors),
    sensitive: ["notes"],
    actor1: marker(at("process")),
    reporter: marker(monitors),
    location: marker(at("process")),
  });
  const declassified = await ctx.perform(reportIncident, {
    processId,
    occurredOn: "2034-01-11",
    latitude: 35.5,
    longitude: 36.5,
    eventType: "Battles",
    notes: marker(at("process")),
    sources: [{ url: `https://example.org/${marker(at("process"))}` }],
    reporter: marker(monitors),
  });
  await ctx.perform(verifyIncident, { incidentId: declassified.id, state: "under_review" });
  await ctx.perform(verifyIncident, {
    incidentId: declassified.id,
    state: "verified",
    reason: marker(at("process")),
  });
  await ctx.perform(declassifyIncident, { incidentId: declassified.id, summary: marker(at("public")) });

  const fills: CanaryFill[] = [
    { id: round.id },
    { id: hidden.id },
    { id: open.id },
    { id: commitment.id },
    { id: raw.id },
    { id: declassified.id },
  ];
  return fills;
};
