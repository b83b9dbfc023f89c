import type { FastifyRequest } from "fastify";
import { appendAudit } from "../../../platform/audit.ts";
import { actorId, actorLabel, deny } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";

/**
 * Refuses a read the actor's role does not allow. An account's refusal is audited as `denied`, like a
 * refused operation; the public's is not, so a sign-in page asking "who am I?" fills no log.
 */
export async function refuseRead(request: FastifyRequest, db: Db, action: string): Promise<never> {
  const actor = request.actor;
  if (actor.kind === "account") {
    await db.transaction(async (tx) => {
      await appendAudit(tx as unknown as Db, {
        actorId: actorId(actor),
        actorLabel: actorLabel(actor),
        action,
        outcome: "denied",
        tier: "process",
        processId: null,
        requestId: request.id,
      });
    });
  }
  return deny(actor);
}
