import { asc, eq, inArray } from "drizzle-orm";
import type { StandingDelegationList } from "../../../../contracts/process.ts";
import { user } from "../../../platform/auth-schema.ts";
import { type Actor, deny } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { canManageMemberships } from "../policies.ts";
import { participantRef } from "../presenters/process.ts";
import { delegationMemberships, delegations } from "../schema.ts";
import { findProcess, participantsById } from "./common.ts";

/**
 * A process's standing delegations and the accounts in each: what an administrator or the process's
 * secretariat needs to give people their place. It names accounts, so nobody else may read it.
 */
export async function listStandingDelegations(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<StandingDelegationList> {
  const process = await findProcess(db, processRef);
  if (!canManageMemberships(actor, process.id)) deny(actor);
  const rows = await db.select().from(delegations).where(eq(delegations.processId, process.id));
  const people = await participantsById(
    db,
    rows.map((row) => row.participantId),
  );
  const members =
    rows.length === 0
      ? []
      : await db
          .select({
            delegationId: delegationMemberships.delegationId,
            accountId: user.id,
            name: user.name,
            email: user.email,
            position: delegationMemberships.position,
          })
          .from(delegationMemberships)
          .innerJoin(user, eq(user.id, delegationMemberships.accountId))
          .where(
            inArray(
              delegationMemberships.delegationId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(user.name));
  const items = rows.flatMap((row) => {
    const participant = people.get(row.participantId);
    if (!participant) return [];
    return [
      {
        id: row.id,
        processId: row.processId,
        participant: participantRef(participant),
        members: members
          .filter((member) => member.delegationId === row.id)
          .map(({ delegationId: _, ...member }) => member),
      },
    ];
  });
  items.sort((a, b) => a.participant.name.localeCompare(b.participant.name, "en"));
  return { items, can: { manageMembers: true } };
}
