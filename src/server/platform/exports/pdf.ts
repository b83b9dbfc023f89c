// PDF for any module's export: paragraphs of styled runs laid out line by line with the fonts bundled
// from npm (Noto Sans for Latin and Cyrillic, Noto Sans Arabic), so every language renders offline.
// Right-to-left text is ordered with the Unicode bidirectional algorithm (bidi-js) and shaped by
// fontkit (pdfkit's engine), so Arabic with Latin numbers reads as it should.
import { createRequire } from "node:module";
import bidiModule from "bidi-js";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
// bidi-js is CommonJS: Node hands its factory over as the default import; its types describe it as an ES module.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

type Face = "regular" | "italic" | "bold";
type Script = "latin" | "latinExt" | "cyrillic" | "arabic";

const fontFile = (pkg: string, file: string) => require.resolve(`@fontsource/${pkg}/files/${file}`);
/** The bundled faces: Arabic has no italic, so its italic is the regular face. */
const fonts: Record<Script, Record<Face, string>> = {
  latin: {
    regular: fontFile("noto-sans", "noto-sans-latin-400-normal.woff"),
    italic: fontFile("noto-sans", "noto-sans-latin-400-italic.woff"),
    bold: fontFile("noto-sans", "noto-sans-latin-700-normal.woff"),
  },
  latinExt: {
    regular: fontFile("noto-sans", "noto-sans-latin-ext-400-normal.woff"),
    italic: fontFile("noto-sans", "noto-sans-latin-ext-400-italic.woff"),
    bold: fontFile("noto-sans", "noto-sans-latin-ext-700-normal.woff"),
  },
  cyrillic: {
    regular: fontFile("noto-sans", "noto-sans-cyrillic-400-normal.woff"),
    italic: fontFile("noto-sans", "noto-sans-cyrillic-400-italic.woff"),
    bold: fontFile("noto-sans", "noto-sans-cyrillic-700-normal.woff"),
  },
  arabic: {
    regular: fontFile("noto-sans-arabic", "noto-sans-arabic-arabic-400-normal.woff"),
    italic: fontFile("noto-sans-arabic", "noto-sans-arabic-arabic-400-normal.woff"),
    bold: fontFile("noto-sans-arabic", "noto-sans-arabic-arabic-700-normal.woff"),
  },
};

export type PdfRun = { text: string; italic?: boolean; bold?: boolean; small?: boolean };
export type PdfBlock = { runs: PdfRun[]; align?: "start" | "center"; size?: number; spaceAfter?: number };
export type PdfInput = { title: string; language: string; blocks: PdfBlock[] };

/** Which bundled font draws a character: Arabic letters and digits, Cyrillic, extended Latin, else Latin. */
function scriptOf(char: string): Script {
  const code = char.codePointAt(0) ?? 0;
  if (
    (code >= 0x0600 && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff)
  )
    return "arabic";
  if (code >= 0x0400 && code <= 0x052f) return "cyrillic";
  if ((code >= 0x0100 && code <= 0x024f) || (code >= 0x1e00 && code <= 0x1eff)) return "latinExt";
  return "latin";
}

const mirrored: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "<": ">",
  ">": "<",
  "«": "»",
  "»": "«",
};

/** Whether a paragraph reads right to left: its first strong character is Arabic or Hebrew. */
export function isRightToLeft(text: string): boolean {
  const strong = text.match(/[\p{L}]/u)?.[0];
  return strong !== undefined && /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(strong);
}

type Char = { char: string; run: number; script: Script; level: number };
type Atom = { text: string; font: string; size: number };

const fontName = (script: Script, face: Face) => `${script}-${face}`;
const faceOf = (run: PdfRun): Face => (run.bold ? "bold" : run.italic ? "italic" : "regular");

/**
 * Renders paragraphs to a PDF (A4, 2 cm margins, page numbers): each paragraph's runs are broken into
 * lines at spaces by their measured widths, each line put in visual order by the bidirectional
 * algorithm, each stretch of one font and direction drawn on its own (Arabic handed to fontkit in
 * logical order, so it is shaped and reversed there). A right-to-left paragraph is aligned right.
 */
