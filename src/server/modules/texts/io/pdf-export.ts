// A text as PDF: the same layout as the Word export (title, numbered operative paragraphs, preambular
// opening in italics, brackets with their attributions in small type), right to left where it is Arabic.
import { isRightToLeft, type PdfBlock, type PdfRun, renderPdf } from "../../../platform/exports/pdf.ts";
import { attribution, type ExportParagraph, type ExportText } from "./export-model.ts";

function blockOf(paragraph: ExportParagraph): PdfBlock {
  const runs: PdfRun[] = [];
  if (paragraph.number && paragraph.kind !== "preambular")
    runs.push({ text: `${paragraph.number} `, bold: paragraph.kind === "annex" });
  let first = paragraph.kind === "preambular";
  for (const piece of paragraph.pieces) {
    if (piece.kind === "text") {
      const opening = first && !isRightToLeft(piece.text) ? (piece.text.match(/^\S+/u)?.[0] ?? "") : "";
      if (opening) runs.push({ text: opening, italic: true });
      runs.push({ text: piece.text.slice(opening.length), bold: paragraph.kind === "heading" });
      first = false;
      continue;
    }
    first = false;
    piece.options.forEach((option, index) => {
      runs.push({ text: `${index > 0 ? " " : ""}[${option.isDelete ? "delete" : option.text}]` });
      runs.push({ text: ` (${attribution(option)})`, small: true });
    });
  }
  return { runs };
}

/** The text (a compilation, the clean text or one paragraph's options sheet) as a PDF file. */
export function exportPdf(text: ExportText): Promise<Uint8Array> {
  return renderPdf({
    title: text.title,
    language: text.language,
    blocks: [
      { runs: [{ text: text.title, bold: true }], align: "center", size: 14, spaceAfter: 4 },
      { runs: [{ text: text.subtitle, italic: true }], align: "center", size: 9, spaceAfter: 18 },
      ...text.paragraphs.map(blockOf),
    ],
  });
}
