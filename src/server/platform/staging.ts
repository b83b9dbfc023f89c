// Staging: the scratch rows of a large import, written in short transactions while a file is read (the
// server keeps answering, progress is seen), then merged by the one audited operation that imports them,
// and removed when the import ends — or at start-up, for an import a stop or a kill interrupted. A
// staging table is a module's own, keyed by `staging_id` (the import's job id) with a `created_at`;
// staged rows are never a record and carry nothing a reader may not see (personal fields arrive sealed).
import { and, eq, lt, notInArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./db.ts";
import { DomainError } from "./errors.ts";

/** A module's staging table: any columns, plus the import's key and the time a row was staged. */
export type StagingTable = PgTable & { stagingId: PgColumn; createdAt: PgColumn };

/** An import stopped by a cancel or by the server stopping: nothing was changed. */
export class ImportStopped extends DomainError {
  constructor() {
    super("import_stopped", 409, "The import was stopped before it finished; nothing was imported.");
  }
}

/** Removes what an import staged (at its end, whatever the outcome). */
export async function discardStaged(db: Db, table: StagingTable, stagingId: string): Promise<void> {
  await db.delete(table).where(eq(table.stagingId, stagingId));
}

/**
 * Removes staged rows of no running import: those of finished jobs (`finished`, a subquery of job ids),
 * and any older than `olderThan` (an import run in a process that died), keeping the running ones'.
 */
export async function discardAbandoned(
  db: Db,
  table: StagingTable,
  running: string[],
  finished: SQL,
  olderThan: Date,
): Promise<number> {
  const removed = await db
    .delete(table)
    .where(
      and(
        running.length > 0 ? notInArray(table.stagingId, running) : undefined,
        sql`(${table.stagingId} in ${finished} or ${lt(table.createdAt, olderThan)})`,
      ),
    )
    .returning({ stagingId: table.stagingId });
  return removed.length;
}
