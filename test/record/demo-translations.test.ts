// Every translation of the demonstration record attaches to a text the data file really has: a key
// that no text matches (a typo, or data that changed) would silently translate nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  nextRoundWordings,
  roleChangeStatements,
} from "../../src/server/modules/core/demo/next-round-translations.ts";
import { outcomeTexts } from "../../src/server/modules/record/demo/outcome-translations.ts";

type Fact = { text: string };
type Entry = {
  record_type?: string;
  key_outcomes?: Fact[];
  next_round_decision?: { text: string } | null;
  facts?: Fact[];
};
const data = JSON.parse(readFileSync("src/data/astana-record.json", "utf8")) as Entry[];

describe("the demonstration record's translations", () => {
  it("each translate a text of the data, in both languages, in their own scripts", () => {
    const outcomes = new Set(data.flatMap((entry) => (entry.key_outcomes ?? []).map((fact) => fact.text)));
    const wordings = new Set(
      data.flatMap((entry) => (entry.next_round_decision ? [entry.next_round_decision.text] : [])),
    );
    const statements = new Set(
      data
        .filter((entry) => entry.record_type === "us_observer_status")
        .map((entry) => (entry.facts ?? []).map((fact) => fact.text).join(" ")),
    );
    const check = (translations: Record<string, { ru: string; ar: string }>, texts: Set<string>) => {
      expect(Object.keys(translations).length).toBeGreaterThan(5);
      for (const [english, versions] of Object.entries(translations)) {
        expect(texts.has(english), english).toBe(true);
        expect(versions.ru, english).toMatch(/[А-Яа-яЁё]/);
        expect(versions.ar, english).toMatch(/[\u0600-\u06ff]/);
        // A number in the English (a date, a year, a count) is in both translations too; ordinals
        // ("10th") are words in Arabic, so they are checked in Russian only.
        for (const number of english.match(/\d+(?!\d|st|nd|rd|th)/g) ?? []) {
          expect(versions.ru, `${english} (ru)`).toContain(number);
          expect(versions.ar, `${english} (ar)`).toContain(number);
        }
        for (const ordinal of english.match(/\d+(?=st|nd|rd|th)/g) ?? [])
          expect(versions.ru, `${english} (ru)`).toContain(ordinal);
      }
    };
    check(outcomeTexts, outcomes);
    check(nextRoundWordings, wordings);
    check(roleChangeStatements, statements);
  });
});
