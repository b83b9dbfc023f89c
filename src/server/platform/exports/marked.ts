// Files of confidential records marked with who exported them and when, so a copy found later says
// whose it was: in CSV a first line before the header; in XLSX the document's properties, the page
// header of every printed page, and a visible first row. The caller audits the export itself.

import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { type CsvColumn, neutralizeFormula, toCsv } from "./csv.ts";

/** Who exported a file and when, and what the reader must know about it. */
export type ExportMark = { by: string; at: Date; notice: string };

/** The mark as one line of text. */
export function markText(mark: ExportMark): string {
  return `Exported by ${mark.by} at ${mark.at.toISOString()}. ${mark.notice}`;
}

/**
 * CSV with the mark as its first record (`Exported by, <account>, at, <time>, <notice>`), then an
 * empty line, then the header and the rows as `toCsv` writes them (BOM, CRLF, quoted, formulas neutralized).
 */
export function markedCsv<Row>(mark: ExportMark, columns: CsvColumn<Row>[], rows: Row[]): string {
  const markLine = stringify(
    [
      [
        "Exported by",
        neutralizeFormula(mark.by),
        "at",
        mark.at.toISOString(),
        neutralizeFormula(mark.notice),
      ],
    ],
    { record_delimiter: "windows", quoted_string: true },
  );
  const table = toCsv(columns, rows);
  return `\uFEFF${markLine}\r\n${table.startsWith("\uFEFF") ? table.slice(1) : table}`;
}

/**
 * An XLSX workbook of one sheet: the mark in the document's properties (creator, created, description),
 * in every printed page's header, and as the sheet's first row (bold); the header row under it, frozen
 * with the mark; then the rows. Cells are text or numbers, never formulas.
 */
export async function markedXlsx<Row>(
  mark: ExportMark,
  sheetName: string,
  columns: CsvColumn<Row>[],
  rows: Row[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = mark.by;
  workbook.lastModifiedBy = mark.by;
  workbook.created = mark.at;
  workbook.modified = mark.at;
  workbook.title = sheetName;
  workbook.subject = markText(mark);
  workbook.description = markText(mark);
  workbook.keywords = "confidential";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 2 }],
    headerFooter: { oddHeader: `&L${markText(mark).replaceAll("&", "&&")}`, oddFooter: "&RPage &P of &N" },
  });
  sheet.addRow([markText(mark)]).font = { bold: true };
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      columns.map((column) => {
        const value = column.value(row);
        if (value === null || value === undefined) return null;
        if (typeof value === "boolean") return value ? "yes" : "no";
        return typeof value === "string" ? neutralizeFormula(value) : value;
      }),
    );
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
