// Reading exports back as the programs people open them with would: CSV as a spreadsheet parses it,
// Atom as an XML parser, iCalendar line by line per RFC 5545.
import { DOMParser } from "@xmldom/xmldom";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";

/** Parses a CSV export strictly (every row as wide as the header), after checking BOM and CRLF. */
export function readCsv(body: string): Record<string, string>[] {
  expect(body.charCodeAt(0), "starts with a byte order mark").toBe(0xfeff);
  const withoutQuoted = body.replace(/"(?:[^"]|"")*"/g, "");
  expect(withoutQuoted.replace(/\r\n/g, ""), "every record ends with CRLF").not.toMatch(/[\r\n]/);
  return parse(body, { bom: true, columns: true, relax_column_count: false, skip_empty_lines: false });
}

/** Parses XML, failing on any well-formedness error. */
export function readXml(body: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => errors.push(message),
      fatalError: (message: string) => errors.push(message),
    },
  }).parseFromString(body, "application/xml");
  expect(errors).toEqual([]);
  return document as unknown as Document;
}

/**
 * Checks RFC 5545's line rules (CRLF line ends, no line over 75 octets, continuation lines start with
 * a space) and unfolds the lines into content lines.
 */
export function readIcsLines(body: string): string[] {
  expect(body.endsWith("\r\n")).toBe(true);
  const physical = body.slice(0, -2).split("\r\n");
  for (const line of physical) {
    expect(line, "no bare LF or CR inside a line").not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, "utf8"), `line too long: ${line}`).toBeLessThanOrEqual(75);
  }
  const unfolded: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ")) unfolded[unfolded.length - 1] += line.slice(1);
    else unfolded.push(line);
  }
  return unfolded;
}

export type IcsEvent = Record<string, string>;

/** The VEVENTs of a calendar, each as its properties by name (parameters kept in the name). */
export function readIcsEvents(body: string): IcsEvent[] {
  const lines = readIcsLines(body);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

/** An iCalendar TEXT value back to its text (RFC 5545 §3.3.11 escapes). */
export function icsText(value: string | undefined): string {
  return (value ?? "").replace(/\\([\\;,nN])/g, (_, char: string) =>
    char.toLowerCase() === "n" ? "\n" : char,
  );
}
