import { and, eq, inArray, notExists, or, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../../platform/db.ts";
import { coreSchema } from "../../core/index.ts";
import {
  citations,
  conflicts,
  conflictValues,
  facts,
  milestones,
  type SubjectType,
  sources,
} from "../schema.ts";
import { buildDemoRecord } from "./build.ts";
import { demoProcessId } from "./builder.ts";
import { type DemoRecordEntry, readDemoRecord } from "./data.ts";
import { demoParticipants } from "./participants.ts";
import { type DemoRows, demoTables } from "./tables.ts";

const {
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
} = coreSchema;

export const demoProcessSlug = "astana";

/** Whether the demonstration process (or a process holding its slug) is in the database. */
export async function demoIsLoaded(tx: Db): Promise<boolean> {
  const [found] = await tx
    .select({ id: processes.id })
    .from(processes)
    .where(
      or(eq(processes.isDemo, true), eq(processes.slug, demoProcessSlug), eq(processes.id, demoProcessId)),
    )
    .limit(1);
  return found !== undefined;
}

/** Whether the database holds any process at all (the first start is the one with none). */
export async function anyProcessExists(db: Db): Promise<boolean> {
  const [found] = await db.select({ id: processes.id }).from(processes).limit(1);
  return found !== undefined;
}

/**
 * Inserts the demonstration record in the caller's transaction, reusing participants and sources
 * already in the database (same slug, same address). Returns how many rows each table received.
 */
export async function insertDemoRecord(tx: Db, records: DemoRecordEntry[] = readDemoRecord()) {
  const slugs = demoParticipants.map((participant) => participant.slug);
  const urls = [...new Set(records.flatMap((record) => record.sources.map((source) => source.url)))];
  const knownParticipants = await tx
    .select({ id: participants.id, slug: participants.slug })
    .from(participants)
    .where(inArray(participants.slug, slugs));
  const knownSources = await tx
    .select({ id: sources.id, url: sources.url })
    .from(sources)
    .where(inArray(sources.url, urls));
  const rows = buildDemoRecord(records, {
    participantIdBySlug: new Map(knownParticipants.map((row) => [row.slug, row.id])),
    sourceIdByUrl: new Map(knownSources.map((row) => [row.url, row.id])),
  });
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(demoTables)) {
    const values = rows[name as keyof DemoRows];
    for (let start = 0; start < values.length; start += 500) {
      await tx
        .insert(table)
        .values(values.slice(start, start + 500) as never)
        .onConflictDoNothing();
    }
    counts[name] = values.length;
  }
  return counts;
}

const withId = (table: PgTable & { id: AnyPgColumn }) => ({ table, id: table.id });

/** The table (and its id column) behind each subject type, to find citations, facts and conflicts left without one. */
const subjectTables: Record<SubjectType, { table: PgTable; id: AnyPgColumn }> = {
  process: withId(processes),
  process_decision: withId(processDecisions),
  round: withId(rounds),
  round_announcement: withId(roundAnnouncements),
  round_participation: withId(roundParticipations),
  role_change: withId(roleChanges),
  delegation_member: withId(delegationMembers),
  meeting: withId(meetings),
  participant: withId(participants),
  milestone: withId(milestones),
  fact: withId(facts),
  conflict: withId(conflicts),
  conflict_value: withId(conflictValues),
};

/**
 * Deletes the rows of `table` whose subject no longer exists, one statement per subject type (a
 * plain anti-join each, which the planner runs in milliseconds).
 */
async function deleteOrphans(
  tx: Db,
  table: typeof facts | typeof conflicts | typeof citations,
): Promise<number> {
  let deleted = 0;
  for (const [type, subject] of Object.entries(subjectTables)) {
    const rows = await tx
      .delete(table)
      .where(
        and(
          eq(table.subjectType, type as SubjectType),
          notExists(tx.select({ one: sql`1` }).from(subject.table).where(eq(subject.id, table.subjectId))),
        ),
      )
      .returning({ id: table.id });
    deleted += rows.length;
  }
  return deleted;
}

/**
 * Deletes every demonstration row in the caller's transaction: the demonstration process with
 * everything in it (whoever added it), the demonstration facts, conflicts and milestones, then what
 * is left pointing at nothing: citations, facts and conflicts of deleted subjects, demonstration
 * sources no longer cited, and demonstration participants no longer referenced by any process.
 */
export async function deleteDemoRecord(tx: Db): Promise<Record<string, number>> {
  const demoProcesses = (
    await tx.select({ id: processes.id }).from(processes).where(eq(processes.isDemo, true))
  ).map((row) => row.id);
  const inDemo = (column: AnyPgColumn, isDemo: AnyPgColumn) =>
    demoProcesses.length > 0 ? or(eq(isDemo, true), inArray(column, demoProcesses)) : eq(isDemo, true);
  const counted = async (query: Promise<{ id: string }[]>) => (await query).length;
  const deleted: Record<string, number> = {};
  deleted.facts = await counted(
    tx.delete(facts).where(inDemo(facts.processId, facts.isDemo)).returning({ id: facts.id }),
  );
  deleted.conflicts = await counted(
    tx.delete(conflicts).where(inDemo(conflicts.processId, conflicts.isDemo)).returning({ id: conflicts.id }),
  );
  deleted.milestones = await counted(
    tx
      .delete(milestones)
      .where(inDemo(milestones.processId, milestones.isDemo))
      .returning({ id: milestones.id }),
  );
  deleted.meetings = await counted(
    tx.delete(meetings).where(inDemo(meetings.processId, meetings.isDemo)).returning({ id: meetings.id }),
  );
  deleted.rounds = await counted(
    tx.delete(rounds).where(inDemo(rounds.processId, rounds.isDemo)).returning({ id: rounds.id }),
  );
  deleted.processes = await counted(
    tx.delete(processes).where(eq(processes.isDemo, true)).returning({ id: processes.id }),
  );
  deleted.participants = await counted(
    tx
      .delete(participants)
      .where(
        and(
          eq(participants.isDemo, true),
          ...[
            [processes, processes.hostParticipantId],
            [processRoleAssignments, processRoleAssignments.participantId],
            [delegations, delegations.participantId],
            [roundParticipations, roundParticipations.participantId],
            [roleChanges, roleChanges.participantId],
            [roundDelegations, roundDelegations.participantId],
            [meetingParticipants, meetingParticipants.participantId],
          ].map(([table, column]) =>
            notExists(
              tx
                .select({ one: sql`1` })
                .from(table as PgTable)
                .where(eq(column as AnyPgColumn, participants.id)),
            ),
          ),
        ),
      )
      .returning({ id: participants.id }),
  );
  deleted.facts += await deleteOrphans(tx, facts);
  deleted.conflicts += await deleteOrphans(tx, conflicts);
  deleted.citations = await deleteOrphans(tx, citations);
  deleted.sources = await counted(
    tx
      .delete(sources)
      .where(
        and(
          eq(sources.isDemo, true),
          notExists(tx.select({ one: sql`1` }).from(citations).where(eq(citations.sourceId, sources.id))),
        ),
      )
      .returning({ id: sources.id }),
  );
  return deleted;
}
