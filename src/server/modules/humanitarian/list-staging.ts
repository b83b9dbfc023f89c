// The list import's scratch rows (hum_import_rows): the valid rows of a file being read, each sealed once,
// written in batches by COPY (platform/copy.ts) and removed when the import ends (platform/staging.ts's
// discardStaged). Never a record, nothing to audit: what they become is merged by the one audited
// operation, humanitarian.list.import.
import { getTableColumns, getTableName } from "drizzle-orm";
import type { CaseKind, RowFinding } from "../../../contracts/humanitarian.ts";
import { copyCsv, csvLine } from "../../platform/copy.ts";
import type { Db } from "../../platform/db.ts";
import { humImportRows } from "./schema.ts";

/** The staged columns, in the order stagedLine writes them (case_id and created_at take their defaults). */
const stagedColumns = (() => {
  const c = getTableColumns(humImportRows);
  return [c.stagingId, c.seq, c.rowNumber, c.kind, c.fingerprint, c.entryId, c.entryPersonal, c.flags].map(
    (column) => column.name,
  );
})();

/** One valid row as a line of the staging COPY: its personal fields already sealed, bound to `entryId`. */
export function stagedLine(
  stagingId: string,
  seq: number,
  row: {
    row: number;
    kind: CaseKind;
    fingerprint: string;
    entryId: string;
    sealed: string;
    flags: RowFinding[];
  },
): string {
  // The merge adds `already_a_case` itself, against the cases as they are when it runs. No flags: null
  // (the merge writes []), so most rows carry no JSON for the database to parse.
  const flags =
    row.flags.length === 0 ? null : row.flags.map((flag) => ({ field: flag.field, code: flag.code }));
  return csvLine([stagingId, seq, row.row, row.kind, row.fingerprint, row.entryId, row.sealed, flags]);
}

/** Stages a batch of stagedLine's lines with one COPY, its own transaction: all of them or none. */
export async function stageLines(db: Db, lines: string): Promise<void> {
  await copyCsv(db, getTableName(humImportRows), stagedColumns, lines);
}
