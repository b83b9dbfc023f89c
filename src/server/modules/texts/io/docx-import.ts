// Reading a statement written in Word: its paragraphs as the author laid them out (Word's own
// numbering included, which a plain-text copy loses), split by the same rules as pasted text.
import mammoth from "mammoth";
import type { ParagraphKind } from "../../../../contracts/texts.ts";
import { docxMaxBytes, type ImportPreview } from "../../../../contracts/texts-io.ts";
import { BadRequest, DomainError } from "../../../platform/errors.ts";
import { zipEntries } from "../../../platform/exports/zip.ts";
import { splitPlainText } from "../model.ts";

/** Everything a .docx may expand to once inflated; a statement is far below it, a decompression bomb far above. */
const maxInflatedBytes = 60 * 1024 * 1024;

export type ReadStatement = ImportPreview & {
  /** The paragraphs as plain text, one per line, numbered where Word numbered them: what the import stores. */
  plainText: string;
};

type MammothNode = {
  type: string;
  value?: string;
  styleName?: string | null;
  numbering?: { isOrdered: boolean; level: string | number } | null;
  children?: MammothNode[];
};

class PayloadTooLarge extends DomainError {
  constructor(message: string) {
    super("payload_too_large", 413, message);
  }
}

/** The words of a paragraph: its runs' text, tabs and line breaks as spaces. */
function textOf(node: MammothNode): string {
  if (node.type === "text") return node.value ?? "";
  if (node.type === "tab" || node.type === "break") return " ";
  return (node.children ?? []).map(textOf).join("");
}

/** Every paragraph of the body in reading order, those inside tables too. */
function paragraphsOf(node: MammothNode, into: MammothNode[] = []): MammothNode[] {
  if (node.type === "paragraph") into.push(node);
  else for (const child of node.children ?? []) paragraphsOf(child, into);
  return into;
}

/**
 * Checks that the bytes are a Word document within the limits (a .docx is a ZIP holding
 * `word/document.xml`), before any of it is inflated: 413 over 5 MiB or when it would inflate past
 * 60 MiB, 400 for anything that is not a .docx (a renamed PDF or .doc), nothing read.
 */
export function checkDocx(bytes: Uint8Array): void {
  if (bytes.length > docxMaxBytes)
    throw new PayloadTooLarge(
      `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; at most ${docxMaxBytes / 1024 / 1024} MiB can be imported.`,
    );
  const entries = zipEntries(bytes);
  if (!entries?.some((entry) => entry.name === "word/document.xml"))
    throw new BadRequest(
      "This file is not a Word document (.docx). Save it from Word as .docx, or paste its text.",
      null,
      "not_docx",
    );
  const inflated = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (inflated > maxInflatedBytes)
    throw new PayloadTooLarge(
      "The document expands to more than 60 MiB once unpacked: it cannot be imported.",
    );
}

/**
 * Reads a .docx as a person would: the Title (or a first heading) is the document's title; paragraphs
 * Word numbers are operative ("1." prefixed, so the shared splitter reads them so), sub-items of a
 * numbered paragraph stay in it; everything else goes through `splitPlainText` like pasted text
 * (participles preambular, "1.", "1)", "١." numbered, and so on). An empty document is refused 400.
 */
export async function readDocx(bytes: Uint8Array): Promise<ReadStatement> {
  checkDocx(bytes);
  let body: MammothNode | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: MammothNode) => {
          body = document;
          return document;
        },
      },
    );
  } catch {
    throw new BadRequest("This Word document could not be read; it may be damaged.", null, "not_docx");
  }
  const lines: string[] = [];
  let title: string | null = null;
  let number = 0;
  for (const paragraph of paragraphsOf(body ?? { type: "document" })) {
    // Control characters other than tab and line ends cannot be stored: a damaged file may hold them.
    const text = textOf(paragraph)
      .replace(/\p{Cc}/gu, " ")
      .toWellFormed()
      .replace(/\s+/g, " ")
      .trim();
    if (text === "") continue;
    const style = paragraph.styleName ?? "";
    if (title === null && lines.length === 0 && /^(title|heading 1|заголовок|название)/i.test(style)) {
      title = text;
      continue;
    }
    const level = Number(paragraph.numbering?.level ?? 0);
    if (paragraph.numbering && level > 0 && lines.length > 0) {
      lines[lines.length - 1] = `${lines.at(-1)} ${text}`;
      continue;
    }
    lines.push(paragraph.numbering ? `${++number}. ${text}` : text);
  }
  // A blank line between paragraphs: Word's paragraphs are the author's, never merged.
  const plainText = lines.join("\n\n");
  let paragraphs: { kind: ParagraphKind; body: string }[] = splitPlainText(plainText);
  if (title === null && paragraphs[0]?.kind === "heading" && lines.length > 1) {
    title = paragraphs[0].body;
    paragraphs = paragraphs.slice(1);
    lines.shift();
  }
  if (paragraphs.length === 0 && title === null)
    throw new BadRequest("The Word document has no text to import.", null, "empty_document");
  return { title, paragraphs, plainText: lines.join("\n\n") };
}

/** The bytes of a base64 field, refused 413 before decoding when they could only be too large. */
export function docxBytes(base64: string): Uint8Array {
  if (base64.length > Math.ceil(docxMaxBytes / 3) * 4)
    throw new PayloadTooLarge(`At most ${docxMaxBytes / 1024 / 1024} MiB can be imported.`);
  return Buffer.from(base64, "base64");
}
