// Reading the first sheet of an XLSX workbook row by row as its bytes stream in: ExcelJS's XML parsers,
// but our own pass over the zip (fflate), because ExcelJS 4.4's streaming WorkbookReader
// - decodes each chunk of XML as UTF-8 on its own, garbling a character cut between two chunks: 4 of
//   3,000 Arabic names came out with U+FFFD in them, silently;
// - keeps a worksheet that comes before the shared strings (ExcelJS's and Excel's order) in a
//   temporary file in clear;
// - reads the zip's parts through a pause-and-resume loop over unzipper's stream, which emits `end`
//   on `finish` whatever it still holds: a valid file is reported refused now and then (exceljs#3064,
//   `workbook.xml` lost) — the likely cause of our bad-input test's one `invalid_xlsx`, not reproduced.
// Here the zip is read once, in order; the parts the sheet needs (relationships, workbook, styles) are
// kept in memory, the shared strings and the sheet (which hold the persons) in temporary files sealed
// with the personal-data key; then the parts are parsed in their order, their text decoded as a stream.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import { Unzip, type UnzipFile, UnzipInflate } from "fflate";
import { openSealedFile, sealStream } from "./personal-data.ts";

/** Why a workbook could not be read, in words that name no cell's content (safe in an answer and a log). */
export class XlsxUnreadable extends Error {
  override name = "XlsxUnreadable";
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`unreadable XLSX: ${reason}`, options);
    this.reason = reason;
  }
}

/** A small part (relationships, workbook, styles) larger than this is refused: no real workbook has one. */
const maxSmallPart = 32 * 1024 * 1024;
/** The parts kept, expanded, may not pass this (a zip bomb is refused, not written to the disk). */
const maxExpanded = 2 * 1024 * 1024 * 1024;

const smallParts = new Set(["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml"]);
const sheetPart = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The text of UTF-8 bytes, decoded as one stream (a character cut between two chunks stays whole). */
async function* utf8Text(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A part written, as it expands, to a temporary file sealed with the personal-data key. */
function sealedPart(name: string) {
  const file = path.join(tmpdir(), `astana-xlsx-${randomUUID()}.sealed`);
  const clear = new PassThrough();
  const written = pipeline(Readable.from(sealStream(clear, path.basename(file))), createWriteStream(file));
  // Awaited by `close`; a failure meanwhile must not go unhandled.
  written.catch(() => undefined);
  return {
    name,
    file,
    write: (bytes: Uint8Array) => clear.write(bytes),
    // Waits for the writer to take what was written, or for its failure (a full disk).
    drained: () =>
      clear.writableNeedDrain
        ? new Promise<void>((resolve, reject) => {
            clear.once("drain", resolve);
            written.catch(reject);
          })
        : undefined,
    close: async () => {
      clear.end();
      await written;
    },
    read: () => openSealedFile(file, path.basename(file)),
    remove: () => rm(file, { force: true }),
  };
}

type SealedPart = ReturnType<typeof sealedPart>;

/** The workbook's parts the first sheet needs, after one pass over the zip. */
type Parts = {
  small: Map<string, Buffer>;
  sharedStrings: SealedPart | null;
  sheet: (SealedPart & { number: string }) | null;
};

/** Bytes handed to the unzipper at a time: what one step expands stays small (a zip bomb's included). */
const step = 16 * 1024;

/** One pass over the zip as it streams in: the parts the first sheet needs kept, the rest expanded and dropped. */
async function readParts(source: AsyncIterable<Uint8Array>, parts: Parts): Promise<void> {
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const sealed: SealedPart[] = [];
  let failure: unknown = null;
  let expanded = 0;
  unzip.onfile = (file: UnzipFile) => {
    // Some writers store the parts' names with a leading slash.
    const name = file.name.replace(/^\/+/, "");
    const sheet = sheetPart.exec(name);
    let keep: ((bytes: Uint8Array) => void) | null = null;
    let done = () => {};
    if (smallParts.has(name)) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      keep = (bytes) => {
        size += bytes.byteLength;
        if (size > maxSmallPart) throw new XlsxUnreadable(`the part ${name} is too large`);
        chunks.push(bytes);
      };
      done = () => parts.small.set(name, Buffer.concat(chunks));
    } else if (name === "xl/sharedStrings.xml" || (sheet && !parts.sheet)) {
      const part = sealedPart(name);
      sealed.push(part);
      if (sheet) parts.sheet = { ...part, number: sheet[1] ?? "1" };
      else parts.sharedStrings = part;
      keep = (bytes) => {
        part.write(bytes);
      };
    }
    // Every part is expanded, even one not kept: fflate would otherwise hold its bytes until the end.
    file.ondata = (error, bytes, final) => {
      if (failure) return;
      try {
        if (error) throw new XlsxUnreadable("damaged compressed data", { cause: error });
        if (keep && bytes.byteLength > 0) {
          expanded += bytes.byteLength;
          if (expanded > maxExpanded) throw new XlsxUnreadable("it expands to more than 2 GiB");
          keep(bytes);
        }
        if (final) done();
      } catch (caught) {
        failure = caught;
      }
    };
    file.start();
  };
  const push = (bytes: Uint8Array, final = false) => {
    try {
      unzip.push(bytes, final);
    } catch (error) {
      failure ??= new XlsxUnreadable("not a complete zip archive", { cause: error });
    }
    if (failure) throw failure;
  };
  try {
    // The source's own failures (a file over the limit, a sealed upload altered) pass as they are.
    for await (const chunk of source) {
      for (let at = 0; at < chunk.byteLength; at += step) {
        push(chunk.subarray(at, at + step));
        // The sealed files' backpressure: the next bytes wait until what was expanded is written.
        await Promise.all(sealed.map((part) => part.drained()));
      }
    }
    push(new Uint8Array(0), true);
    await Promise.all(sealed.map((part) => part.close()));
  } catch (error) {
    await Promise.all(sealed.map((part) => part.close().catch(() => undefined)));
    throw error;
  }
}

