// The redline a delegate reads between two versions of a draft: words inserted and deleted within a
// paragraph, paragraphs added, removed and moved, found by their stable eId; Russian and Arabic words
// compared as words; and nothing of it for a party, an observer or the public.
import { describe, expect, it } from "vitest";
import { diffWordings } from "../../src/server/modules/texts/redline.ts";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement, type Paragraph, type TextsCast, textsApi } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);

type Part = { kind: "equal" | "insert" | "delete"; text: string };
type RedlineParagraph = {
  eId: string;
  change: string;
  moved: boolean;
  numberBefore: string | null;
  numberAfter: string | null;
  parts: Part[];
};
const inserted = (p: RedlineParagraph | undefined) =>
  (p?.parts ?? []).filter((part) => part.kind === "insert").map((part) => part.text.trim());
const deleted = (p: RedlineParagraph | undefined) =>
  (p?.parts ?? []).filter((part) => part.kind === "delete").map((part) => part.text.trim());

describe("word-level comparison", () => {
  it("cuts Russian and Arabic into words and keeps punctuation", () => {
    const ru = diffWordings(
      "Подтвердили решимость продолжать совместную работу.",
      "Подтвердили твёрдую решимость продолжать работу.",
      "ru",
    );
    expect(ru.filter((p) => p.kind === "insert").map((p) => p.text.trim())).toEqual(["твёрдую"]);
    expect(ru.filter((p) => p.kind === "delete").map((p) => p.text.trim())).toEqual(["совместную"]);
    const ar = diffWordings(
      "أكدوا التزامهم بسيادة سوريا.",
      "أكدوا التزامهم القوي بسيادة سوريا ووحدتها.",
      "ar",
    );
    expect(ar.filter((p) => p.kind === "insert").map((p) => p.text.trim())).toEqual(["القوي", "ووحدتها"]);
    // Every wording comes back whole: the parts without insertions give the earlier one.
    expect(
      ar
        .filter((p) => p.kind !== "insert")
        .map((p) => p.text)
        .join(""),
    ).toBe("أكدوا التزامهم بسيادة سوريا.");
    const en = diffWordings("in 2025.", "in 2025, in Astana.", "en");
    expect(en.filter((p) => p.kind === "insert").map((p) => p.text)).toEqual([", in Astana"]);
  });
});

