// core's tables the demonstration record fills, named once: the builders' rows, their types and the
// order of insertion all come from this list.
import {
  delegationMembers,
  delegations,
  meetingParticipants,
  meetings,
  participants,
  processDecisions,
  processes,
  processRoleAssignments,
  roleChanges,
  roundAnnouncements,
  roundDelegations,
  roundParticipations,
  rounds,
} from "../schema.ts";

/** Every table of core the demonstration inserts into, in an order the foreign keys accept. */
export const coreDemoTables = {
  participants,
  processes,
  processRoleAssignments,
  processDecisions,
  delegations,
  rounds,
  roundAnnouncements,
  roundParticipations,
  roleChanges,
  roundDelegations,
  delegationMembers,
  meetings,
  meetingParticipants,
};

/** Every row of core the demonstration record inserts, table by table. */
export type CoreDemoRows = {
  [Name in keyof typeof coreDemoTables]: (typeof coreDemoTables)[Name]["$inferInsert"][];
};

/** No rows yet in any table: where the builders start. */
export function emptyCoreDemoRows(): CoreDemoRows {
  return Object.fromEntries(Object.keys(coreDemoTables).map((name) => [name, []])) as unknown as CoreDemoRows;
}
