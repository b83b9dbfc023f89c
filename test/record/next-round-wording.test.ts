import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNextRoundWording } from "../../src/server/modules/core/demo/next-round-wording.ts";

describe("reading a next-round decision", () => {
  it.each([
    ["22nd meeting in Astana in second half of 2024", "Astana", "2024-07-01", "2024-12-31"],
    ["21st meeting in second half of 2023 (held January 2024)", null, "2023-07-01", "2023-12-31"],
    [
      "Next round announced for the last week of August 2017 (it was later pushed to mid-September)",
      null,
      "2017-08-25",
      "2017-08-31",
    ],
    ["Next high-level meeting in Astana in late October 2017", "Astana", "2017-10-21", "2017-10-31"],
    [
      "Next high-level meeting in Astana in the second half of December 2017",
      "Astana",
      "2017-12-16",
      "2017-12-31",
    ],
    [
      "Astana-9 announced for mid/second half of February 2018 (it did not take place then)",
      null,
      "2018-02-11",
      "2018-02-28",
    ],
    ["10th meeting: Sochi, July 2018", "Sochi", "2018-07-01", "2018-07-31"],
    ["12th high-level meeting decided for February (2019) in Astana", "Astana", "2019-02-01", "2019-02-28"],
    [
      "Next meeting in Nur-Sultan in October 2019 (actually held 10-11 December)",
      "Nur-Sultan",
      "2019-10-01",
      "2019-10-31",
    ],
    [
      "The next (15th) meeting was scheduled for March 2020 in Nur-Sultan but was repeatedly delayed by the COVID-19 pandemic",
      "Nur-Sultan",
      "2020-03-01",
      "2020-03-31",
    ],
    ["Next round announced for 3-4 May (2017)", null, "2017-05-03", "2017-05-04"],
    ["17th meeting in Nur-Sultan before end of 2021", "Nur-Sultan", null, "2021-12-31"],
    ["announced the 21st meeting for 24-25 Jan 2024", null, "2024-01-24", "2024-01-25"],
    ["first half of 2020", null, "2020-01-01", "2020-06-30"],
    ["early March 2019", null, "2019-03-01", "2019-03-10"],
    ["mid-September 2017", null, "2017-09-11", "2017-09-20"],
    ["on 12 February 2020 in Sochi", "Sochi", "2020-02-12", "2020-02-12"],
  ])("%s", (wording, city, start, end) => {
    expect(parseNextRoundWording(wording)).toEqual({ city, window: { start, end } });
  });

  it("places a month named without a year after the deciding round", () => {
    expect(
      parseNextRoundWording("Guarantors agreed to meet in November, location unspecified", "2018-07-31"),
    ).toEqual({ city: null, window: { start: "2018-11-01", end: "2018-11-30" } });
    expect(parseNextRoundWording("in February", "2018-11-29").window).toEqual({
      start: "2019-02-01",
      end: "2019-02-28",
    });
  });

  it("gives no window for what it cannot read, and none for a month without a year or a reference", () => {
    expect(parseNextRoundWording("at a mutually convenient time")).toEqual({ city: null, window: null });
    expect(parseNextRoundWording("in November")).toEqual({ city: null, window: null });
  });

  it("does not read a decision about the UN-led Geneva talks as the next round", () => {
    expect(parseNextRoundWording("UN-led Geneva talks were scheduled for 23 February 2017")).toEqual({
      city: null,
      window: null,
    });
  });

  it("reads a window from every next-round wording in the record except the Geneva one", () => {
    const records = JSON.parse(
      readFileSync(new URL("../../src/data/astana-record.json", import.meta.url), "utf8"),
    ) as {
      record_type: string;
      number: number;
      end_date: string;
      next_round_decision: { text: string } | null;
    }[];
    const decisions = records.filter(
      (record) => record.record_type === "round" && record.next_round_decision,
    );
    expect(decisions.length).toBeGreaterThan(10);
    for (const round of decisions) {
      const reading = parseNextRoundWording(round.next_round_decision?.text ?? "", round.end_date);
      if (round.next_round_decision?.text.includes("Geneva")) expect(reading.window).toBeNull();
      else expect(reading.window, round.next_round_decision?.text).not.toBeNull();
    }
  });
});
