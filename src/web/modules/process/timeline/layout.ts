import { scaleUtc } from "d3-scale";
import { parseDay } from "../format.ts";
import type { Timeline, TimelineGap, TimelineItem, TimelinePeriod } from "../types.ts";

/** The lanes of the picture, top to bottom; a meeting lane appears only when the process has such meetings. */
export const laneKinds = [
  "round",
  "ministerial",
  "quadrilateral",
  "summit",
  "congress",
  "technical",
  "milestone",
  "decision",
] as const;
export type LaneKind = (typeof laneKinds)[number];

export type PlacedMark = {
  item: TimelineItem;
  lane: LaneKind;
  x: number;
  /** x of the end date, for items lasting more than a day at this scale. */
  x2: number;
  y: number;
  /**
   * Which way the mark's word runs from it (decisions carry one: "Concluded"): toward the end of time,
   * or toward its start where the picture's end edge would cut the word off.
   */
  labelToward: "end" | "start";
};

export type PlacedLane = { kind: LaneKind; top: number; height: number; labelY: number };
/** A shaded span of time; `labelX` centres its word ("14 months", "Concluded") inside the picture. */
export type PlacedBand<T> = { data: T; x1: number; x2: number; labelX: number };
export type PlacedTick = { date: Date; x: number };

export type TimelineLayout = {
  width: number;
  height: number;
  rtl: boolean;
  lanes: PlacedLane[];
  marks: PlacedMark[];
  decisions: PlacedMark[];
  gaps: PlacedBand<TimelineGap>[];
  periods: PlacedBand<TimelinePeriod>[];
  ticks: PlacedTick[];
  /** Where the chart's drawing area begins and ends (physical x). */
  plot: { left: number; right: number; top: number; bottom: number };
  /** The x of the lane labels' anchor (the start edge, mirrored in right-to-left). */
  labelX: number;
};

/** Sizes of the picture, in CSS pixels. */
export const metrics = {
  gutter: 116,
  edge: 20,
  axisHeight: 22,
  bandLabelHeight: 36,
  roundRadius: 11,
  roundSpacing: 25,
  markSize: 7,
  markSpacing: 17,
  /** Decisions carry a word beside their mark ("Concluded"), so they need room for it. */
  decisionSpacing: 84,
  /** The widest word drawn on the picture (a decision, a period, a pause), in every language, at 11 px. */
  labelWidth: 90,
  lanePadding: 8,
  /**
   * Below this the picture scrolls rather than crowd. 96 px a year lets the eight years of the Astana
   * process fit whole beside the navigation on a 1280 px screen; a phone scrolls.
   */
  minPixelsPerYear: 96,
} as const;

const dayMs = 86_400_000;

export function laneOf(item: TimelineItem): LaneKind {
  if (item.kind === "round") return "round";
  if (item.kind === "milestone") return "milestone";
  if (item.kind === "decision") return "decision";
  const kind = item.subkind as LaneKind | null;
  const meetingLanes: readonly LaneKind[] = [
    "ministerial",
    "quadrilateral",
    "summit",
    "congress",
    "technical",
  ];
  return kind && meetingLanes.includes(kind) ? kind : "technical";
}

/**
 * Places marks in sub-rows so that none overlaps the one before it in the same row (greedy, in date
 * order): dense years (eight rounds in 2017) stack, sparse ones stay on one line.
 */
export function assignRows(xs: number[], spacing: number): number[] {
  const rowEnds: number[] = [];
  return xs.map((x) => {
    const row = rowEnds.findIndex((end) => Math.abs(x - end) >= spacing);
    if (row === -1) {
      rowEnds.push(x);
      return rowEnds.length - 1;
    }
    rowEnds[row] = x;
    return row;
  });
}

/**
 * Lays the timeline out: a time scale over the dated items (d3-scale, in UTC since the record's dates
 * are calendar days), lanes of marks, shaded pauses between rounds and the process's periods. In a
 * right-to-left language time runs from right to left, mirroring the page.
 */
