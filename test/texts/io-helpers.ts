// For the texts' import and export tests: statements written as Word documents (with the `docx`
// package, as a diplomat's Word would save them) and a look inside a .docx's XML.
import { inflateRawSync } from "node:zlib";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";

type Line = { text: string; numbered?: boolean; title?: boolean; italic?: boolean };

/** A .docx of the lines: a Title-styled title, Word-numbered paragraphs where asked, right to left for Arabic. */
export async function statementDocx(lines: Line[], rtl = false): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "operative",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: lines.map(
          (line) =>
            new Paragraph({
              bidirectional: rtl,
              ...(line.title ? { heading: "Title" as const } : {}),
              ...(line.numbered ? { numbering: { reference: "operative", level: 0 } } : {}),
              children: [new TextRun({ text: line.text, italics: line.italic, rightToLeft: rtl })],
            }),
        ),
      },
    ],
  });
  return Packer.toBuffer(document);
}

export const englishStatement: Line[] = [
  { text: "Joint Statement on the 21st International Meeting on Syria", title: true },
  { text: "The guarantors of the Astana format:" },
  {
    text: "Reaffirming their strong commitment to the sovereignty of the Syrian Arab Republic,",
    italic: true,
  },
  { text: "Recalling UN Security Council resolution 2254,", italic: true },
  { text: "Agreed to continue working together.", numbered: true },
  { text: "Decided to hold the next meeting in Astana.", numbered: true },
  { text: "3) Expressed their gratitude to the host." },
];

export const russianStatement: Line[] = [
  { text: "Совместное заявление Ирана, России и Турции", title: true },
  { text: "Подтверждая приверженность суверенитету Сирийской Арабской Республики," },
  { text: "Приветствуя участие делегаций Иордании, Ливана и Ирака," },
  { text: "1. Подтвердили решимость продолжать совместную работу." },
  { text: "2) Постановили провести следующую встречу в Астане." },
];

export const arabicStatement: Line[] = [
  { text: "بيان مشترك لإيران وروسيا وتركيا", title: true },
  { text: "إذ تؤكد التزامها القوي بسيادة الجمهورية العربية السورية،" },
  { text: "وإذ تشير إلى قرار مجلس الأمن 2254،" },
  { text: "١. قررت عقد الاجتماع المقبل في أستانا عام 2025." },
  { text: "٢. أعربت عن امتنانها للبلد المضيف." },
];

/** The text of one file inside a ZIP (a .docx part such as `word/document.xml`), read from its central directory. */
export function zipPart(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(data, data + size);
      return (method === 8 ? inflateRawSync(raw) : raw).toString("utf8");
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the file`);
}
