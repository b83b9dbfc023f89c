import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { type VerificationState, VerifyIncidentInput } from "../../../../contracts/followup.ts";
import { BadRequest, Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { followupIncidents, followupVerifications } from "../schema.ts";
import { byMonitorOfIncident, emitChange, newId } from "./shared.ts";

/** The verification workflow: reported → under review → verified, disputed or rejected; any decision may be reopened. */
const next: Record<VerificationState, VerificationState[]> = {
  reported: ["under_review"],
  under_review: ["verified", "disputed", "rejected"],
  verified: ["under_review"],
  disputed: ["under_review", "verified", "rejected"],
  rejected: ["under_review"],
};

/**
 * followup.incident.verify: the monitoring team moves a report along the verification workflow, saying
 * why when it disputes or rejects it. Reopening a declassified report takes it back to its raw tier:
 * the public sees only what is verified.
 */
export const verifyIncident = defineOperation({
  name: "followup.incident.verify",
  input: VerifyIncidentInput.extend({ incidentId: RecordRef }),
  ...byMonitorOfIncident,
  run: async (ctx, input, incident) => {
    if (!next[incident.verification].includes(input.state))
      throw new Conflict(
        `A report ${incident.verification.replace("_", " ")} cannot become ${input.state.replace("_", " ")}: it may become ${next[incident.verification].join(" or ")}.`,
        { from: incident.verification, to: input.state },
        "invalid_transition",
      );
    if ((input.state === "disputed" || input.state === "rejected") && !input.reason)
      throw new BadRequest(
        `reason: say why the report is ${input.state}.`,
        { field: "reason", state: input.state },
        "reason_required",
      );
    const tier = input.state !== "verified" && incident.tier === "public" ? "process" : incident.tier;
    await ctx.tx
      .update(followupIncidents)
      .set({ verification: input.state, tier, updatedAt: new Date() })
      .where(eq(followupIncidents.id, incident.id));
    await ctx.tx.insert(followupVerifications).values({
      id: newId(),
      incidentId: incident.id,
      state: input.state,
      byLabel: ctx.actor.kind === "account" ? ctx.actor.email : "system",
      reason: input.reason ?? null,
    });
    ctx.audit({ data: { from: incident.verification, to: input.state } });
    emitChange(ctx, "followup.incident.verify", "followup.incident", { ...incident, tier });
    return { id: incident.id };
  },
});
