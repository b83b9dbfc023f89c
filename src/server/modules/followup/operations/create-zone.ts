import { RecordRef } from "../../../../contracts/common.ts";
import { CreateZoneInput } from "../../../../contracts/followup.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { requireDay } from "../dates.ts";
import { bboxOf, checkPolygon } from "../geo.ts";
import { canManageAgreements } from "../policies.ts";
import { followupZoneStatuses, followupZones } from "../schema.ts";
import { attributeIncidents, emitChange, loadProcess, newId } from "./shared.ts";

/**
 * followup.zone.create: the secretariat or a guarantor records a de-escalation zone — its polygon
 * (checked: closed, in range, not crossing itself), the memorandum that created it, its start and
 * term — established from its start date; incidents already reported are attributed to it at once.
 */
export const createZone = defineOperation({
  name: "followup.zone.create",
  input: CreateZoneInput.extend({ processId: RecordRef }),
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canManageAgreements(actor, target.processId),
  scope: (input, target) => ({
    subjectType: "followup.zone",
    processId: target?.processId,
    tier: input.tier,
  }),
  run: async (ctx, input, { processId }) => {
    const startDate = requireDay(input.startDate, "startDate");
    checkPolygon(input.geometry);
    const [minLon, minLat, maxLon, maxLat] = bboxOf(input.geometry);
    const id = newId();
    await ctx.tx.insert(followupZones).values({
      id,
      processId,
      tier: input.tier,
      externalId: input.externalId ?? null,
      name: input.name,
      area: input.area ?? null,
      geometry: input.geometry,
      minLon,
      minLat,
      maxLon,
      maxLat,
      approximate: input.approximate,
      memorandum: input.memorandum ?? null,
      documentId: input.documentId ?? null,
      startDate,
      termMonths: input.termMonths ?? null,
      autoExtend: input.autoExtend,
      sources: input.sources,
    });
    await ctx.tx.insert(followupZoneStatuses).values({
      id: newId(),
      zoneId: id,
      status: "established",
      fromDate: startDate,
      sources: input.sources,
      recordedBy: ctx.actor.kind === "account" ? ctx.actor.email : "system",
    });
    await attributeIncidents(ctx.tx, processId);
    ctx.audit({ subjectId: id, data: { name: input.name, approximate: input.approximate } });
    emitChange(ctx, "followup.zone.create", "followup.zone", { id, processId, tier: input.tier });
    return { id };
  },
});
