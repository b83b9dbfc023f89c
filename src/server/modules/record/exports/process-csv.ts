// The CSV exports of a process (rounds, attendance, conflicts, sources), each built from the same
// reads as the pages that show them, so an export never says what the page does not.
import { processRoles } from "../../../../contracts/enums.ts";
import type { ExportLanguage } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type CsvColumn, toCsv } from "../../../platform/exports/csv.ts";
import { fileSlug } from "../../../platform/exports/download.ts";
import { findProcess, listProcessRounds } from "../../core/index.ts";
import { attendanceMatrix } from "../queries/attendance.ts";
import { processConflicts } from "../queries/conflicts.ts";
import { processSources } from "../queries/process-sources.ts";
import { disputesOf, nameIn } from "./names.ts";

export const processCsvKinds = ["rounds", "attendance", "conflicts", "sources"] as const;
export type ProcessCsvKind = (typeof processCsvKinds)[number];

/** Where the pages live: a path of the web app made into an absolute address (PUBLIC_URL). */
export type WebUrl = (path: string) => string;

type Input = { db: Db; actor: Actor; processRef: string; lang: ExportLanguage; webUrl: WebUrl };

const joined = (values: (string | null | undefined)[]) => values.filter(Boolean).join("; ");

async function roundsCsv({ db, actor, processRef, lang, webUrl }: Input): Promise<string> {
  const rounds = await listProcessRounds(db, actor, processRef);
  type Row = (typeof rounds.items)[number];
  const columns: CsvColumn<Row>[] = [
    { header: "round", value: (round) => round.number },
    { header: "name", value: (round) => nameIn(round.names, lang) },
    { header: "status", value: (round) => round.status },
    { header: "status_reason", value: (round) => round.statusReason },
    { header: "start_date", value: (round) => round.startDate },
    { header: "end_date", value: (round) => round.endDate },
    { header: "city", value: (round) => round.city },
    { header: "venue", value: (round) => round.venue },
    ...processRoles.map((role) => ({
      header: role,
      value: (round: Row) =>
        joined(round.participants[role].map((participant) => nameIn(participant.names, lang))),
    })),
    { header: "disputed", value: (round) => disputesOf(round).fields },
    { header: "conflict_ids", value: (round) => disputesOf(round).conflictIds },
    { header: "url", value: (round) => webUrl(`/rounds/${encodeURIComponent(round.id)}`) },
    { header: "id", value: (round) => round.id },
  ];
  return toCsv(columns, rounds.items);
}

async function attendanceCsv({ db, actor, processRef, lang, webUrl }: Input): Promise<string> {
  const matrix = await attendanceMatrix(db, actor, processRef);
  const rounds = new Map(matrix.rounds.map((round) => [round.id, round]));
  const people = new Map(matrix.participants.map((participant) => [participant.id, participant]));
  const rank = (roundId: string) => rounds.get(roundId)?.number ?? 0;
  const cells = [...matrix.cells].sort(
    (a, b) =>
      rank(a.roundId) - rank(b.roundId) ||
      matrix.participants.findIndex((p) => p.id === a.participantId) -
        matrix.participants.findIndex((p) => p.id === b.participantId),
  );
  type Row = (typeof cells)[number];
  const columns: CsvColumn<Row>[] = [
    { header: "round", value: (cell) => rounds.get(cell.roundId)?.number },
    { header: "round_start_date", value: (cell) => rounds.get(cell.roundId)?.startDate },
    { header: "round_city", value: (cell) => rounds.get(cell.roundId)?.city },
    {
      header: "participant",
      value: (cell) => {
        const participant = people.get(cell.participantId);
        return participant ? nameIn(participant.names, lang) : cell.participantId;
      },
    },
    { header: "participant_kind", value: (cell) => people.get(cell.participantId)?.kind },
    { header: "role", value: (cell) => cell.role },
    { header: "attendance", value: (cell) => cell.attendance },
    { header: "note", value: (cell) => cell.note },
    { header: "cited_text", value: (cell) => cell.citedText },
    { header: "source_count", value: (cell) => cell.sourceCount },
    {
      header: "disputed",
      value: (cell) => disputesOf(cell).fields,
    },
    {
      header: "conflict_ids",
      value: (cell) => disputesOf(cell).conflictIds,
    },
    { header: "url", value: (cell) => webUrl(`/rounds/${encodeURIComponent(cell.roundId)}`) },
  ];
  return toCsv(columns, cells);
}

