import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { RecordZoneStatusInput } from "../../../../contracts/followup.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { requireDay } from "../dates.ts";
import { canManageAgreements } from "../policies.ts";
import { followupZoneStatuses, followupZones } from "../schema.ts";
import { attributeIncidents, emitChange, loadVisible, newId, scopeOf } from "./shared.ts";

/**
 * followup.zone.record-status: the secretariat or a guarantor records what became of a zone from a
 * day on (partly seized, retaken, dissolved), with its sources; incidents are re-attributed, since a
 * zone's status on an incident's day (and whether it still existed) may have changed.
 */
export const recordZoneStatus = defineOperation({
  name: "followup.zone.record-status",
  input: RecordZoneStatusInput.extend({ zoneId: RecordRef }),
  load: async (tx, input, actor) =>
    loadVisible(
      await tx.select().from(followupZones).where(eq(followupZones.id, input.zoneId)),
      actor,
      "Zone",
      input.zoneId,
    ),
  authorize: (actor, _input, zone) => canManageAgreements(actor, zone.processId),
  scope: (_input, zone) => scopeOf("followup.zone", zone),
  run: async (ctx, input, zone) => {
    const fromDate = requireDay(input.fromDate, "fromDate");
    await ctx.tx.insert(followupZoneStatuses).values({
      id: newId(),
      zoneId: zone.id,
      status: input.status,
      fromDate,
      note: input.note ?? null,
      sources: input.sources,
      recordedBy: ctx.actor.kind === "account" ? ctx.actor.email : "system",
    });
    await attributeIncidents(ctx.tx, zone.processId);
    ctx.audit({ data: { status: input.status, fromDate } });
    emitChange(ctx, "followup.zone.record-status", "followup.zone", zone);
    return { id: zone.id };
  },
});
