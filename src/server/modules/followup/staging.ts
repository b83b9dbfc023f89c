// The import's scratch rows (followup_import_rows): the valid rows of a file being read, written in
// short transactions and removed when the import ends. Never a record, nothing to audit: what they
// become is merged by the one audited operation, followup.incident.import-acled.
import { and, eq, lt, notInArray, type SQL, sql } from "drizzle-orm";
import { insertMany } from "../../platform/bulk.ts";
import type { Db } from "../../platform/db.ts";
import { followupImportRows } from "./schema.ts";

/** Stages rows in a transaction of their own. */
export async function stageRows(db: Db, rows: (typeof followupImportRows.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    await insertMany(tx as unknown as Db, followupImportRows, rows);
  });
}

/** Removes what an import staged (at its end, or at start-up for one a stop interrupted). */
export async function discardStaged(db: Db, stagingId: string): Promise<void> {
  await db.delete(followupImportRows).where(eq(followupImportRows.stagingId, stagingId));
}

/**
 * Removes staged rows of no running import: those of finished jobs (`finished`, a subquery of job ids),
 * and any older than `olderThan` (an import run in a process that died), keeping the running ones'.
 */
export async function discardAbandoned(
  db: Db,
  running: string[],
  finished: SQL,
  olderThan: Date,
): Promise<number> {
  const removed = await db
    .delete(followupImportRows)
    .where(
      and(
        running.length > 0 ? notInArray(followupImportRows.stagingId, running) : undefined,
        sql`(${followupImportRows.stagingId} in ${finished} or ${lt(followupImportRows.createdAt, olderThan)})`,
      ),
    )
    .returning({ seq: followupImportRows.seq });
  return removed.length;
}
