// core's part of the demonstration record: the Astana process, its decisions, participants and their
// roles, rounds 1–22 with announcements, participations and heads of delegation, and the meetings.
// Run by the record's demonstration operation inside its transaction, before the record's part.
import { and, eq, inArray, notExists, or, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../../platform/db.ts";
import type { DemoContext, DemoPart } from "../../../platform/module.ts";
import { deleteDemoTextVersions, insertTextVersions } from "../../../platform/text-versions.ts";
import {
  delegations,
  meetingParticipants,
  meetings,
  participants,
  processes,
  processRoleAssignments,
  roleChanges,
  roundDelegations,
  roundParticipations,
  rounds,
} from "../schema.ts";
import { buildCoreDemoRecord } from "./build.ts";
import { demoProcessId, demoProcessSlug, type SourcingStatement } from "./builder.ts";
import { type DemoRecordEntry, readDemoRecord } from "./data.ts";
import { demoParticipants } from "./participants.ts";
import { type CoreDemoRows, coreDemoTables } from "./tables.ts";
import { translateCoreDemoRows } from "./translations.ts";

/** What core's part hands the parts after it, under the key "core". */
export type CoreDemoOutput = {
  processId: string;
  /** The data file's entries, as read and checked. */
  records: DemoRecordEntry[];
  /** What the data says about the sources of core's records, in the builders' order. */
  statements: SourcingStatement[];
};

/** What core's removal hands the parts after it, under the key "core.removed". */
export type CoreDemoRemoval = {
  /** The demonstration processes just deleted: what was recorded inside them goes too. */
  processIds: string[];
};

/** Whether the demonstration process (or a process holding its slug or id) is in the database. */
export async function demoIsLoaded(db: Db): Promise<boolean> {
  const [found] = await db
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
 * Inserts core's demonstration rows in the operation's transaction, reusing participants already in
 * the database (same slug); provides the data and the sourcing statements to the record's part.
 */
async function loadCoreDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx } = context;
  const records = readDemoRecord();
  const slugs = demoParticipants.map((participant) => participant.slug);
  const known = await tx
    .select({ id: participants.id, slug: participants.slug })
    .from(participants)
    .where(inArray(participants.slug, slugs));
  const builder = buildCoreDemoRecord(records, {
    participantIdBySlug: new Map(known.map((row) => [row.slug, row.id])),
  });
  const translations = translateCoreDemoRows(builder.rows as Parameters<typeof translateCoreDemoRows>[0]);
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(coreDemoTables)) {
    const values = builder.rows[name as keyof CoreDemoRows];
    for (let start = 0; start < values.length; start += 500) {
      await tx
        .insert(table)
        .values(values.slice(start, start + 500) as never)
        .onConflictDoNothing();
    }
    counts[name] = values.length;
  }
  counts.textVersions = await insertTextVersions(tx, translations);
  context.provide<CoreDemoOutput>("core", {
    processId: demoProcessId,
    records,
    statements: builder.statements,
  });
  return counts;
}

/**
 * Deletes core's demonstration rows: the demonstration process with everything in it (whoever added
 * it), demonstration meetings and rounds, and demonstration participants no process refers to any more.
 */
async function removeCoreDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx } = context;
  const demoProcesses = (
    await tx.select({ id: processes.id }).from(processes).where(eq(processes.isDemo, true))
  ).map((row) => row.id);
  context.provide<CoreDemoRemoval>("core.removed", { processIds: demoProcesses });
  const inDemo = (column: AnyPgColumn, isDemo: AnyPgColumn) =>
    demoProcesses.length > 0 ? or(eq(isDemo, true), inArray(column, demoProcesses)) : eq(isDemo, true);
  const counted = async (query: Promise<{ id: string }[]>) => (await query).length;
  const deleted: Record<string, number> = {};
  await deleteDemoTextVersions(tx);
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
  return deleted;
}

/** core's part of the demonstration record, for its manifest. */
export const coreDemoPart: DemoPart = {
  load: loadCoreDemo,
  remove: removeCoreDemo,
  isLoaded: demoIsLoaded,
};
