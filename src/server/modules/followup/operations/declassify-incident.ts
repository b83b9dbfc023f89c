import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { DeclassifyIncidentInput } from "../../../../contracts/followup.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { followupIncidents } from "../schema.ts";
import { byMonitorOfIncident, emitChange } from "./shared.ts";

/**
 * followup.incident.declassify: the monitoring team makes a verified report public as a summary it
 * writes; the public then reads that summary, the day, the type and the zones — never the raw report,
 * its sources or its reporter. A recorded decision, as every declassification.
 */
export const declassifyIncident = defineOperation({
  name: "followup.incident.declassify",
  input: DeclassifyIncidentInput.extend({ incidentId: RecordRef }),
  ...byMonitorOfIncident,
  run: async (ctx, input, incident) => {
    if (incident.verification !== "verified")
      throw new Conflict(
        "Only a verified report can be declassified: verify it first.",
        { verification: incident.verification },
        "not_verified",
      );
    await ctx.tx
      .update(followupIncidents)
      .set({ tier: "public", summary: input.summary, updatedAt: new Date() })
      .where(eq(followupIncidents.id, incident.id));
    ctx.audit({ tier: "public", data: { from: incident.tier, to: "public" } });
    emitChange(ctx, "followup.incident.declassify", "followup.incident", { ...incident, tier: "public" });
    return { id: incident.id };
  },
});
