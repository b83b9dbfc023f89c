// Exporting a negotiated text as Word, PDF and plain text: brackets as diplomats write them with their
// attributions, the clean text, one paragraph's options, Arabic right to left; tier-filtered as the views.
import { DOMParser } from "@xmldom/xmldom";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import {
  buildTextsCast,
  earlierStatement,
  firstBracketOf,
  type Paragraph,
  type TextsCast,
  textsApi,
} from "./helpers.ts";
import { zipPart } from "./io-helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);

const download = async (as: string | undefined, url: string) => {
  const response = await app.request({ method: "GET", url: `/api${url}`, as });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return { body: response.rawPayload, headers: response.headers };
};
const html = async (docx: Buffer) => (await mammoth.convertToHtml({ buffer: docx })).value;

describe("exporting a text", () => {
  let documentId = "";
  let operative: Paragraph;

  it("builds a draft with a bracket of two attributed options and positions on them", async () => {
    cast = await buildTextsCast(app, fx);
    documentId = (
      await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
        kind: "joint_statement",
        title: "Joint Statement of round 23",
        plainText: earlierStatement,
      })
    ).id;
    const paragraphs: Paragraph[] = (await ok(cast.russia, "GET", `/texts/${documentId}`)).paragraphs;
    operative = paragraphs.find((p) => p.number === "2.") as Paragraph;
    const span = "in Geneva";
    const start = operative.body.indexOf(span);
    const proposal = (as: string, text: string) =>
      ok(as, "POST", `/texts/${documentId}/proposals`, {
        baseVersion: 1,
        kind: "replace",
        paragraphId: operative.id,
        start,
        end: start + span.length,
        text,
      });
    const russian = await proposal(cast.russia, "in Geneva and called for its early resumption");
    const turkish = await proposal(cast.turkiye, "under UN auspices");
    let version = 1;
    for (const id of [russian.id, turkish.id])
      version = (
        await ok(cast.as.secretariat, "POST", `/texts/${documentId}/proposals/${id}/decide`, {
          baseVersion: version,
          decision: "bracket",
        })
      ).version;
    const bracket = firstBracketOf(
      (await ok(cast.russia, "GET", `/texts/${documentId}`)).paragraphs.find(
        (p: Paragraph) => p.id === operative.id,
      ),
    );
    const [, optionB] = bracket.options;
    await ok(cast.iran, "POST", `/texts/${documentId}/positions`, {
      baseVersion: version,
      optionId: optionB?.id,
      stance: "objects",
    });
    expect(bracket.options.map((o) => o.label)).toEqual(["A", "B", "C"]);
  });

  it("exports the compilation as Word: numbered, brackets written out, attributions in footnotes", async () => {
    const { body, headers } = await download(cast.russia, `/texts/${documentId}/export?format=docx`);
    expect(headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(headers["content-disposition"]).toMatch(
      /^attachment; filename="joint-statement-of-round-23-v\d+\.docx"/,
    );
    const text = await html(body);
    expect(text).toContain("<strong>Joint Statement of round 23</strong>");
    expect(text).toContain("2.\tEmphasized the importance of the Constitutional Committee [in Geneva]");
    expect(text).toContain("[in Geneva and called for its early resumption]");
    expect(text).toContain("[under UN auspices]");
    expect(text).toContain("Alt B: proposed by Russia; Iran objects.");
    expect(text).toContain("Alt C: proposed by Türkiye.");
    expect(text).toContain("<em>Reaffirming</em> their strong commitment");
    const document = zipPart(body, "word/document.xml");
    expect(document).toContain('w:footnoteReference w:id="1"');
    expect(zipPart(body, "word/footnotes.xml")).toContain("Alt A: the draft");
  });

  it("exports the clean text (agreed paragraphs only) and one paragraph's options", async () => {
    const paragraphs: Paragraph[] = (await ok(cast.russia, "GET", `/texts/${documentId}`)).paragraphs;
    const version = (await ok(cast.russia, "GET", `/texts/${documentId}`)).document.version;
    const first = paragraphs.find((p) => p.number === "1.") as Paragraph;
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/paragraphs/${first.id}/state`, {
      baseVersion: version,
      state: "agreed",
    });
    const clean = await html(
      (await download(cast.russia, `/texts/${documentId}/export?format=docx&view=clean`)).body,
    );
    expect(clean).toContain("1.\tReaffirmed their determination");
    expect(clean).not.toContain("Emphasized");
    const txt = (
      await download(cast.russia, `/texts/${documentId}/export?format=txt&view=clean`)
    ).body.toString();
    expect(txt).toContain("1. Reaffirmed their determination");
    const sheet = await html(
      (await download(cast.iran, `/texts/${documentId}/paragraphs/${operative.id}/export?format=docx`)).body,
    );
    expect(sheet).toContain("C.\tunder UN auspices — Alt C: proposed by Türkiye.");
    expect(sheet).toContain(
      "B.\tin Geneva and called for its early resumption — Alt B: proposed by Russia; Iran objects.",
    );
    const plain = (await download(cast.iran, `/texts/${documentId}/export`)).body.toString();
    expect(plain).toContain("[Alt 2: in Geneva and called for its early resumption (Russia)]");
  });

  it("exports PDF with the bundled fonts embedded, Arabic among them", async () => {
    const { body, headers } = await download(cast.russia, `/texts/${documentId}/export?format=pdf`);
    expect(headers["content-type"]).toBe("application/pdf");
    const pdf = body.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(pdf).toContain("/FontFile2");
    expect(body.length).toBeGreaterThan(5_000);
    expect(body.length).toBeLessThan(400_000);

    const arabic = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      language: "ar",
      title: "بيان مشترك",
      plainText: "إذ تؤكد التزامها القوي بسيادة سوريا،\n١. قررت عقد الاجتماع المقبل في أستانا عام 2025.",
    });
    const arabicPdf = (await download(cast.russia, `/texts/${arabic.id}/export?format=pdf`)).body.toString(
      "latin1",
    );
    expect(arabicPdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic/);
    const docx = (await download(cast.russia, `/texts/${arabic.id}/export?format=docx`)).body;
    const xml = zipPart(docx, "word/document.xml");
    expect(xml).toContain("<w:bidi/>");
    expect(xml).toContain("<w:rtl/>");
    // The Arabic-capable font is the document's default for complex scripts.
    expect(zipPart(docx, "word/styles.xml")).toContain('w:cs="Noto Sans Arabic"');
    const parsed = new DOMParser().parseFromString(xml, "text/xml");
    const bidiParagraphs = Array.from(parsed.getElementsByTagName("w:p")).filter(
      (p) => p.getElementsByTagName("w:bidi").length > 0,
    );
    expect(bidiParagraphs.length).toBeGreaterThanOrEqual(4);
    const read = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(read).toContain("1.\tقررت عقد الاجتماع المقبل في أستانا عام 2025.");
  });

  it("answers 404 to a delegation outside the draft's tier and the public, in every format", async () => {
    for (const who of [cast.as.observer, cast.as.party, undefined])
      for (const query of ["format=docx", "format=pdf", "format=txt&view=clean", "format=akn"]) {
        const response = await call(who, "GET", `/texts/${documentId}/export?${query}`);
        expect(response.statusCode, `${query}: ${response.body}`).toBe(404);
      }
    const sheet = await call(
      cast.as.observer,
      "GET",
      `/texts/${documentId}/paragraphs/${operative.id}/export?format=docx`,
    );
    expect(sheet.statusCode).toBe(404);
    expect((await call(cast.russia, "GET", `/texts/${documentId}/export?format=odt`)).statusCode).toBe(400);
    expect((await call(cast.russia, "GET", `/texts/${documentId}/export?format=akn`)).json().error.code).toBe(
      "not_adopted",
    );
  });
});
