// Exports of persons (issue 18, item 5): a list's rows, the cases a reader may read, the review queue —
// each as CSV or XLSX, marked with the exporting account and the time (platform/exports/marked.ts), and
// each audited as its own read: who, when, which list or filter, how many persons. The tier filter and
// the refusals are those of the pages' reads (a refused export is audited and answers 404 or 403).
// A list's rows and the cases are streamed: the ids to export are read first (tier-filtered, in order:
// the audited count), then the records a page at a time, opened and written as the client takes them.
import { Readable } from "node:stream";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  CaseExportQuery,
  CaseKind,
  ListExportQuery,
  PersonFields,
} from "../../../../contracts/humanitarian.ts";
import type { ReviewQueueExportQuery } from "../../../../contracts/humanitarian-matching.ts";
import { type Actor, actorLabel } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import type { CsvColumn } from "../../../platform/exports/csv.ts";
import { fileSlug } from "../../../platform/exports/download.ts";
import { type ExportMark, markedCsvStream, markedXlsxStream } from "../../../platform/exports/marked.ts";
import { openPerson } from "../person.ts";
import { canReadPerson } from "../policies.ts";
import { humCases, humListEntries, humLists } from "../schema.ts";
import { auditPersonRead, refusePersonRead } from "./audit-reads.ts";
import { readableCasesWhere } from "./cases.ts";
import { loadReviewQueue } from "./review-queue.ts";

/** An export ready to send: its bytes are written as the client reads them. */
export type ExportFile = { body: Readable; mediaType: string; filename: string };

/** Records exported per query. */
const pageSize = 1000;

/**
 * The records of `ids`, in that order, fetched a page at a time by `fetch` (which filters as the ids'
 * query did): only one page is ever in memory.
 */
async function* inPages<Row extends { id: string }>(
  ids: string[],
  fetch: (page: string[]) => Promise<Row[]>,
): AsyncGenerator<Row> {
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = ids.slice(start, start + pageSize);
    const byId = new Map((await fetch(page)).map((row) => [row.id, row]));
    for (const id of page) {
      const row = byId.get(id);
      if (row) yield row;
    }
  }
}