describe("redline between two versions of a draft", () => {
  let documentId = "";
  let paragraphs: Paragraph[] = [];

  it("compares version 1 with the text after an edit, an insertion, a removal and a move", async () => {
    cast = await buildTextsCast(app, fx);
    const created = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "Redline",
      plainText: earlierStatement,
    });
    documentId = created.id;
    paragraphs = (await ok(cast.russia, "GET", `/texts/${documentId}`)).paragraphs;
    const [op1, op2, op3] = paragraphs.filter((p) => p.kind === "operative");
    const preambular = paragraphs.filter((p) => p.kind === "preambular");
    const pen = cast.as.secretariat;
    await ok(pen, "PATCH", `/texts/${documentId}/paragraphs/${op3?.id}`, {
      baseVersion: 1,
      body: "Decided to hold the next International Meeting on Syria in the Astana format in Astana in the second half of 2025.",
    });
    await ok(pen, "POST", `/texts/${documentId}/paragraphs`, {
      baseVersion: 2,
      kind: "operative",
      body: "Welcomed the release of detainees.",
      afterParagraphId: op1?.id,
    });
    await ok(pen, "POST", `/texts/${documentId}/paragraphs/${preambular[1]?.id}/remove`, { baseVersion: 3 });
    await ok(pen, "POST", `/texts/${documentId}/paragraphs/${op2?.id}/move`, {
      baseVersion: 4,
      afterParagraphId: op3?.id,
    });

    const redline = await ok(cast.turkiye, "GET", `/texts/${documentId}/redline?from=1&to=current`);
    expect(redline.from.version).toBe(1);
    expect(redline.to.version).toBe(5);
    const byEId = new Map<string, RedlineParagraph>(
      redline.paragraphs.map((p: RedlineParagraph) => [p.eId, p]),
    );
    const eIdOf = (id: string | undefined) =>
      (paragraphs.find((p) => p.id === id) as { eId?: string })?.eId ?? "";

    const edited = byEId.get(eIdOf(op3?.id));
    expect(edited?.change).toBe("changed");
    expect(inserted(edited).join(" ").split(" ").sort()).toEqual(["Astana", "in"]);
    expect(deleted(edited)).toEqual([]);
    expect(edited?.numberBefore).toBe("3.");

    const added = redline.paragraphs.find((p: RedlineParagraph) => p.change === "added");
    expect(inserted(added)).toEqual(["Welcomed the release of detainees."]);
    expect(added.numberAfter).toBe("2.");

    const removed = byEId.get(eIdOf(preambular[1]?.id));
    expect(removed?.change).toBe("removed");
    expect(deleted(removed)).toEqual(["Recalling UN Security Council resolution 2254,"]);
    // A removed paragraph stays where it stood: after the one that preceded it.
    const order = redline.paragraphs.map((p: RedlineParagraph) => p.eId);
    expect(order.indexOf(eIdOf(preambular[1]?.id))).toBe(order.indexOf(eIdOf(preambular[0]?.id)) + 1);

    const moved = byEId.get(eIdOf(op2?.id));
    expect(moved).toMatchObject({ change: "unchanged", moved: true, numberBefore: "2.", numberAfter: "4." });
    expect(byEId.get(eIdOf(op1?.id))).toMatchObject({ change: "unchanged", moved: false });
    expect(redline.summary).toMatchObject({ added: 1, removed: 1, changed: 1, moved: 1 });
    expect(redline.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it("compares two versions in the middle, and two moments", async () => {
    const two = await ok(cast.russia, "GET", `/texts/${documentId}/redline?from=2&to=3`);
    expect(two.summary).toMatchObject({ added: 1, removed: 0, changed: 0 });
    const versions = (await ok(cast.russia, "GET", `/texts/${documentId}/redline?from=1`)).versions;
    const atTwo = versions.find((v: { version: number }) => v.version === 2).at;
    const now = new Date(Date.now() + 1000).toISOString();
    const moments = await ok(
      cast.russia,
      "GET",
      `/texts/${documentId}/redline?from=${encodeURIComponent(atTwo)}&to=${encodeURIComponent(now)}`,
    );
    expect(moments.from.version).toBe(2);
    expect(moments.summary).toMatchObject({ added: 1, removed: 1, changed: 0, moved: 1 });
  });

  it("shows a bracket's options as inserted words once the pen-holder brackets a proposal", async () => {
    const current = (await ok(cast.russia, "GET", `/texts/${documentId}`)) as {
      document: { version: number };
      paragraphs: Paragraph[];
    };
    const target = current.paragraphs.find((p) => p.body.startsWith("Welcomed"));
    const proposal = await ok(cast.russia, "POST", `/texts/${documentId}/proposals`, {
      baseVersion: current.document.version,
      kind: "replace",
      paragraphId: target?.id,
      start: 0,
      end: 8,
      text: "Commended",
    });
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/proposals/${proposal.id}/decide`, {
      baseVersion: current.document.version,
      decision: "bracket",
    });
    const redline = await ok(
      cast.iran,
      "GET",
      `/texts/${documentId}/redline?from=${current.document.version}`,
    );
    const changed = redline.paragraphs.find((p: RedlineParagraph) => p.change === "changed");
    expect(inserted(changed).join(" ")).toContain("Commended (Russia)");
  });

  it("refuses a version the text never had, in words", async () => {
    const response = await call(cast.russia, "GET", `/texts/${documentId}/redline?from=99`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain("no version 99");
    const adopted = await call(cast.russia, "GET", `/texts/${documentId}/redline?from=adopted`);
    expect(adopted.statusCode).toBe(422);
    const garbage = await call(cast.russia, "GET", `/texts/${documentId}/redline?from=yesterday`);
    expect(garbage.statusCode).toBe(400);
  });

  it("compares with the frozen adopted text", async () => {
    const small = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "Adopted",
      plainText: "1. Agreed to meet again.",
    });
    const refused = await call(cast.russia, "GET", `/texts/${small.id}/redline?from=adopted`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain("not been adopted");
    for (const who of [cast.russia, cast.turkiye, cast.iran])
      await ok(who, "POST", `/texts/${small.id}/approve`, { baseVersion: 1 });
    await ok(cast.as.secretariat, "POST", `/texts/${small.id}/adopt`, { baseVersion: 1 });
    const redline = await ok(cast.russia, "GET", `/texts/${small.id}/redline?from=adopted&to=current`);
    expect(redline.from).toMatchObject({ point: "adopted", version: 1 });
    expect(redline.summary).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 1 });
    expect(redline.versions).toEqual([expect.objectContaining({ version: 1, frozen: true })]);
  });

  it("is the draft's: the secretariat reads it, a party, an observer and the public get 404", async () => {
    expect((await call(cast.as.secretariat, "GET", `/texts/${documentId}/redline?from=1`)).statusCode).toBe(
      200,
    );
    for (const who of [cast.as.party, cast.as.observer, undefined]) {
      const response = await call(who, "GET", `/texts/${documentId}/redline?from=1`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("detainees");
    }
  });
});