export function layoutTimeline(timeline: Timeline, availableWidth: number, rtl: boolean): TimelineLayout {
  const dated = timeline.items.filter((item) => parseDay(item.startDate));
  const times = [
    ...dated.flatMap((item) => [parseDay(item.startDate), parseDay(item.endDate)]),
    ...timeline.periods.flatMap((period) => [parseDay(period.from), parseDay(period.to)]),
  ]
    .filter((date): date is Date => date !== null)
    .map((date) => date.getTime());
  const now = Date.now();
  const first = times.length > 0 ? Math.min(...times) : now - 365 * dayMs;
  const last = times.length > 0 ? Math.max(...times) : now;
  const start = new Date(first - 40 * dayMs);
  const end = new Date(last + 40 * dayMs);
  const years = (end.getTime() - start.getTime()) / (365.25 * dayMs);
  const width = Math.max(
    Math.round(availableWidth),
    Math.round(years * metrics.minPixelsPerYear + metrics.gutter + metrics.edge),
  );
  const plotLeft = rtl ? metrics.edge : metrics.gutter;
  const plotRight = rtl ? width - metrics.gutter : width - metrics.edge;
  const scale = scaleUtc()
    .domain([start, end])
    .range(rtl ? [plotRight, plotLeft] : [plotLeft, plotRight]);
  const xOf = (value: string | null) => {
    const date = parseDay(value);
    return date ? scale(date) : Number.NaN;
  };

  const top = metrics.axisHeight + metrics.bandLabelHeight;
  const marks: PlacedMark[] = [];
  const decisions: PlacedMark[] = [];
  const lanes: PlacedLane[] = [];
  let y = top;
  for (const lane of laneKinds) {
    const items = dated.filter((item) => laneOf(item) === lane);
    if (items.length === 0) continue;
    const isRound = lane === "round";
    const spacing = isRound
      ? metrics.roundSpacing
      : lane === "decision"
        ? metrics.decisionSpacing
        : metrics.markSpacing;
    const rowHeight = isRound ? metrics.roundRadius * 2 + 4 : metrics.markSize * 2 + 6;
    const xs = items.map((item) => xOf(item.startDate));
    const rows = assignRows(xs, spacing);
    const rowCount = Math.max(...rows) + 1;
    const height = rowCount * rowHeight + metrics.lanePadding * 2;
    items.forEach((item, index) => {
      const x = xs[index] ?? 0;
      const endX = item.endDate ? xOf(item.endDate) : x;
      marks.push({
        item,
        lane,
        x,
        x2: Number.isNaN(endX) ? x : endX,
        y: y + metrics.lanePadding + (rows[index] ?? 0) * rowHeight + rowHeight / 2,
        labelToward: "end",
      });
    });
    lanes.push({
      kind: lane,
      top: y,
      height,
      labelY: y + Math.min(height / 2, rowHeight / 2 + metrics.lanePadding),
    });
    y += height;
  }
  // A decision's word runs toward the end of time unless the picture ends first (the last decision of a
  // process that ended soon after: "Concluded" cut to "Conc"); then it runs back toward the start.
  const roomToEnd = (x: number) => (rtl ? x : width - x);
  for (const mark of marks) {
    if (mark.lane !== "decision") continue;
    if (roomToEnd(mark.x) < metrics.labelWidth + 12) mark.labelToward = "start";
    decisions.push(mark);
  }
  const bottom = y;

  const ticks: PlacedTick[] = [];
  for (let year = start.getUTCFullYear() + 1; year <= end.getUTCFullYear(); year += 1) {
    const date = new Date(Date.UTC(year, 0, 1));
    ticks.push({ date, x: scale(date) });
  }

  const band = <T>(data: T, from: string, to: string | null): PlacedBand<T> => {
    const a = xOf(from);
    const b = to ? xOf(to) : scale(end);
    const x1 = Math.min(a, b);
    const x2 = Math.max(a, b);
    const half = metrics.labelWidth / 2;
    const labelX = Math.min(Math.max((x1 + x2) / 2, half + 4), width - half - 4);
    return { data, x1, x2, labelX };
  };

  return {
    width,
    height: bottom + 6,
    rtl,
    lanes,
    marks,
    decisions,
    gaps: timeline.gaps.map((gap) => band(gap, gap.from, gap.to)),
    periods: timeline.periods
      .filter((period) => period.kind === "concluded" || period.kind === "suspended")
      .map((period) => band(period, period.from, period.to)),
    ticks,
    plot: { left: plotLeft, right: plotRight, top, bottom },
    labelX: rtl ? width - 8 : 8,
  };
}
