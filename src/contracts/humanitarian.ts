// The humanitarian module's contracts (issue 18): cases and their status history, the sides' lists
// (upload with column mapping, preview and validation report), exchanges, and the aggregates the
// pictures draw. Shared by the server, the web app and the CLI.
//
// Who reads what (enforced in the server's SQL): a case, a list and its rows are read by the side that
// submitted them, by the neutral intermediary (the ICRC: process role `intermediary`), and — when the
// side shares them with the working group (`sharing: "working_group"`) — by the guarantors and the UN
// (`international_organization`); never by the other side. Every read of a person's record is audited,
// refusals too. Errors and events carry ids and counts only, never a name.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import { caseKinds, caseStatuses, listSharings } from "./humanitarian-enums.ts";
import { JobView } from "./platform.ts";

export * from "./humanitarian-enums.ts";
export * from "./humanitarian-exchanges.ts";
export * from "./humanitarian-person.ts";

import { PersonFields, Withdrawal } from "./humanitarian-person.ts";

// ——— Cases ———

export const CreateCaseInput = z.strictObject({
  /** The submitting side: a delegation of the caller that is a party in the process (the system actor: any). */
  delegationId: RecordRef,
  kind: z.enum(caseKinds),
  sharing: z.enum(listSharings).default("side"),
  person: PersonFields,
});
/** Replaces a case's personal fields (and kind, sharing); `version` is the one read (409 if stale). */
export const UpdateCaseInput = z.strictObject({
  version: z.int().min(1),
  kind: z.enum(caseKinds).optional(),
  sharing: z.enum(listSharings).optional(),
  person: PersonFields.optional(),
});
/** A status change says on what evidence (kept encrypted: it may name people). */
export const ChangeCaseStatusInput = z.strictObject({
  status: z.enum(caseStatuses),
  evidence: PlainText(4000, "Say on what evidence."),
});
/** Nothing is deleted: a case, a list or an exchange person is withdrawn with a reason. */
export const WithdrawInput = z.strictObject({ reason: PlainText(2000, "Say why.") });

