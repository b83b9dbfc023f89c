// The import's scratch rows (followup_import_rows): the valid rows of a file being read, written in
// large batches by COPY and removed when the import ends (platform/staging.ts's discardStaged). Never a record, nothing to audit: what they
// become is merged by the one audited operation, followup.incident.import-acled.
import { getTableColumns, getTableName } from "drizzle-orm";
import { copyCsv, csvLine } from "../../platform/copy.ts";
import type { Db } from "../../platform/db.ts";
import type { AcledIncident } from "./acled.ts";
import { followupImportRows } from "./schema.ts";

/** The staged columns, in the order stagedLine writes them (created_at takes its default). */
const stagedColumns = (() => {
  const c = getTableColumns(followupImportRows);
  return [
    c.stagingId,
    c.seq,
    c.externalId,
    c.occurredOn,
    c.timePrecision,
    c.latitude,
    c.longitude,
    c.geoPrecision,
    c.location,
    c.admin,
    c.eventType,
    c.subEventType,
    c.actor1,
    c.actor2,
    c.fatalities,
    c.sources,
    c.notes,
    c.zones,
  ].map((column) => column.name);
})();

/** One valid row of the file as a line of the staging COPY, with the zones it fell in. */
export function stagedLine(
  stagingId: string,
  seq: number,
  row: AcledIncident,
  zones: { zoneId: string; status: string }[],
): string {
  // ACLED separates a row's sources with semicolons.
  const sources = row.source ? row.source.split(";").map((title) => ({ url: "", title: title.trim() })) : [];
  return csvLine([
    stagingId,
    seq,
    row.externalId,
    row.occurredOn,
    row.timePrecision,
    row.latitude,
    row.longitude,
    row.geoPrecision,
    row.location,
    row.admin,
    row.eventType,
    row.subEventType,
    row.actor1,
    row.actor2,
    row.fatalities,
    sources,
    row.notes,
    zones,
  ]);
}

/** Stages a batch of stagedLine's lines with one COPY: all of them or none. */
export async function stageLines(db: Db, lines: string): Promise<void> {
  await copyCsv(db, getTableName(followupImportRows), stagedColumns, lines);
}
