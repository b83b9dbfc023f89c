import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { ReportIncidentInput, type SensitiveField } from "../../../../contracts/followup.ts";
import { BadRequest } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { requireDay } from "../dates.ts";
import { coordinateFault } from "../geo.ts";
import { canReportIncident } from "../policies.ts";
import { followupIncidentProtected, followupIncidents, followupVerifications } from "../schema.ts";
import { attributeIncidents, emitChange, loadProcess, newId } from "./shared.ts";

/**
 * followup.incident.report: a monitor (or the secretariat, a guarantor, a party) reports an incident:
 * when (and how precisely), where (a point, and how precisely), who, what, how many killed, sources.
 * The reporter's identity and the fields marked sensitive go to the protected table only, which the
 * monitoring team alone reads. The report starts "reported" and is attributed to zones at once.
 */
export const reportIncident = defineOperation({
  name: "followup.incident.report",
  input: ReportIncidentInput.extend({ processId: RecordRef }),
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canReportIncident(actor, target.processId),
  scope: (input, target) => ({
    subjectType: "followup.incident",
    processId: target?.processId,
    tier: input.tier,
  }),
  run: async (ctx, input, { processId }) => {
    const occurredOn = requireDay(input.occurredOn, "occurredOn");
    const fault = coordinateFault(input.longitude, input.latitude);
    if (fault)
      throw new BadRequest(
        `The incident's location: ${fault}.`,
        { field: "latitude" },
        "invalid_coordinates",
      );
    const sensitive = new Set<SensitiveField>(input.sensitive);
    const shown = <Value>(field: SensitiveField, value: Value): Value | null =>
      sensitive.has(field) ? null : value;
    const id = newId();
    await ctx.tx.insert(followupIncidents).values({
      id,
      processId,
      tier: input.tier,
      sourceSystem: "report",
      externalId: input.externalId ?? null,
      occurredOn,
      timePrecision: input.timePrecision,
      latitude: input.latitude,
      longitude: input.longitude,
      geoPrecision: input.geoPrecision,
      location: shown("location", input.location ?? null),
      eventType: input.eventType,
      subEventType: input.subEventType ?? null,
      actor1: shown("actors", input.actor1 ?? null),
      actor2: shown("actors", input.actor2 ?? null),
      fatalities: input.fatalities,
      sources: shown("sources", input.sources) ?? [],
      notes: shown("notes", input.notes ?? null),
    });
    const protectedValues: Record<string, unknown> = {};
    if (sensitive.has("location")) protectedValues.location = input.location ?? null;
    if (sensitive.has("actors")) protectedValues.actors = [input.actor1 ?? null, input.actor2 ?? null];
    if (sensitive.has("sources")) protectedValues.sources = input.sources;
    if (sensitive.has("notes")) protectedValues.notes = input.notes ?? null;
    const reporter = input.reporter ?? (ctx.actor.kind === "account" ? ctx.actor.name : null);
    await ctx.tx
      .insert(followupIncidentProtected)
      .values({ incidentId: id, reporter, sensitive: protectedValues });
    await ctx.tx.insert(followupVerifications).values({
      id: newId(),
      incidentId: id,
      state: "reported",
      byLabel: ctx.actor.kind === "account" ? ctx.actor.email : "system",
    });
    await attributeIncidents(ctx.tx, processId, eq(followupIncidents.id, id));
    // The audit names the report, never the reporter or a sensitive value.
    ctx.audit({ subjectId: id, data: { occurredOn, eventType: input.eventType, sensitive: [...sensitive] } });
    emitChange(ctx, "followup.incident.report", "followup.incident", { id, processId, tier: input.tier });
    return { id };
  },
});
