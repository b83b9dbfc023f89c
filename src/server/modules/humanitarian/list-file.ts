// Reading a side's list file as it streams in: CSV (UTF-8, or Windows-1256 when the file is not valid
// UTF-8: the encoding is told from the first 64 KiB and held to for the whole file) or XLSX (its first
// sheet: platform/xlsx-rows.ts), row by row, never the whole file in memory; the bytes are hashed on
// the way (the same file is refused twice) and counted against the upload limit.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { BadRequest, DomainError } from "../../platform/errors.ts";
import { XlsxUnreadable, xlsxFirstSheetRows } from "../../platform/xlsx-rows.ts";

export type FileFormat = "csv" | "xlsx";
/** Where a refusal's cause is recorded for the server's operator (a logger's `warn`). */
export type WarnLog = (details: Record<string, unknown>, message: string) => void;
export type Encoding = "utf-8" | "windows-1256";

/** What reading a file gives: its rows as they stream (the header first), then its encoding and hash. */
export type ListFile = {
  rows: AsyncGenerator<string[]>;
  encoding: () => Encoding;
  contentHash: () => string;
  /** The bytes read so far (for progress). */
  bytesRead: () => number;
};

const sniffBytes = 64 * 1024;

/** The refusal of a file over the HTTP limit, pointing to the CLI, which streams any size. */
export function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    "file_too_large",
    413,
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB: upload it with the CLI (astana humanitarian list-upload), which streams any size.`,
    { maxBytes },
  );
}

/** The file's bytes, hashed and counted as they pass. */
async function* hashed(
  source: AsyncIterable<Uint8Array>,
  hash: ReturnType<typeof createHash>,
  maxBytes: number | undefined,
  counted: { bytes: number },
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    counted.bytes += chunk.byteLength;
    if (maxBytes !== undefined && counted.bytes > maxBytes) throw tooLarge(maxBytes);
    hash.update(chunk);
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Whether these bytes are UTF-8, allowing a character cut at the end (the sniffed prefix may cut one). */
function looksUtf8(bytes: Buffer): boolean {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The file's text: the first 64 KiB decide the encoding (UTF-8 if they decode as UTF-8, else
 * Windows-1256, the legacy Arabic code page); a file that later stops being UTF-8 is refused whole.
 */
async function* decoded(
  bytes: AsyncGenerator<Buffer>,
  found: (encoding: Encoding) => void,
): AsyncGenerator<string> {
  const head: Buffer[] = [];
  let headLength = 0;
  let rest: IteratorResult<Buffer> | undefined;
  while (headLength < sniffBytes) {
    rest = await bytes.next();
    if (rest.done) break;
    head.push(rest.value);
    headLength += rest.value.byteLength;
  }
  const first = Buffer.concat(head);
  const encoding: Encoding = looksUtf8(first) ? "utf-8" : "windows-1256";
  found(encoding);
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  let offset = 0;
  const decode = (chunk: Buffer) => {
    try {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.byteLength;
      return text;
    } catch {
      throw new BadRequest(
        `The file is not one encoding: it began as UTF-8 but has an invalid byte after byte ${offset}. Save it in one encoding (UTF-8) and upload it again.`,
        { near: offset },
        "invalid_encoding",
      );
    }
  };
  yield decode(first);
  if (rest?.done) {
    yield decoder.decode();
    return;
  }
  for await (const chunk of bytes) yield decode(chunk);
  try {
    yield decoder.decode();
  } catch {
    throw new BadRequest("The file ends inside a character: it is cut or not UTF-8.", {}, "invalid_encoding");
  }
}

/** A cell's text: dates as ISO days, numbers as digits, rich text and formulas as their text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (cell.richText) return cell.richText.map((part) => part.text).join("");
    if (cell.result !== undefined) return cellText(cell.result);
    if (typeof cell.text === "string") return cell.text;
    return "";
  }
  return String(value);
}

/**
 * Opens a list file for reading as it arrives: its rows (the header first) as arrays of cell texts.
 * `encoding` and `contentHash` are known once the rows are read. A CSV may use commas, semicolons or tabs.
 */
export function readListFile(
  format: FileFormat,
  source: AsyncIterable<Uint8Array>,
  maxBytes: number | undefined,
  warn?: WarnLog,
): ListFile {
  const hash = createHash("sha256");
  let digest: string | null = null;
  let encoding: Encoding = "utf-8";
  const counted = { bytes: 0 };
  const bytes = hashed(source, hash, maxBytes, counted);

  async function* csvRows(): AsyncGenerator<string[]> {
    const parser = parse({
      bom: true,
      delimiter: [",", ";", "\t"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: 1_000_000,
    });
    const feeding = pipeline(
      Readable.from(
        decoded(bytes, (found) => {
          encoding = found;
        }),
      ),
      parser,
    );
    // Its failure also ends the parser, which the loop below reports; awaited after the loop.
    feeding.catch(() => undefined);
    try {
      for await (const record of parser as AsyncIterable<string[]>) yield record;
      await feeding;
    } catch (error) {
      const real = await feeding.then(
        () => error,
        (failure: unknown) => failure,
      );
      for (const candidate of [real, (real as { cause?: unknown })?.cause, error])
        if (candidate instanceof DomainError) throw candidate;
      throw new BadRequest("The file is not a readable CSV.", {}, "invalid_csv");
    }
  }

  async function* xlsxRows(): AsyncGenerator<string[]> {
    try {
      // The whole upload is read (and hashed) before the first row: the sheet comes before its strings.
      for await (const row of xlsxFirstSheetRows(bytes)) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield Array.from(values, cellText);
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // The uploader gets a 400; the cause is recorded for whoever runs the server (no cell's content).
      const reason = error instanceof XlsxUnreadable ? error.reason : "unexpected failure";
      warn?.({ err: error, reason }, "an uploaded XLSX could not be read");
      throw new BadRequest("The file is not a readable XLSX workbook.", { reason }, "invalid_xlsx");
    }
  }

  return {
    rows: format === "csv" ? csvRows() : xlsxRows(),
    encoding: () => encoding,
    bytesRead: () => counted.bytes,
    contentHash: () => {
      digest ??= hash.digest("hex");
      return digest;
    },
  };
}
