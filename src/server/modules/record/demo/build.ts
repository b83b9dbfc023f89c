import { buildFollowUp, buildMeetings, buildMilestones, buildProcessFacts } from "./build-others.ts";
import { buildProcess, buildRoleAssignments } from "./build-process.ts";
import { buildRounds } from "./build-rounds.ts";
import { buildUsStatus } from "./build-us-status.ts";
import { DemoBuilder, type DemoRows, type ExistingRecords } from "./builder.ts";
import type {
  DemoExchange,
  DemoMeeting,
  DemoMemorandum,
  DemoMilestone,
  DemoRecordEntry,
  DemoRound,
  DemoUsStatus,
  DemoWorkingGroup,
  DemoZone,
} from "./data.ts";

function ofType<Type extends DemoRecordEntry["record_type"]>(records: DemoRecordEntry[], ...types: Type[]) {
  return records.filter((record) => (types as string[]).includes(record.record_type)) as Extract<
    DemoRecordEntry,
    { record_type: Type }
  >[];
}

function single<Entry>(entries: Entry[], what: string): Entry {
  const [entry] = entries;
  if (!entry || entries.length !== 1) throw new Error(`the demonstration record needs exactly one ${what}`);
  return entry;
}

/**
 * Maps the demonstration record onto our tables, without touching the database: the same data and
 * the same existing records give the same rows with the same ids, so a reload is deterministic.
 */
export function buildDemoRecord(records: DemoRecordEntry[], existing: ExistingRecords): DemoRows {
  const builder = new DemoBuilder(existing);
  const rounds = ofType(records, "round") as DemoRound[];
  buildProcess(builder, records);
  buildRounds(builder, rounds);
  buildUsStatus(builder, ofType(records, "us_observer_status") as DemoUsStatus[], rounds);
  buildRoleAssignments(builder, rounds);
  buildMeetings(
    builder,
    ofType(records, "ministerial", "summit", "congress", "technical_meeting") as DemoMeeting[],
  );
  buildMilestones(builder, ofType(records, "milestone") as DemoMilestone[]);
  buildFollowUp(
    builder,
    single(ofType(records, "memorandum"), "memorandum") as DemoMemorandum,
    ofType(records, "de_escalation_zone") as DemoZone[],
    single(ofType(records, "working_group"), "working group") as DemoWorkingGroup,
    ofType(records, "detainee_exchange") as DemoExchange[],
  );
  buildProcessFacts(builder, records);
  return builder.rows;
}
