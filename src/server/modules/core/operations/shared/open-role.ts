// A participant's open role assignment in a process: the role it holds today.
import { and, eq, isNull } from "drizzle-orm";
import type { ProcessRole } from "../../../../../contracts/enums.ts";
import type { Db } from "../../../../platform/db.ts";
import { processRoleAssignments } from "../../schema.ts";

type RoleHolder = { processId: string; participantId: string; role: ProcessRole };

/** The assignment of this role that has no end date: the role as the participant holds it today. */
export function openRoleAssignment({ processId, participantId, role }: RoleHolder) {
  return and(
    eq(processRoleAssignments.processId, processId),
    eq(processRoleAssignments.participantId, participantId),
    eq(processRoleAssignments.role, role),
    isNull(processRoleAssignments.toDate),
  );
}

/** Whether the participant holds the role in the process today; a role is open at most once. */
export async function holdsRoleToday(tx: Db, holder: RoleHolder): Promise<boolean> {
  const [open] = await tx
    .select({ id: processRoleAssignments.id })
    .from(processRoleAssignments)
    .where(openRoleAssignment(holder))
    .limit(1);
  return Boolean(open);
}