async function* mapped<From, To>(rows: AsyncIterable<From>, map: (row: From) => To): AsyncGenerator<To> {
  for await (const row of rows) yield map(row);
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const notice =
  "Confidential personal data of the humanitarian working group: do not forward; keep it no longer than needed.";

/** The mark of an export made now by this actor. */
function markOf(actor: Actor): ExportMark {
  return { by: actorLabel(actor), at: new Date(), notice };
}

type PersonRow = { person: PersonFields | null };
const parts = ["given", "father", "grandfather", "family", "mother"] as const;

/** The person's columns, in both scripts, after the record's own columns. */
function personColumns<Row extends PersonRow>(
  prefix = "",
  of: (row: Row) => PersonFields | null = (r) => r.person,
) {
  const columns: CsvColumn<Row>[] = [];
  for (const part of parts)
    columns.push({ header: `${prefix}${part}_ar`, value: (row) => of(row)?.arabic?.[part] });
  for (const part of parts)
    columns.push({ header: `${prefix}${part}_latin`, value: (row) => of(row)?.latin?.[part] });
  columns.push(
    { header: `${prefix}sex`, value: (row) => of(row)?.sex },
    { header: `${prefix}birth`, value: (row) => of(row)?.birthDate ?? of(row)?.birthYear },
    { header: `${prefix}origin`, value: (row) => of(row)?.origin },
    { header: `${prefix}event_date`, value: (row) => of(row)?.eventDate ?? of(row)?.eventYear },
    { header: `${prefix}event_place`, value: (row) => of(row)?.eventPlace },
  );
  return columns;
}

function fileOf<Row>(
  format: "csv" | "xlsx",
  mark: ExportMark,
  name: string,
  sheet: string,
  columns: CsvColumn<Row>[],
  rows: AsyncIterable<Row>,
): ExportFile {
  const stamp = mark.at.toISOString().slice(0, 16).replace(":", "");
  const filename = `${fileSlug(name)}-${stamp}.${format}`;
  return format === "csv"
    ? { body: markedCsvStream(mark, columns, rows), mediaType: "text/csv", filename }
    : { body: markedXlsxStream(mark, sheet, columns, rows), mediaType: xlsxType, filename };
}

type EntryRow = PersonRow & {
  rowNumber: number;
  kind: CaseKind;
  caseId: string | null;
  flags: string;
  withdrawn: boolean;
};

/** A list's rows, every one, for a reader of the list; anyone else is refused (audited) as if it did not exist. */
export async function exportList(
  db: Db,
  actor: Actor,
  listId: string,
  query: z.infer<typeof ListExportQuery>,
): Promise<ExportFile> {
  const [list] = await db.select().from(humLists).where(eq(humLists.id, listId));
  if (!list || !canReadPerson(actor, list))
    return refusePersonRead(db, actor, "humanitarian.list.export", "List", listId, list);
  const ofList = eq(humListEntries.listId, list.id);
  const ids = await db
    .select({ id: humListEntries.id })
    .from(humListEntries)
    .where(ofList)
    .orderBy(asc(humListEntries.rowNumber), asc(humListEntries.id));
  const mark = markOf(actor);
  await auditPersonRead(
    db,
    actor,
    "humanitarian.list.export",
    {
      subjectType: "humanitarian.list",
      subjectId: list.id,
      processId: list.processId,
      delegationId: list.delegationId,
    },
    { format: query.format, persons: ids.length, exportedAt: mark.at.toISOString() },
  );
  const entries = inPages(
    ids.map((row) => row.id),
    (page) =>
      db
        .select()
        .from(humListEntries)
        .where(and(ofList, inArray(humListEntries.id, page))),
  );
  const rows = mapped(
    entries,
    (entry): EntryRow => ({
      rowNumber: entry.rowNumber,
      kind: entry.kind,
      caseId: entry.caseId,
      flags: entry.flags.map((flag) => `${flag.field} ${flag.code}`).join("; "),
      withdrawn: entry.withdrawnAt !== null,
      person: openPerson(entry.personal, entry.id),
    }),
  );
  const columns: CsvColumn<EntryRow>[] = [
    { header: "row", value: (row) => row.rowNumber },
    { header: "kind", value: (row) => row.kind },
    ...personColumns<EntryRow>(),
    { header: "case_id", value: (row) => row.caseId },
    { header: "flags", value: (row) => row.flags },
    { header: "withdrawn", value: (row) => row.withdrawn },
  ];
  return fileOf(query.format, mark, `list-${list.title}`, "List", columns, rows);
}

type CaseRow = PersonRow & {
  id: string;
  delegationId: string;
  kind: CaseKind;
  status: string;
  createdAt: string;
  withdrawn: boolean;
};

/** The cases of a process the actor may read (filtered in SQL as the cases page is), every one. */
export async function exportCases(
  db: Db,
  actor: Actor,
  processRef: string,
  query: z.infer<typeof CaseExportQuery>,
): Promise<ExportFile> {
  const { process, where } = await readableCasesWhere(
    db,
    actor,
    processRef,
    query,
    "humanitarian.case.export",
  );
  const ids = await db
    .select({ id: humCases.id })
    .from(humCases)
    .where(where)
    .orderBy(desc(humCases.createdAt), asc(humCases.id));
  const mark = markOf(actor);
  const { format, ...filter } = query;
  await auditPersonRead(
    db,
    actor,
    "humanitarian.case.export",
    { subjectType: "humanitarian.case", processId: process.id, delegationId: query.delegationId ?? null },
    { format, persons: ids.length, filter, exportedAt: mark.at.toISOString() },
  );
  const found = inPages(
    ids.map((row) => row.id),
    (page) =>
      db
        .select()
        .from(humCases)
        .where(and(where, inArray(humCases.id, page))),
  );
  const rows = mapped(
    found,
    (record): CaseRow => ({
      id: record.id,
      delegationId: record.delegationId,
      kind: record.kind,
      status: record.status,
      createdAt: record.createdAt.toISOString(),
      withdrawn: record.withdrawnAt !== null,
      person: openPerson(record.personal, record.id),
    }),
  );
  const columns: CsvColumn<CaseRow>[] = [
    { header: "case_id", value: (row) => row.id },
    { header: "side", value: (row) => row.delegationId },
    { header: "kind", value: (row) => row.kind },
    { header: "status", value: (row) => row.status },
    ...personColumns<CaseRow>(),
    { header: "registered", value: (row) => row.createdAt },
    { header: "withdrawn", value: (row) => row.withdrawn },
  ];
  return fileOf(format, mark, `cases-${process.slug}`, "Cases", columns, rows);
}

type Candidate = Awaited<ReturnType<typeof loadReviewQueue>>["items"][number];

/** The review queue of a process (the neutral intermediary's only, refused and audited otherwise), every candidate of a state. */
export async function exportReviewQueue(
  db: Db,
  actor: Actor,
  processRef: string,
  query: z.infer<typeof ReviewQueueExportQuery>,
): Promise<ExportFile> {
  const queue = await loadReviewQueue(db, actor, processRef, {
    runId: query.runId,
    state: query.state,
    limit: 1_000_000,
    offset: 0,
  });
  const mark = markOf(actor);
  const persons = new Set(
    queue.items.flatMap((item) =>
      [item.left, item.right].filter((side) => side.person).map((side) => side.id),
    ),
  );
  await auditPersonRead(
    db,
    actor,
    "humanitarian.review_queue.export",
    { subjectType: "process", subjectId: queue.processId, processId: queue.processId },
    {
      format: query.format,
      state: query.state,
      runId: query.runId ?? null,
      candidates: queue.items.length,
      persons: persons.size,
      exportedAt: mark.at.toISOString(),
    },
  );
  const sideColumns = (prefix: "left" | "right"): CsvColumn<Candidate & PersonRow>[] => [
    { header: `${prefix}_kind`, value: (row) => row[prefix].kind },
    { header: `${prefix}_id`, value: (row) => row[prefix].id },
    { header: `${prefix}_side`, value: (row) => row[prefix].delegationId },
    { header: `${prefix}_row`, value: (row) => row[prefix].rowNumber },
    ...personColumns<Candidate & PersonRow>(`${prefix}_`, (row) => row[prefix].person as PersonFields | null),
  ];
  const columns: CsvColumn<Candidate & PersonRow>[] = [
    { header: "candidate_id", value: (row) => row.id },
    { header: "run_id", value: (row) => row.runId },
    { header: "mode", value: (row) => row.mode },
    { header: "score", value: (row) => Math.round(row.score * 1000) / 1000 },
    { header: "state", value: (row) => row.state },
    {
      header: "fields",
      value: (row) => row.fields.map((field) => `${field.field} ${field.verdict}`).join("; "),
    },
    ...sideColumns("left"),
    ...sideColumns("right"),
    { header: "decided_by", value: (row) => row.decidedByLabel },
    { header: "decided_at", value: (row) => row.decidedAt },
    { header: "reason", value: (row) => row.reason },
  ];
  return fileOf(
    query.format,
    mark,
    `review-queue-${query.state}`,
    "Review queue",
    columns,
    // The queue is read whole by its own audited read (its candidates are few): only the file is streamed.
    mapped(Readable.from(queue.items) as AsyncIterable<Candidate>, (item) => ({ ...item, person: null })),
  );
}
