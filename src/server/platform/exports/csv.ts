// CSV as spreadsheet programs read it in every language: UTF-8 with a byte order mark (without it,
// Excel reads Arabic and Russian as mojibake), CRLF line ends (RFC 4180), every text quoted, and
// cells that a spreadsheet would run as a formula neutralized (OWASP "CSV injection").
import { stringify } from "csv-stringify/sync";

/** One column of an export: its heading and how to take its cell from a row. */
export type CsvColumn<Row> = {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
};

/** Characters that make a spreadsheet read a cell as a formula (and full-width forms some read alike). */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell safe to open in a spreadsheet: one starting with = + - @ (or a tab or carriage return)
 * gets a leading apostrophe, so the program shows it as text instead of running it. Numbers stay
 * numbers (a negative count is not a formula).
 */
export function neutralizeFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Writes rows as CSV under the given columns, header first: the byte order mark, CRLF records, text
 * quoted (so embedded commas, quotes and line breaks survive), formulas neutralized, an absent
 * value an empty cell.
 */
export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return stringify(
    rows.map((row) => csvCells(columns, row)),
    { bom: true, ...csvOptions(columns) },
  );
}

/** One row's cells as toCsv writes them: an absent value empty, text with its formulas neutralized. */
export function csvCells<Row>(columns: CsvColumn<Row>[], row: Row): (string | number | boolean)[] {
  return columns.map((column) => {
    const value = column.value(row);
    if (value === null || value === undefined) return "";
    return typeof value === "string" ? neutralizeFormula(value) : value;
  });
}

/** csv-stringify's options for these columns (header first, CRLF, text quoted, booleans as yes/no), sync or streamed. */
export function csvOptions<Row>(columns: CsvColumn<Row>[]) {
  return {
    header: true,
    columns: columns.map((column) => column.header),
    record_delimiter: "windows" as const,
    quoted_string: true,
    cast: { boolean: (value: boolean) => (value ? "yes" : "no") },
  };
}
