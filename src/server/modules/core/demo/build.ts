import { buildMeetings } from "./build-meetings.ts";
import { buildProcess, buildRoleAssignments } from "./build-process.ts";
import { buildRounds } from "./build-rounds.ts";
import { buildUsStatus } from "./build-us-status.ts";
import { CoreDemoBuilder, type ExistingParticipants } from "./builder.ts";
import type { DemoMeeting, DemoRecordEntry, DemoRound, DemoUsStatus } from "./data.ts";

/** The entries of the data file of the given record types. */
export function ofType<Type extends DemoRecordEntry["record_type"]>(
  records: DemoRecordEntry[],
  ...types: Type[]
) {
  return records.filter((record) => (types as string[]).includes(record.record_type)) as Extract<
    DemoRecordEntry,
    { record_type: Type }
  >[];
}

/**
 * Maps the demonstration record onto core's tables, without touching the database: the same data and
 * the same existing participants give the same rows with the same ids, so a reload is deterministic.
 */
export function buildCoreDemoRecord(
  records: DemoRecordEntry[],
  existing: ExistingParticipants,
): CoreDemoBuilder {
  const builder = new CoreDemoBuilder(existing);
  const rounds = ofType(records, "round") as DemoRound[];
  buildProcess(builder, records);
  buildRounds(builder, rounds);
  buildUsStatus(builder, ofType(records, "us_observer_status") as DemoUsStatus[], rounds);
  buildRoleAssignments(builder, rounds);
  buildMeetings(
    builder,
    ofType(records, "ministerial", "summit", "congress", "technical_meeting") as DemoMeeting[],
  );
  return builder;
}