async function conflictsCsv({ db, actor, processRef, webUrl }: Input): Promise<string> {
  const conflicts = await processConflicts(db, actor, processRef, undefined);
  const process = await findProcess(db, processRef);
  type Conflict = (typeof conflicts.items)[number];
  type Source = Conflict["sources"][number];
  // One row per value with the sources that give it; a conflict without values (one source leaving
  // a fact open) is one row with its own sources.
  const rows = conflicts.items.flatMap((conflict) =>
    conflict.values.length > 0
      ? conflict.values.map((value, index) => ({
          conflict,
          index,
          value: value.value,
          sources: value.sources,
        }))
      : [{ conflict, index: 0, value: null as string | null, sources: conflict.sources }],
  );
  type Row = (typeof rows)[number];
  const sourceList = (sources: Source[], pick: (source: Source) => string | null) =>
    sources.map((source) => pick(source) ?? "").join("\n");
  const columns: CsvColumn<Row>[] = [
    { header: "conflict_id", value: (row) => row.conflict.id },
    { header: "kind", value: (row) => row.conflict.kind },
    { header: "subject_type", value: (row) => row.conflict.subject.subjectType },
    { header: "subject", value: (row) => row.conflict.subject.label },
    { header: "field", value: (row) => row.conflict.field },
    { header: "conflict", value: (row) => row.conflict.text },
    { header: "value_number", value: (row) => (row.value === null ? null : row.index + 1) },
    { header: "value", value: (row) => row.value },
    { header: "source_count", value: (row) => row.sources.length },
    { header: "source_titles", value: (row) => sourceList(row.sources, (source) => source.title) },
    { header: "source_urls", value: (row) => sourceList(row.sources, (source) => source.url) },
    {
      header: "source_dates",
      value: (row) => sourceList(row.sources, (source) => source.published ?? source.publishedAsShown),
    },
    { header: "note", value: (row) => row.conflict.note },
    { header: "uncertain", value: (row) => row.conflict.uncertain },
    {
      header: "url",
      value: (row) =>
        webUrl(`/processes/${encodeURIComponent(process.slug)}/conflicts#conflict-${row.conflict.id}`),
    },
  ];
  return toCsv(columns, rows);
}

async function sourcesCsv({ db, actor, processRef }: Input): Promise<string> {
  const { items } = await processSources(db, actor, processRef);
  type Row = (typeof items)[number];
  const columns: CsvColumn<Row>[] = [
    { header: "title", value: (source) => source.title },
    { header: "url", value: (source) => source.url },
    { header: "publisher", value: (source) => source.publisher },
    { header: "published", value: (source) => source.published },
    { header: "published_as_shown", value: (source) => source.publishedAsShown },
    { header: "language", value: (source) => source.language },
    { header: "cited_for_count", value: (source) => new Set(source.citedBy.map((c) => c.subjectId)).size },
    {
      header: "cited_for",
      value: (source) =>
        [
          ...new Set(
            source.citedBy.map((citing) =>
              citing.field === "subject" ? citing.label : `${citing.label} (${citing.field})`,
            ),
          ),
        ].join("\n"),
    },
    { header: "id", value: (source) => source.id },
  ];
  return toCsv(columns, items);
}

const builders: Record<ProcessCsvKind, (input: Input) => Promise<string>> = {
  rounds: roundsCsv,
  attendance: attendanceCsv,
  conflicts: conflictsCsv,
  sources: sourcesCsv,
};

/**
 * One CSV export of a process, tier-filtered like the page it mirrors, with the file name to save
 * it under (`astana-rounds-2026-12-07.csv`: the process, what it holds and the day it was taken).
 */
export async function processCsv(input: Input & { kind: ProcessCsvKind; today: string }) {
  const process = await findProcess(input.db, input.processRef);
  const body = await builders[input.kind](input);
  const suffix = input.lang === "en" ? "" : `-${input.lang}`;
  return { body, filename: `${fileSlug(process.slug)}-${input.kind}${suffix}-${input.today}.csv` };
}
