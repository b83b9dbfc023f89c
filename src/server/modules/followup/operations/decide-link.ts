import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { DecideLinkInput } from "../../../../contracts/followup.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canMonitor, canRead } from "../policies.ts";
import { followupIncidentLinks, followupIncidents } from "../schema.ts";
import { emitChange, scopeOf } from "./shared.ts";

/**
 * followup.link.decide: the monitoring team confirms or rejects a suggested link between an incident
 * and a commitment it may breach, saying why; a decided link is never re-suggested.
 */
export const decideLink = defineOperation({
  name: "followup.link.decide",
  input: DecideLinkInput.extend({ linkId: RecordRef }),
  load: async (tx, input, actor) => {
    const [row] = await tx
      .select({ link: followupIncidentLinks, incident: followupIncidents })
      .from(followupIncidentLinks)
      .innerJoin(followupIncidents, eq(followupIncidents.id, followupIncidentLinks.incidentId))
      .where(eq(followupIncidentLinks.id, input.linkId));
    if (!row || !canRead(actor, row.incident)) throw new NotFound("Link", input.linkId);
    return row;
  },
  authorize: (actor, _input, target) => canMonitor(actor, target.incident.processId),
  scope: (_input, target) => scopeOf("followup.incident", target?.incident),
  run: async (ctx, input, { link, incident }) => {
    await ctx.tx
      .update(followupIncidentLinks)
      .set({
        state: input.decision,
        reason: input.reason ?? null,
        decidedBy: ctx.actor.kind === "account" ? ctx.actor.email : "system",
        decidedAt: new Date(),
      })
      .where(eq(followupIncidentLinks.id, link.id));
    ctx.audit({ data: { linkId: link.id, commitmentId: link.commitmentId, decision: input.decision } });
    emitChange(ctx, "followup.link.decide", "followup.incident", incident);
    return { id: link.id };
  },
});