export const CaseStatusStep = z.object({
  id: z.string(),
  fromStatus: z.enum(caseStatuses).nullable(),
  status: z.enum(caseStatuses),
  evidence: z.string().nullable(),
  exchangeId: z.string().nullable(),
  byLabel: z.string(),
  at: z.string(),
});
export const CaseView = z.object({
  id: z.string(),
  processId: z.string(),
  /** The submitting side. */
  delegationId: z.string(),
  participantId: z.string(),
  kind: z.enum(caseKinds),
  status: z.enum(caseStatuses),
  sharing: z.enum(listSharings),
  person: PersonFields,
  listEntryId: z.string().nullable(),
  version: z.int(),
  withdrawn: Withdrawal,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The exchange planned or under way the person is in (one at a time); absent where not computed. */
  openExchangeId: z.string().nullable().optional(),
});
export type CaseView = z.infer<typeof CaseView>;
export const CaseDetail = CaseView.extend({
  history: z.array(CaseStatusStep),
  can: z
    .object({
      update: z.boolean(),
      changeStatus: z.boolean(),
      withdraw: z.boolean(),
      /** Reads who read this record (GET /api/audit?subjectType=humanitarian.case&subjectId=…&kind=read). */
      readAudit: z.boolean(),
    })
    .optional(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
export const CaseQuery = z.object({
  delegationId: RecordRef.optional(),
  status: z.enum(caseStatuses).optional(),
  kind: z.enum(caseKinds).optional(),
  withdrawn: z.enum(["include", "exclude", "only"]).default("exclude"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const CaseList = z.object({ total: z.int(), cases: z.array(CaseView) });
export type CaseList = z.infer<typeof CaseList>;

// ——— Lists ———

/**
 * Our columns: a list's file maps its own columns onto these (`mapping`), or uses our template, whose
 * header is exactly these names. `birth` takes a day (1980-02-01, 1/2/80 when unambiguous) or a year
 * (1980, ١٩٨٠); `kind` per row overrides the list's default kind.
 */
export const listColumns = [
  "given_ar",
  "father_ar",
  "grandfather_ar",
  "family_ar",
  "mother_ar",
  "given_latin",
  "father_latin",
  "grandfather_latin",
  "family_latin",
  "mother_latin",
  "sex",
  "birth",
  "origin",
  "event_date",
  "event_place",
  "kind",
] as const;
export type ListColumn = (typeof listColumns)[number];
/** Our column → the file's column header (case and spaces ignored). Columns left out are read by our names. */
export const ColumnMapping = z.partialRecord(z.enum(listColumns), z.string().trim().min(1).max(200));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * The query of a list upload; the file is the body (`text/csv`, or the XLSX media type). `mapping` is
 * a JSON object (ColumnMapping). `dryRun=true` (the default) only previews: the mapped first rows and the
 * validation report, writing nothing.
 */
export const ListUploadQuery = z.object({
  delegationId: RecordRef,
  title: PlainText(300),
  fileName: PlainText(300).optional(),
  kind: z.enum(caseKinds).default("detained"),
  sharing: z.enum(listSharings).default("side"),
  mapping: z.string().max(8000).optional(),
  /** How to read `1/2/80`: refused as ambiguous (the default), or day first, or month first. */
  dayMonth: z.enum(["refuse", "day_first", "month_first"]).default("refuse"),
  dryRun: z.enum(["true", "false"]).default("true"),
});
export type ListUploadQuery = z.infer<typeof ListUploadQuery>;

/** Why a row is refused or flagged: the field and a code, never the value (no personal data in reports). */
export const RowFinding = z.object({
  field: z.string(),
  code: z.enum([
    "required",
    "invalid_date",
    "ambiguous_date",
    "invalid_year",
    "invalid_sex",
    "invalid_kind",
    "mixed_scripts",
    "wrong_script",
    "too_long",
    "control_characters",
    "duplicate_row",
    "already_a_case",
  ]),
  message: z.string(),
  /** For `duplicate_row` / `already_a_case`: the earlier row, or the case. */
  ref: z.union([z.int(), z.string()]).optional(),
});
export type RowFinding = z.infer<typeof RowFinding>;
export const ListImportReport = z.object({
  dryRun: z.boolean(),
  /** The list created (null on a dry run). */
  listId: z.string().nullable(),
  format: z.enum(["csv", "xlsx"]),
  /** How the file's text was decoded: `utf-8`, or `windows-1256` when it was not valid UTF-8 (CSV only). */
  encoding: z.enum(["utf-8", "windows-1256"]),
  contentHash: z.string(),
  header: z.array(z.string()),
  /** The mapping used (given, or our template's defaults). */
  mapping: z.record(z.string(), z.string()),
  /** The file's columns that map to none of ours (ignored). */
  unmappedColumns: z.array(z.string()),
  rows: z.int(),
  valid: z.int(),
  rejected: z.int(),
  flagged: z.int(),
  duplicates: z.int(),
  /** Cases created (one per valid row; 0 on a dry run). */
  casesCreated: z.int(),
  /** The first rejected rows (a row number is the file's, header = 1), with why. */
  rejectedRows: z.array(z.object({ row: z.int(), findings: z.array(RowFinding) })),
  /** The first rows kept with a warning (mixed scripts, a date read one way). */
  flaggedRows: z.array(z.object({ row: z.int(), findings: z.array(RowFinding) })),
  /** The first rows as mapped, for the uploader to check before importing (their own data). */
  preview: z.array(
    z.object({ row: z.int(), kind: z.enum(caseKinds), person: PersonFields, valid: z.boolean() }),
  ),
});
export type ListImportReport = z.infer<typeof ListImportReport>;

/** A list's import report before anything is read (the server's start, the upload page's blank). */
export function emptyListReport(dryRun: boolean, format: ListImportReport["format"]): ListImportReport {
  return {
    dryRun,
    listId: null,
    format,
    encoding: "utf-8",
    contentHash: "",
    header: [],
    mapping: {},
    unmappedColumns: [],
    rows: 0,
    valid: 0,
    rejected: 0,
    flagged: 0,
    duplicates: 0,
    casesCreated: 0,
    rejectedRows: [],
    flaggedRows: [],
    preview: [],
  };
}

/** A list upload started as a background job (`POST …/humanitarian/list-imports`): follow it by its id. */
export const ListImportStarted = z.object({ jobId: z.string() });
/**
 * A list import job: its progress (`job.detail`: rowsRead, bytesRead, totalBytes) and, once it
 * succeeded, its report — without `preview` (a job keeps no person's fields; preview a file in the request).
 */
export const ListImportJob = z.object({ job: JobView, report: ListImportReport.nullable() });

export const ListView = z.object({
  id: z.string(),
  processId: z.string(),
  delegationId: z.string(),
  participantId: z.string(),
  sharing: z.enum(listSharings),
  title: z.string(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  encoding: z.string(),
  rows: z.int(),
  imported: z.int(),
  rejected: z.int(),
  submittedByLabel: z.string(),
  withdrawn: Withdrawal,
  createdAt: z.string(),
});
export type ListView = z.infer<typeof ListView>;
export const ListSummaries = z.object({ lists: z.array(ListView) });
export const ListEntryView = z.object({
  id: z.string(),
  rowNumber: z.int(),
  kind: z.enum(caseKinds),
  person: PersonFields,
  flags: z.array(z.object({ field: z.string(), code: z.string() })),
  caseId: z.string().nullable(),
  withdrawn: Withdrawal,
});
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const ListDetail = ListView.extend({
  total: z.int(),
  entries: z.array(ListEntryView),
  /** What the reader may do with the list (the operations' own checks). */
  can: z.object({ withdraw: z.boolean() }).optional(),
});
export type ListDetail = z.infer<typeof ListDetail>;

/** The file format of an export of persons: CSV (the default) or XLSX. */
export const ExportFormat = z.enum(["csv", "xlsx"]).default("csv");
/** An export of a list's rows: every row, marked with the exporting account and the time, audited. */
export const ListExportQuery = z.strictObject({ format: ExportFormat });
/** An export of the cases the reader may read, with the cases list's filters, marked and audited. */
export const CaseExportQuery = CaseQuery.omit({ limit: true, offset: true }).extend({ format: ExportFormat });

export const Created = z.object({ id: z.string() });
