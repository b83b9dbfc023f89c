// The sides of a process's exchanges: its parties today, each with its standing delegation (the id an
// exchange names a side by). Ids only — no list, case or person — for who follows exchanges, so a
// guarantor plans an exchange between the sides without reading either side's records.
import type { z } from "zod";
import type { ExchangeSides } from "../../../../contracts/humanitarian.ts";
import { type Actor, deny } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findProcess, roleAssignmentsOfProcess, standingDelegationIdsOf } from "../../core/index.ts";
import { canReadExchange } from "../policies.ts";

/** The parties of the process holding the role today, with their standing delegations. */
export async function listExchangeSides(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<z.infer<typeof ExchangeSides>> {
  const process = await findProcess(db, processRef);
  // The rule of an exchange's readers, as for an operation (not the public's aggregates).
  if (!canReadExchange(actor, { tier: "observers-excluded", processId: process.id }))
    deny(actor, "The sides of the exchanges are for who follows them.");
  const today = new Date().toISOString().slice(0, 10);
  const parties = (await roleAssignmentsOfProcess(db, process.id)).filter(
    (assignment) =>
      assignment.role === "party" &&
      (!assignment.fromDate || assignment.fromDate <= today) &&
      (!assignment.toDate || assignment.toDate >= today),
  );
  const participantIds = [...new Set(parties.map((assignment) => assignment.participantId))];
  const delegations = await standingDelegationIdsOf(db, process.id, participantIds);
  return {
    sides: participantIds.flatMap((participantId) => {
      const delegationId = delegations.get(participantId);
      return delegationId ? [{ participantId, delegationId }] : [];
    }),
  };
}
