// The text's pure rules: reading a pasted statement, numbering, and writing brackets out.
import { describe, expect, it } from "vitest";
import {
  numberParagraphs,
  renderPlainText,
  segmentsOf,
  splitPlainText,
} from "../../src/server/modules/texts/model.ts";
import { earlierStatement } from "./helpers.ts";

describe("splitPlainText", () => {
  it("reads a joint statement as a person would", () => {
    const paragraphs = splitPlainText(earlierStatement);
    expect(paragraphs.map((p) => p.kind)).toEqual([
      "heading",
      "heading",
      "preambular",
      "preambular",
      "preambular",
      "operative",
      "operative",
      "operative",
    ]);
    expect(paragraphs[5]?.body.startsWith("Reaffirmed their determination")).toBe(true);
  });

  it("joins a wrapped line, takes unnumbered imperative lines as operative, and Russian participles as preambular", () => {
    const paragraphs = splitPlainText(
      "Подтверждая приверженность суверенитету Сирии,\nРешили провести следующую встречу\nв Астане.\nAnnex\nList of participants.",
    );
    expect(paragraphs).toEqual([
      { kind: "preambular", body: "Подтверждая приверженность суверенитету Сирии," },
      { kind: "operative", body: "Решили провести следующую встречу в Астане." },
      { kind: "annex", body: "Annex" },
      { kind: "annex", body: "List of participants." },
    ]);
  });
});

describe("numbering and brackets", () => {
  it("numbers operative paragraphs only, whatever their ids", () => {
    const numbers = numberParagraphs([
      { id: "z", kind: "preambular" },
      { id: "a", kind: "operative" },
      { id: "m", kind: "heading" },
      { id: "b", kind: "operative" },
    ]);
    expect([...numbers.values()]).toEqual([null, "1.", null, "2."]);
  });

  it("cuts a body into runs and brackets and writes the options as diplomats do", () => {
    const bracket = {
      id: "b1",
      start: 10,
      end: 19,
      options: [
        { id: "o1", text: "in Geneva", isDelete: false, proposedBy: [], withdrawn: false },
        { id: "o2", text: "", isDelete: true, proposedBy: ["ir"], withdrawn: false },
        { id: "o3", text: "in Astana", isDelete: false, proposedBy: ["tr"], withdrawn: true },
      ],
    };
    expect(segmentsOf("Committee in Geneva.", [bracket]).map((s) => s.kind)).toEqual([
      "text",
      "bracket",
      "text",
    ]);
    const text = renderPlainText(
      "Title",
      [
        {
          id: "p",
          eId: "e",
          kind: "operative",
          orderKey: 1,
          body: "Committee in Geneva.",
          state: "bracketed",
          removed: false,
          brackets: [bracket],
        },
      ],
      (id) => ({ ir: "Iran", tr: "Türkiye" })[id] ?? id,
    );
    expect(text).toBe("Title\n\n1. Committee [Alt 1: in Geneva] [Alt 2: delete (Iran)].\n");
  });
});
