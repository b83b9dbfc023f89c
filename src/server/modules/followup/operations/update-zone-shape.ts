import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { UpdateZoneShapeInput } from "../../../../contracts/followup.ts";
import { NotFound, StaleVersion } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { bboxOf, checkPolygon } from "../geo.ts";
import { canManageAgreements } from "../policies.ts";
import { followupZones } from "../schema.ts";
import { attributeIncidents, emitChange } from "./shared.ts";

/**
 * followup.zone.update-shape: whoever may record zones (the secretariat, the guarantors) gives a zone
 * a new outline, drawn on the map or typed. The polygon is checked as on creation (closed, in range,
 * not crossing itself); an outline drawn on an older version is refused (409 stale_version) so two
 * people redrawing at once do not silently overwrite each other; the process's incidents are then
 * attributed again, since a point may have left or entered the zone. The old outline is kept in the
 * audit entry.
 */
export const updateZoneShape = defineOperation({
  name: "followup.zone.update-shape",
  input: UpdateZoneShapeInput.extend({ zoneId: RecordRef }),
  load: async (tx, input) => {
    const [zone] = await tx
      .select()
      .from(followupZones)
      .where(eq(followupZones.id, input.zoneId))
      .for("update");
    if (!zone) throw new NotFound("Zone", input.zoneId);
    return zone;
  },
  authorize: (actor, _input, zone) => canManageAgreements(actor, zone.processId),
  scope: (input, zone) => ({
    subjectType: "followup.zone",
    subjectId: input.zoneId,
    processId: zone?.processId,
    tier: zone?.tier,
  }),
  run: async (ctx, input, zone) => {
    if (zone.version !== input.version) throw new StaleVersion("The zone", input.version, zone.version);
    checkPolygon(input.geometry);
    const [minLon, minLat, maxLon, maxLat] = bboxOf(input.geometry);
    const approximate = input.approximate ?? zone.approximate;
    await ctx.tx
      .update(followupZones)
      .set({
        geometry: input.geometry,
        minLon,
        minLat,
        maxLon,
        maxLat,
        approximate,
        version: zone.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(followupZones.id, zone.id));
    const attributed = await attributeIncidents(ctx.tx, zone.processId);
    ctx.audit({
      data: { name: zone.name, version: zone.version + 1, approximate, previous: zone.geometry, attributed },
    });
    emitChange(ctx, "followup.zone.update-shape", "followup.zone", {
      id: zone.id,
      processId: zone.processId,
      tier: zone.tier,
    });
    return { id: zone.id, version: zone.version + 1 };
  },
});
