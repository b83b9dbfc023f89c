// What adding and removing a delegation member share: the delegation, who may act, and the record
// each change leaves (audit entry and event).
import { eq } from "drizzle-orm";
import type { Actor } from "../../../../platform/authz.ts";
import type { Db } from "../../../../platform/db.ts";
import type { AuditDetail, OperationContext } from "../../../../platform/operation.ts";
import { canChangeMembersOf } from "../../policies.ts";
import { membershipEvent, presentMember } from "../../presenters.ts";
import { type delegationMemberships, delegations } from "../../schema.ts";
import { emitToDelegationAndSecretariat } from "./delegation-events.ts";

/** The delegation a membership operation is about, with its process (whose secretariat may act). */
export type DelegationTarget = { id: string; processId: string } | null;

/** Loads the delegation named in the input, or null when there is none. */
export async function loadDelegation(tx: Db, delegationId: string): Promise<DelegationTarget> {
  const [row] = await tx
    .select({ id: delegations.id, processId: delegations.processId })
    .from(delegations)
    .where(eq(delegations.id, delegationId))
    .limit(1);
  return row ?? null;
}

type MembershipInput = { delegationId: string; accountId: string };

/**
 * The delegation named by `delegationId`; an administrator or the process's host secretariat may
 * change its members, and the attempt is audited under the process with the account it concerned.
 * A missing delegation loads as null so the operation answers 404 (`canChangeMembersOf`).
 */
export const byMembershipManager = {
  load: (tx: Db, input: MembershipInput) => loadDelegation(tx, input.delegationId),
  authorize: (actor: Actor, _input: unknown, delegation: DelegationTarget) =>
    canChangeMembersOf(actor, delegation),
  scope: (input: MembershipInput, delegation: DelegationTarget | undefined): AuditDetail => ({
    subjectType: "delegation_membership",
    processId: delegation?.processId ?? null,
    delegationId: input.delegationId,
    tier: "process",
    data: { accountId: input.accountId },
  }),
};

/**
 * Audits and announces a membership added or removed, and returns it as the API shows it. The event
 * names an account, so it goes only to the delegation concerned, the process's secretariat, and (as
 * a record of no process) the administrators: not to every delegation of the process.
 */
export async function reportMembershipChange(
  ctx: OperationContext,
  type: string,
  row: typeof delegationMemberships.$inferSelect,
  processId: string,
) {
  const member = presentMember(row, processId);
  ctx.audit({ subjectId: member.id, data: { accountId: member.accountId, position: member.position } });
  const event = membershipEvent(type, member);
  await emitToDelegationAndSecretariat(ctx, event);
  ctx.emit({ ...event, tier: "process", processId: null, delegationId: null });
  return member;
}
