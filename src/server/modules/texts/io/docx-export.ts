// A text as a Word document, laid out as diplomats and the UN write statements: the title centred,
// preambular paragraphs opening in italics, operative paragraphs numbered, brackets as
// `[option A] [option B]` with who proposed each (and the positions taken) in footnotes; Arabic in
// right-to-left paragraphs and runs with an Arabic font named.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  type IRunOptions,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import { isRightToLeft } from "../../../platform/exports/pdf.ts";
import { attribution, type ExportParagraph, type ExportText } from "./export-model.ts";

/** Fonts named in the file: Noto Sans for Latin and Cyrillic, Noto Sans Arabic for complex scripts. */
const fonts = { ascii: "Noto Sans", hAnsi: "Noto Sans", cs: "Noto Sans Arabic", eastAsia: "Noto Sans" };

type RunOptions = Omit<IRunOptions, "text" | "children">;

function run(text: string, rtl: boolean, options: RunOptions = {}): TextRun {
  // The fonts are the document's defaults (its styles), not repeated on every run.
  return new TextRun({ text, ...(rtl ? { rightToLeft: true } : {}), ...options });
}

/** UN style: the opening word of a preambular paragraph in italics (not in Arabic, which has no italics). */
function openingSplit(text: string, rtl: boolean): [string, string] {
  if (rtl) return ["", text];
  const match = text.match(/^(\S+)(.*)$/su);
  return match ? [match[1] ?? "", match[2] ?? ""] : ["", text];
}

type Footnotes = { notes: Record<number, { children: Paragraph[] }>; count: number };

function paragraphOf(paragraph: ExportParagraph, footnotes: Footnotes): Paragraph {
  const plain = paragraph.pieces
    .map((piece) => (piece.kind === "text" ? piece.text : piece.options.map((o) => o.text).join(" ")))
    .join("");
  const rtl = isRightToLeft(plain);
  const children: (TextRun | FootnoteReferenceRun)[] = [];
  if (paragraph.number && paragraph.kind !== "preambular")
    children.push(run(`${paragraph.number}\t`, rtl, { bold: paragraph.kind === "annex" }));
  let first = paragraph.kind === "preambular";
  for (const piece of paragraph.pieces) {
    if (piece.kind === "text") {
      if (first) {
        const [opening, rest] = openingSplit(piece.text, rtl);
        if (opening) children.push(run(opening, rtl, { italics: true }));
        children.push(run(rest, rtl));
        first = false;
      } else children.push(run(piece.text, rtl, { bold: paragraph.kind === "heading" }));
      continue;
    }
    first = false;
    piece.options.forEach((option, index) => {
      const note = ++footnotes.count;
      footnotes.notes[note] = {
        children: [new Paragraph({ bidirectional: rtl, children: [run(attribution(option), rtl)] })],
      };
      children.push(run(`${index > 0 ? " " : ""}[${option.isDelete ? "delete" : option.text}]`, rtl));
      children.push(new FootnoteReferenceRun(note));
    });
  }
  const operative = paragraph.kind === "operative" || paragraph.kind === "detail";
  return new Paragraph({
    bidirectional: rtl,
    alignment: paragraph.kind === "heading" ? AlignmentType.START : AlignmentType.BOTH,
    spacing: { after: 160 },
    indent: operative
      ? { start: 567, hanging: 567 }
      : paragraph.kind === "preambular"
        ? { firstLine: 567 }
        : {},
    tabStops: operative ? [{ type: "left", position: 567 }] : [],
    children,
  });
}

/** The text (a compilation, the clean text or one paragraph's options sheet) as a .docx file. */
export async function exportDocx(text: ExportText): Promise<Uint8Array> {
  const rtl = text.language === "ar" || isRightToLeft(text.title);
  const footnotes: Footnotes = { notes: {}, count: 0 };
  const body = text.paragraphs.map((paragraph) => paragraphOf(paragraph, footnotes));
  const document = new Document({
    title: text.title,
    creator: "Astana",
    description: text.subtitle,
    styles: { default: { document: { run: { font: fonts, size: 24 } } } },
    footnotes: footnotes.notes,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          new Paragraph({
            bidirectional: rtl,
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(text.title, rtl, { bold: true, size: 28 })],
          }),
          new Paragraph({
            bidirectional: rtl,
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [run(text.subtitle, false, { italics: true, size: 18 })],
          }),
          ...body,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
