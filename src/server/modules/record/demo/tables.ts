// The tables the demonstration record fills, named once: the builders' rows, their types and the
// order of insertion all come from this list.
import { coreSchema } from "../../core/index.ts";
import { citations, conflicts, conflictValues, facts, milestones, sources } from "../schema.ts";

/** Every table the demonstration inserts into, in an order the foreign keys accept. */
export const demoTables = {
  participants: coreSchema.participants,
  processes: coreSchema.processes,
  processRoleAssignments: coreSchema.processRoleAssignments,
  processDecisions: coreSchema.processDecisions,
  delegations: coreSchema.delegations,
  rounds: coreSchema.rounds,
  roundAnnouncements: coreSchema.roundAnnouncements,
  roundParticipations: coreSchema.roundParticipations,
  roleChanges: coreSchema.roleChanges,
  roundDelegations: coreSchema.roundDelegations,
  delegationMembers: coreSchema.delegationMembers,
  meetings: coreSchema.meetings,
  meetingParticipants: coreSchema.meetingParticipants,
  milestones,
  sources,
  facts,
  conflicts,
  conflictValues,
  citations,
};

/** Every row the demonstration record inserts, table by table. */
export type DemoRows = {
  [Name in keyof typeof demoTables]: (typeof demoTables)[Name]["$inferInsert"][];
};

/** No rows yet in any table: where the builders start. */
export function emptyDemoRows(): DemoRows {
  return Object.fromEntries(Object.keys(demoTables).map((name) => [name, []])) as unknown as DemoRows;
}