export async function renderPdf(input: PdfInput): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    bufferPages: true,
    info: { Title: input.title, Creator: "Astana" },
    lang: input.language,
    displayTitle: true,
  });
  for (const [script, faces] of Object.entries(fonts))
    for (const [face, file] of Object.entries(faces))
      doc.registerFont(fontName(script as Script, face as Face), file);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = doc.page.margins.top;

  // fontkit lays a string out on every measurement: each distinct stretch is measured once.
  const widths = new Map<string, number>();
  const measure = (atom: Atom) => {
    const key = `${atom.font}\u0000${atom.size}\u0000${atom.text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = doc.font(atom.font).fontSize(atom.size).widthOfString(atom.text);
      widths.set(key, width);
    }
    return width;
  };

  for (const block of input.blocks) {
    const baseSize = block.size ?? 11;
    const chars: Char[] = [];
    block.runs.forEach((run, index) => {
      for (const char of run.text.replace(/\s+/g, " "))
        chars.push({ char, run: index, script: scriptOf(char), level: 0 });
    });
    if (chars.length === 0) continue;
    const text = chars.map((c) => c.char).join("");
    const rtl = isRightToLeft(text);
    const levels = bidi.getEmbeddingLevels(text, rtl ? "rtl" : "ltr");
    // bidi-js indexes UTF-16 code units; map each character to its first unit.
    let unit = 0;
    for (const c of chars) {
      c.level = levels.levels[unit] ?? 0;
      unit += c.char.length;
    }
    const sizeOf = (c: Char) => (block.runs[c.run]?.small ? 0.8 : 1) * baseSize;
    const fontOf = (c: Char) => fontName(c.script, faceOf(block.runs[c.run] ?? { text: "" }));
    const widthOf = (from: number, to: number) => {
      let total = 0;
      let start = from;
      for (let i = from + 1; i <= to; i++) {
        const a = chars[start] as Char;
        const b = chars[i];
        if (i === to || !b || fontOf(a) !== fontOf(b) || sizeOf(a) !== sizeOf(b)) {
          const slice = chars
            .slice(start, i)
            .map((c) => c.char)
            .join("");
          total += measure({ text: slice, font: fontOf(a), size: sizeOf(a) });
          start = i;
        }
      }
      return total;
    };
    // Greedy line breaking at spaces, in logical order: each word measured once.
    const lines: [number, number][] = [];
    let lineStart = 0;
    let lineWidth = 0;
    let wordStart = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length && chars[i]?.char !== " ") continue;
      const word = widthOf(wordStart, i);
      const space = wordStart > lineStart ? widthOf(wordStart - 1, wordStart) : 0;
      if (lineWidth + space + word > width && wordStart > lineStart) {
        lines.push([lineStart, wordStart - 1]);
        lineStart = wordStart;
        lineWidth = word;
      } else lineWidth += space + word;
      wordStart = i + 1;
    }
    lines.push([lineStart, chars.length]);
    const lineHeight = baseSize * 1.45;
    const unitOf: number[] = [];
    let u = 0;
    for (const c of chars) {
      unitOf.push(u);
      u += c.char.length;
    }
    for (const [from, to] of lines) {
      if (y + lineHeight > bottom()) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      // Visual order: reverse the bidi algorithm's segments (in code units) over this line.
      const order = Array.from({ length: to - from }, (_, k) => from + k);
      const lineUnitEnd = to < chars.length ? (unitOf[to] as number) - 1 : u - 1;
      for (const [segStart = 0, segEnd = -1] of bidi.getReorderSegments(
        text,
        levels,
        unitOf[from],
        lineUnitEnd,
      )) {
        const i = order.findIndex((index) => (unitOf[index] as number) >= segStart);
        let j = order.length - 1;
        while (j >= 0 && (unitOf[order[j] as number] as number) > segEnd) j--;
        if (i >= 0 && j > i) order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
      }
      const atoms: Atom[] = [];
      let group: Char[] = [];
      const flush = () => {
        const first = group[0];
        if (!first) return;
        let visual = group.map((c) => (c.level % 2 === 1 ? (mirrored[c.char] ?? c.char) : c.char));
        // fontkit lays Arabic-script text out right to left itself: give it the reverse of what should show.
        if (first.script === "arabic" && /\p{Script=Arabic}/u.test(visual.join("")))
          visual = visual.reverse();
        atoms.push({ text: visual.join(""), font: fontOf(first), size: sizeOf(first) });
        group = [];
      };
      for (const index of order) {
        const c = chars[index] as Char;
        const previous = group.at(-1);
        if (
          previous &&
          (fontOf(previous) !== fontOf(c) || sizeOf(previous) !== sizeOf(c) || previous.level !== c.level)
        )
          flush();
        group.push(c);
      }
      flush();
      const lineWidth = atoms.reduce((sum, atom) => sum + measure(atom), 0);
      let x =
        block.align === "center" ? left + (width - lineWidth) / 2 : rtl ? left + width - lineWidth : left;
      for (const atom of atoms) {
        doc
          .font(atom.font)
          .fontSize(atom.size)
          .text(atom.text, x, y + (baseSize - atom.size) * 0.8, { lineBreak: false });
        x += measure(atom);
      }
      y += lineHeight;
    }
    y += block.spaceAfter ?? baseSize * 0.6;
  }
  const pages = doc.bufferedPageRange();
  for (let page = pages.start; page < pages.start + pages.count; page++) {
    doc.switchToPage(page);
    // Writing inside the bottom margin would start a new page: the footer lifts it for a moment.
    doc.page.margins.bottom = 0;
    doc
      .font(fontName("latin", "regular"))
      .fontSize(8)
      .text(`${page + 1} / ${pages.count}`, left, doc.page.height - 36, {
        width,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
