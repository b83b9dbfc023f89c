// The record's part of the demonstration record: every source, the citations of core's records and
// of its own, the outcomes and facts, the conflicts with each value's sources, and the milestones.
// Run by the demonstration operation after core's part, from what core's part provided.
import { and, eq, inArray, notExists, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../../platform/db.ts";
import type { DemoContext, DemoPart } from "../../../platform/module.ts";
import { findSubjectType } from "../../../platform/registry.ts";
import { insertTextVersions } from "../../../platform/text-versions.ts";
import type {
  CoreDemoOutput,
  CoreDemoRemoval,
  DemoExchange,
  DemoMemorandum,
  DemoMilestone,
  DemoRecordEntry,
  DemoWorkingGroup,
  DemoZone,
} from "../../core/index.ts";
import { citations, conflicts, facts, milestones, sources } from "../schema.ts";
import { buildFollowUp, buildMilestones, buildProcessFacts } from "./build-others.ts";
import { DemoBuilder } from "./builder.ts";
import { type DemoRows, demoTables } from "./tables.ts";
import { translateRecordDemoRows } from "./translations.ts";

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
 * Maps the record's part of the demonstration data onto the record's tables, without touching the
 * database: core's sourcing statements first, in core's order, then the milestones, the follow-up
 * and the facts of the process, so the same data gives the same ids on every load.
 */
export function buildRecordDemo(core: CoreDemoOutput, sourceIdByUrl: Map<string, string>): DemoRows {
  const builder = new DemoBuilder(core.processId, { sourceIdByUrl });
  const records = core.records;
  builder.replay(core.statements);
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

/** Inserts the record's demonstration rows, reusing sources already in the database (same address). */
async function loadRecordDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx } = context;
  const core = context.need<CoreDemoOutput>("core");
  const urls = [...new Set(core.records.flatMap((record) => record.sources.map((source) => source.url)))];
  const known = await tx
    .select({ id: sources.id, url: sources.url })
    .from(sources)
    .where(inArray(sources.url, urls));
  const rows = buildRecordDemo(core, new Map(known.map((row) => [row.url, row.id])));
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
  counts.textVersions = await insertTextVersions(
    tx,
    translateRecordDemoRows(rows as Parameters<typeof translateRecordDemoRows>[0]),
  );
  return counts;
}

/**
 * Deletes the rows of `table` whose subject no longer exists, asking each subject type's owner
 * (through the registry) which of the cited subjects are still there. Types no module gives are kept.
 */
async function deleteOrphans(
  tx: Db,
  table: typeof facts | typeof conflicts | typeof citations,
): Promise<number> {
  const subjects = await tx
    .selectDistinct({ subjectType: table.subjectType, subjectId: table.subjectId })
    .from(table);
  const idsByType = new Map<string, string[]>();
  for (const row of subjects)
    idsByType.set(row.subjectType, [...(idsByType.get(row.subjectType) ?? []), row.subjectId]);
  let deleted = 0;
  for (const [subjectType, ids] of idsByType) {
    const definition = findSubjectType(subjectType);
    if (!definition) continue;
    const present = new Set((await definition.load(tx, ids)).map((subject) => subject.subjectId));
    const missing = ids.filter((id) => !present.has(id));
    for (let start = 0; start < missing.length; start += 500) {
      const rows = await tx
        .delete(table)
        .where(
          and(
            eq(table.subjectType, subjectType),
            inArray(table.subjectId, missing.slice(start, start + 500)),
          ),
        )
        .returning({ id: table.id });
      deleted += rows.length;
    }
  }
  return deleted;
}

/**
 * Deletes the record's demonstration rows after core's: the demonstration facts, conflicts and
 * milestones and whatever was recorded inside the removed processes, then what is left pointing at
 * nothing (citations, facts and conflicts of deleted subjects) and demonstration sources no longer cited.
 */
async function removeRecordDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx } = context;
  const { processIds } = context.need<CoreDemoRemoval>("core.removed");
  const inDemo = (column: AnyPgColumn, isDemo: AnyPgColumn) =>
    processIds.length > 0 ? or(eq(isDemo, true), inArray(column, processIds)) : eq(isDemo, true);
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

/** The record's part of the demonstration record, for its manifest. */
export const recordDemoPart: DemoPart = { load: loadRecordDemo, remove: removeRecordDemo };
