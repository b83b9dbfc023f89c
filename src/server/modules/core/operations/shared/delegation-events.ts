import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../platform/db.ts";
import type { EventInput } from "../../../../platform/events.ts";
import type { OperationContext } from "../../../../platform/operation.ts";
import { delegations, processes } from "../../schema.ts";
import { newId } from "../support.ts";

/** The participant's standing delegation in the process, created the first time it is needed. */
export async function standingDelegation(tx: Db, processId: string, participantId: string): Promise<string> {
  const [existing] = await tx
    .select({ id: delegations.id })
    .from(delegations)
    .where(and(eq(delegations.processId, processId), eq(delegations.participantId, participantId)))
    .limit(1);
  if (existing) return existing.id;
  const id = newId();
  await tx.insert(delegations).values({ id, processId, participantId });
  return id;
}

/**
 * An accreditation event concerns two parties: the delegation and the secretariat that handles its
 * accreditation. Each gets its own copy scoped to its own delegation, so the secretariat's open pages
 * update live while no other delegation learns of the invitation or the list.
 */
export async function emitToDelegationAndSecretariat(
  ctx: OperationContext,
  event: EventInput,
): Promise<void> {
  ctx.emit(event);
  if (!event.processId) return;
  const [process] = await ctx.tx
    .select({ hostParticipantId: processes.hostParticipantId })
    .from(processes)
    .where(eq(processes.id, event.processId))
    .limit(1);
  if (!process) return;
  const secretariat = await standingDelegation(ctx.tx, event.processId, process.hostParticipantId);
  if (secretariat !== event.delegationId) ctx.emit({ ...event, delegationId: secretariat });
}
