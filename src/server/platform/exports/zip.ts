// Looking inside a ZIP container (a .docx, an .xlsx, an .odt) before handing it to a library that
// would inflate it all in memory: its entries and their declared sizes, from the central directory.

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;

/**
 * The entries of a ZIP file as its central directory declares them, or null when the bytes are not a
 * ZIP (no end-of-directory record, a directory outside the file, a ZIP64 archive). Reads only the
 * directory, so a decompression bomb is seen by its declared sizes before anything is inflated.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== directoryEntry) return null;
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return null;
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
