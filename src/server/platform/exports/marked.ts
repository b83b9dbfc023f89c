// Files of confidential records marked with who exported them and when, so a copy found later says
// whose it was: in CSV a first line before the header; in XLSX the document's properties, the page
// header of every printed page, and a visible first row. Both are written as the rows arrive (an async
// iterable the caller fills page by page from the database), never whole in memory; the caller audits
// the export itself, before the first byte.
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { type CsvColumn, csvCells, csvOptions, neutralizeFormula } from "./csv.ts";

/** Who exported a file and when, and what the reader must know about it. */
export type ExportMark = { by: string; at: Date; notice: string };

/** The mark as one line of text. */
export function markText(mark: ExportMark): string {
  return `Exported by ${mark.by} at ${mark.at.toISOString()}. ${mark.notice}`;
}

/**
 * CSV with the mark as its first record (`Exported by, <account>, at, <time>, <notice>`), then an
 * empty line, then the header and the rows as `toCsv` writes them (BOM, CRLF, quoted, formulas
 * neutralized), streamed through csv-stringify as `rows` yields them.
 */
export function markedCsvStream<Row>(
  mark: ExportMark,
  columns: CsvColumn<Row>[],
  rows: AsyncIterable<Row>,
): Readable {
  const markLine = stringifySync(
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
  const out = new PassThrough();
  out.write(`\uFEFF${markLine}\r\n`);
  async function* records() {
    for await (const row of rows) yield csvCells(columns, row);
  }
  // A failure (the database, a record that does not open) ends the download broken, never complete-looking.
  pipeline(Readable.from(records()), stringify(csvOptions(columns)), out).catch((error: unknown) =>
    out.destroy(error as Error),
  );
  return out;
}

/** Waits while the reader has not taken what was written; throws once it has gone (the download abandoned). */
async function readerTook(out: PassThrough): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed)
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off("drain", done);
        out.off("close", done);
        resolve();
      };
      out.on("drain", done);
      out.on("close", done);
    });
  if (out.destroyed) throw new Error("The download was abandoned.");
}

/**
 * An XLSX workbook of one sheet, written by ExcelJS's streaming WorkbookWriter as `rows` yields them:
 * the mark in the document's properties (creator, created, description), in every printed page's
 * header, and as the sheet's first row (bold); the header row under it, frozen with the mark; then the
 * rows. Cells are text or numbers, never formulas.
 */
export function markedXlsxStream<Row>(
  mark: ExportMark,
  sheetName: string,
  columns: CsvColumn<Row>[],
  rows: AsyncIterable<Row>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
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
  const write = async () => {
    const markRow = sheet.addRow([markText(mark)]);
    markRow.font = { bold: true };
    markRow.commit();
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for await (const row of rows) {
      sheet
        .addRow(
          columns.map((column) => {
            const value = column.value(row);
            if (value === null || value === undefined) return null;
            if (typeof value === "boolean") return value ? "yes" : "no";
            return typeof value === "string" ? neutralizeFormula(value) : value;
          }),
        )
        .commit();
      written += 1;
      // The reader's pace: what the client has not taken yet is not piled up in memory.
      if (written % 500 === 0) await readerTook(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
