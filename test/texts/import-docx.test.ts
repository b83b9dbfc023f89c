// Importing a statement written in Word: split as a person would (en, ru, ar), previewed before it is
// saved, through the one audited create operation; bad files refused with nothing written.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, type Paragraph, type TextsCast, textsApi } from "./helpers.ts";
import { arabicStatement, englishStatement, russianStatement, statementDocx } from "./io-helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);
const base64 = (bytes: Buffer) => bytes.toString("base64");

describe("importing a .docx", () => {
  it("sets up round 23", async () => {
    cast = await buildTextsCast(app, fx);
  });

  it("previews the split of an English statement, saves nothing, then imports it audited", async () => {
    const docx = base64(await statementDocx(englishStatement));
    const before = await countRows(app, "text_documents");
    const preview = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts/import-preview`, {
      docx,
    });
    expect(preview.title).toBe("Joint Statement on the 21st International Meeting on Syria");
    expect(preview.paragraphs.map((p: { kind: string }) => p.kind)).toEqual([
      "heading",
      "preambular",
      "preambular",
      "operative",
      "operative",
      "operative",
    ]);
    expect(preview.paragraphs[3].body).toBe("Agreed to continue working together.");
    expect(preview.paragraphs[5].body).toBe("Expressed their gratitude to the host.");
    expect(await countRows(app, "text_documents")).toBe(before);

    const created = await call(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts/import-docx`, {
      kind: "joint_statement",
      docx,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().paragraphs).toBe(6);
    const view = await ok(cast.russia, "GET", `/texts/${created.json().id}`);
    expect(view.document.title).toBe("Joint Statement on the 21st International Meeting on Syria");
    expect(view.paragraphs.map((p: Paragraph) => p.number)).toEqual([null, null, null, "1.", "2.", "3."]);
    const audit = await app.database.db.execute(
      `select action, outcome from audit_log where subject_id = '${created.json().id}'`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { action: "texts.document.create", outcome: "ok" },
    ]);
  });

  it("splits a Russian statement: participles preambular, “1.” and “1)” operative", async () => {
    const preview = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts/import-preview`, {
      docx: base64(await statementDocx(russianStatement)),
    });
    expect(preview.title).toBe("Совместное заявление Ирана, России и Турции");
    expect(
      preview.paragraphs.map((p: { kind: string; body: string }) => [p.kind, p.body.slice(0, 12)]),
    ).toEqual([
      ["preambular", "Подтверждая "],
      ["preambular", "Приветствуя "],
      ["operative", "Подтвердили "],
      ["operative", "Постановили "],
    ]);
  });

  it("splits an Arabic statement: “إذ/وإذ” preambular, Arabic-Indic numbers operative, Latin numbers kept", async () => {
    const created = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts/import-docx`, {
      kind: "joint_statement",
      language: "ar",
      docx: base64(await statementDocx(arabicStatement, true)),
    });
    const view = await ok(cast.russia, "GET", `/texts/${created.id}`);
    expect(view.document).toMatchObject({ title: "بيان مشترك لإيران وروسيا وتركيا", language: "ar" });
    expect(view.paragraphs.map((p: Paragraph) => [p.kind, p.number])).toEqual([
      ["preambular", null],
      ["preambular", null],
      ["operative", "1."],
      ["operative", "2."],
    ]);
    expect(view.paragraphs[2].body).toBe("قررت عقد الاجتماع المقبل في أستانا عام 2025.");
  });

  it("refuses a file that is not a .docx, an empty document, a huge file and a party: 4xx, nothing written", async () => {
    const before = await countRows(app, "text_documents");
    const url = `/rounds/${cast.roundId}/texts/import-docx`;
    const renamed = await call(cast.as.secretariat, "POST", url, {
      kind: "joint_statement",
      docx: base64(Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")),
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.code).toBe("not_docx");
    const empty = await call(cast.as.secretariat, "POST", url, {
      kind: "joint_statement",
      docx: base64(await statementDocx([])),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("empty_document");
    const huge = await call(cast.as.secretariat, "POST", url, {
      kind: "joint_statement",
      docx: base64(Buffer.alloc(6 * 1024 * 1024, 7)),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");
    const notBase64 = await call(cast.as.secretariat, "POST", url, { kind: "joint_statement", docx: "@@@" });
    expect(notBase64.statusCode).toBe(400);
    const docx = base64(await statementDocx(englishStatement));
    const byParty = await call(cast.as.party, "POST", url, { kind: "joint_statement", docx });
    expect(byParty.statusCode).toBe(403);
    const previewByParty = await call(cast.as.party, "POST", `/rounds/${cast.roundId}/texts/import-preview`, {
      docx,
    });
    expect(previewByParty.statusCode).toBe(403);
    expect(await countRows(app, "text_documents")).toBe(before);
  });
});
