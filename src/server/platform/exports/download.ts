// How an export is sent: as a file the browser saves under a name that says what it holds.
import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";

/** RFC 5987's encoding of a file name for `filename*` (every byte outside the safe set escaped). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A Content-Disposition header (RFC 6266) for a file name in any language: an ASCII `filename` for
 * old clients and the exact UTF-8 name in `filename*`.
 */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment") {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** Sends a file: its media type with the charset, and the name to save it under. */
export function sendFile(
  reply: FastifyReply,
  file: { body: string; mediaType: string; filename: string; disposition?: "attachment" | "inline" },
): FastifyReply {
  return reply
    .type(`${file.mediaType}; charset=utf-8`)
    .header("content-disposition", contentDisposition(file.filename, file.disposition))
    .send(file.body);
}

/** A file name made of plain words: letters and digits of any script, the rest as hyphens. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFKC")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "export"
  );
}

/** Sends a binary file (a .docx, a PDF): its media type, its length and the name to save it under. */
export function sendBinaryFile(
  reply: FastifyReply,
  file: { body: Uint8Array; mediaType: string; filename: string; disposition?: "attachment" | "inline" },
): FastifyReply {
  return reply
    .type(file.mediaType)
    .header("content-disposition", contentDisposition(file.filename, file.disposition))
    .send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
}

/**
 * Sends a file written as the client reads it (a stream, no length known beforehand): its media type
 * (text with its charset) and the name to save it under. A failure mid-way cuts the download off, so a
 * broken file never looks complete.
 */
export function sendStream(
  reply: FastifyReply,
  file: { body: Readable; mediaType: string; filename: string; disposition?: "attachment" | "inline" },
): FastifyReply {
  return reply
    .type(file.mediaType.startsWith("text/") ? `${file.mediaType}; charset=utf-8` : file.mediaType)
    .header("content-disposition", contentDisposition(file.filename, file.disposition))
    .send(file.body);
}
