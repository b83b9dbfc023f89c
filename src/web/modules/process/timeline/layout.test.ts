import { describe, expect, it } from "vitest";
import { moveInGrid } from "../attendance/grid.ts";
import { daysBetween, monthsOf } from "../format.ts";
import type { Timeline, TimelineItem } from "../types.ts";
import { assignRows, layoutTimeline, metrics } from "./layout.ts";

function round(number: number, startDate: string, endDate = startDate): TimelineItem {
  return {
    kind: "round",
    subkind: null,
    id: `round-${number}`,
    label: `Round ${number}`,
    number,
    startDate,
    endDate,
    precision: "day",
    city: "Astana",
    localized: {
      label: { text: `Round ${number}`, lang: "en", fallback: false },
      city: { text: "Astana", lang: "en", fallback: false },
    },
    status: "concluded",
  };
}

function decision(id: string, date: string): TimelineItem {
  return { ...round(0, date), kind: "decision", subkind: "conclude", number: null, id, label: id };
}

const timeline: Timeline = {
  processId: "p",
  items: [
    round(1, "2017-01-23", "2017-01-24"),
    round(2, "2017-02-15", "2017-02-16"),
    round(14, "2019-12-10", "2019-12-11"),
    round(15, "2021-02-16", "2021-02-17"),
    { ...round(0, "2018-01-29"), kind: "meeting", subkind: "congress", number: null, id: "congress" },
  ],
  undated: [],
  gaps: [
    {
      afterRoundId: "round-14",
      afterNumber: 14,
      beforeRoundId: "round-15",
      beforeNumber: 15,
      from: "2019-12-11",
      to: "2021-02-16",
      days: 433,
    },
  ],
  periods: [{ kind: "concluded", from: "2023-06-21", to: "2024-01-19", decisionId: "d" }],
};

describe("the timeline's layout", () => {
  it("keeps marks of the same lane apart by stacking the close ones", () => {
    expect(assignRows([10, 20, 30, 60, 62], 25)).toEqual([0, 1, 2, 0, 1]);
  });

  it("puts time left to right, and right to left in Arabic", () => {
    const ltr = layoutTimeline(timeline, 800, false);
    const rtl = layoutTimeline(timeline, 800, true);
    const x = (layout: typeof ltr, id: string) =>
      layout.marks.find((mark) => mark.item.id === id)?.x ?? Number.NaN;
    expect(x(ltr, "round-1")).toBeLessThan(x(ltr, "round-15"));
    expect(x(rtl, "round-1")).toBeGreaterThan(x(rtl, "round-15"));
    expect(x(ltr, "round-1") + x(rtl, "round-1")).toBeCloseTo(ltr.width, 0);
  });

  it("gives meetings a lane of their own and shades the pause and the concluded period", () => {
    const layout = layoutTimeline(timeline, 800, false);
    expect(layout.lanes.map((lane) => lane.kind)).toEqual(["round", "congress"]);
    const [gap] = layout.gaps;
    const rounds = layout.marks.filter((mark) => mark.lane === "round");
    expect(gap && gap.x2 - gap.x1).toBeGreaterThan(0);
    expect(gap?.x1).toBeGreaterThanOrEqual(
      rounds.find((mark) => mark.item.number === 14)?.x ?? Number.POSITIVE_INFINITY,
    );
    expect(layout.periods).toHaveLength(1);
  });

  it("scrolls rather than crowd on a phone: the picture is at least 96 px per year wide", () => {
    expect(metrics.minPixelsPerYear).toBe(96);
    expect(layoutTimeline(timeline, 320, false).width).toBeGreaterThan(7 * 96);
  });

  it("fits the eight years of the Astana process whole beside the navigation of a 1280 px screen", () => {
    // 1280 px less the 240 px navigation, the page's padding and the picture's border.
    const available = 1280 - 240 - 2 * 16 - 2;
    const astana: Timeline = {
      ...timeline,
      items: [...timeline.items, round(22, "2024-11-11", "2024-11-12"), decision("d-fall", "2016-12-20")],
    };
    for (const rtl of [false, true]) expect(layoutTimeline(astana, available, rtl).width).toBe(available);
  });

  it("never lets the picture's edge cut a word: the last decision's runs back, a band's stays inside", () => {
    const ended: Timeline = {
      ...timeline,
      items: [...timeline.items, decision("d-launch", "2017-01-20"), decision("d-concluded", "2023-06-21")],
      periods: [{ kind: "concluded", from: "2023-06-21", to: null, decisionId: "d-concluded" }],
    };
    for (const rtl of [false, true]) {
      const layout = layoutTimeline(ended, 1000, rtl);
      const toward = (id: string) => layout.decisions.find((mark) => mark.item.id === id)?.labelToward;
      expect(toward("d-launch")).toBe("end");
      expect(toward("d-concluded")).toBe("start");
      for (const band of [...layout.periods, ...layout.gaps]) {
        expect(band.labelX - metrics.labelWidth / 2).toBeGreaterThanOrEqual(0);
        expect(band.labelX + metrics.labelWidth / 2).toBeLessThanOrEqual(layout.width);
      }
    }
  });
});

describe("lengths of pauses", () => {
  it("counts the 2019–2021 pause as 14 months", () => {
    expect(daysBetween("2019-12-11", "2021-02-16")).toBe(433);
    expect(monthsOf(433)).toBe(14);
  });
});

describe("arrow keys in the attendance grid", () => {
  const size = { rows: 3, cols: 4 };
  it("moves along the row, mirrored in right-to-left", () => {
    expect(moveInGrid({ row: 0, col: 1 }, "ArrowRight", size, false)).toEqual({ row: 0, col: 2 });
    expect(moveInGrid({ row: 0, col: 1 }, "ArrowRight", size, true)).toEqual({ row: 0, col: 0 });
  });
  it("stops at the edges and skips the empty corner", () => {
    expect(moveInGrid({ row: 2, col: 3 }, "ArrowDown", size, false)).toEqual({ row: 2, col: 3 });
    expect(moveInGrid({ row: 0, col: -1 }, "ArrowUp", size, false)).toEqual({ row: 0, col: -1 });
    expect(moveInGrid({ row: -1, col: 0 }, "ArrowLeft", size, false)).toEqual({ row: -1, col: 0 });
  });
  it("leaves other keys alone", () => {
    expect(moveInGrid({ row: 0, col: 0 }, "a", size, false)).toBeNull();
  });
});
