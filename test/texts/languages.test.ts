// Parallel languages as a delegate reads them: a Russian-authoritative statement with its English and
// Arabic translations aligned paragraph by paragraph; a translation older than its source is flagged.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, type TextsCast, textsApi } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);

const russianStatement = `Совместное заявление

Подтверждая свою приверженность суверенитету Сирийской Арабской Республики,

1. Подтвердили решимость продолжать совместную работу.
2. Решили провести следующую встречу в Астане.
`;

type Row = {
  paragraph: { id: string; eId: string; number: string | null; body: string; revisedInVersion: number };
  translation: {
    body: string;
    stale: boolean;
    sourceBody: string;
    translatedBy: { name: string } | null;
  } | null;
};

describe("parallel languages", () => {
  let documentId = "";
  let rows: Row[] = [];
  const view = (language: string, as: string | undefined = cast.russia) =>
    ok(as, "GET", `/texts/${documentId}/translations?language=${language}`);
  const translate = (as: string | undefined, row: Row | undefined, language: string, body: string) =>
    call(as, "POST", `/texts/${documentId}/paragraphs/${row?.paragraph.id}/translation`, {
      language,
      body,
      sourceVersion: row?.paragraph.revisedInVersion,
    });

  it("aligns English and Arabic translations with the Russian text by paragraph", async () => {
    cast = await buildTextsCast(app, fx);
    documentId = (
      await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
        kind: "joint_statement",
        title: "Совместное заявление",
        language: "ru",
        plainText: russianStatement,
      })
    ).id;
    const english = await view("en");
    expect(english).toMatchObject({
      authoritative: "ru",
      language: "en",
      languages: ["en", "ar"],
      missing: 4,
    });
    rows = english.rows;
    const first = rows.find((row) => row.paragraph.number === "1.");
    expect(
      (
        await translate(
          cast.as.secretariat,
          first,
          "en",
          "Reaffirmed their determination to continue working together.",
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await translate(cast.as.secretariat, first, "ar", "أكدوا عزمهم على مواصلة العمل المشترك.")).statusCode,
    ).toBe(200);
    const after = await view("en", cast.turkiye);
    const translated = after.rows.find((row: Row) => row.paragraph.number === "1.");
    expect(translated.translation).toMatchObject({
      body: "Reaffirmed their determination to continue working together.",
      stale: false,
      translatedBy: { name: "Kazakhstan" },
    });
    expect(after.missing).toBe(3);
    const arabic = await view("ar");
    expect(arabic.rows.find((row: Row) => row.paragraph.number === "1.").translation.body).toBe(
      "أكدوا عزمهم على مواصلة العمل المشترك.",
    );
    // Aligned by the paragraph's stable id in every language.
    expect(arabic.rows.map((row: Row) => row.paragraph.eId)).toEqual(
      after.rows.map((row: Row) => row.paragraph.eId),
    );
  });

  it("flags a translation stale once the Russian paragraph changes after it", async () => {
    const first = rows.find((row) => row.paragraph.number === "1.");
    const version = (await ok(cast.russia, "GET", `/texts/${documentId}`)).document.version;
    await ok(cast.as.secretariat, "PATCH", `/texts/${documentId}/paragraphs/${first?.paragraph.id}`, {
      baseVersion: version,
      body: "Подтвердили твёрдую решимость продолжать совместную работу.",
    });
    const english = await view("en");
    const row = english.rows.find((r: Row) => r.paragraph.number === "1.");
    expect(row.translation.stale).toBe(true);
    expect(row.translation.sourceBody).toBe("Подтвердили решимость продолжать совместную работу.");
    expect(english.stale).toBe(1);
    // A translation made from the old wording is refused, with the current wording.
    const late = await translate(cast.as.secretariat, first, "en", "Old.");
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.current.body).toContain("твёрдую");
    const fresh = await translate(
      cast.as.secretariat,
      row,
      "en",
      "Reaffirmed their firm determination to continue working together.",
    );
    expect(fresh.statusCode).toBe(200);
    expect((await view("en")).stale).toBe(0);
  });

  it("lets only the pen-holder or the secretariat translate; refuses the authoritative language", async () => {
    const second = rows.find((row) => row.paragraph.number === "2.");
    expect((await translate(cast.russia, second, "en", "Decided.")).statusCode).toBe(403);
    const same = await translate(cast.as.secretariat, second, "ru", "Решили.");
    expect(same.statusCode).toBe(422);
    expect(same.json().error.message).toContain("authoritative");
    const unknown = await translate(cast.as.secretariat, second, "de", "Beschlossen.");
    expect(unknown.statusCode).toBe(400);
    const audit = await app.deps.db.execute(
      `select count(*)::int as n from audit_log where subject_id = '${documentId}' and action = 'texts.translation.set' and outcome = 'ok'`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(3);
  });

  it("keeps a draft's translations from a party, an observer and the public", async () => {
    for (const who of [cast.as.party, cast.as.observer, undefined]) {
      const response = await call(who, "GET", `/texts/${documentId}/translations?language=en`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("determination");
    }
  });
});