/** The WorkbookReader's parsers of single parts (exceljs 4.4.0's lib/stream/xlsx/workbook-reader.js). */
type ReaderParts = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    text: AsyncIterable<string>,
    sheetNumber: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: unknown[] };
};

const textOf = (bytes: Buffer) => Readable.from([bytes.toString("utf8")]);

/**
 * The rows of an XLSX workbook's first sheet (the first in the zip), read from its bytes as they
 * stream in, with dates told from numbers by the styles and shared strings resolved. An archive that is
 * not a workbook throws XlsxUnreadable (its `reason` names no content); the temporary files are
 * removed whatever the outcome. `options` are ExcelJS's stream reader's.
 */
export async function* xlsxFirstSheetRows(
  source: AsyncIterable<Uint8Array>,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {},
): AsyncGenerator<ExcelJS.Row> {
  const parts: Parts = { small: new Map(), sharedStrings: null, sheet: null };
  try {
    await readParts(source, parts);
    const workbook = parts.small.get("xl/workbook.xml");
    if (!workbook) throw new XlsxUnreadable("no workbook part (xl/workbook.xml)");
    if (!parts.sheet) throw new XlsxUnreadable("no worksheet");
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      ...options,
      worksheets: "emit",
      entries: "ignore",
    }) as unknown as ReaderParts;
    let stage = "workbook";
    try {
      const rels = parts.small.get("xl/_rels/workbook.xml.rels");
      if (rels) await reader._parseRels(textOf(rels));
      await reader._parseWorkbook(textOf(workbook));
      stage = "styles";
      const styles = parts.small.get("xl/styles.xml");
      if (styles) await reader._parseStyles(textOf(styles));
      stage = "shared strings";
      if (parts.sharedStrings)
        for await (const _ of reader._parseSharedStrings(
          Readable.from(utf8Text(parts.sharedStrings.read())),
        ));
      stage = "worksheet";
      reader.model ??= { sheets: [] };
      for (const { value: sheet } of reader._parseWorksheet(
        utf8Text(parts.sheet.read()),
        parts.sheet.number,
      )) {
        yield* sheet;
        break;
      }
    } catch (error) {
      if (error instanceof XlsxUnreadable) throw error;
      throw new XlsxUnreadable(`malformed ${stage} XML`, { cause: error });
    }
  } finally {
    await Promise.all([parts.sharedStrings?.remove(), parts.sheet?.remove()]);
  }
}
