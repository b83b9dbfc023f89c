import { describe, expect, it } from "vitest";
import { countsByMonth, lastDayOf, monthsBetween, zoneStatusOn } from "./months.ts";

describe("month buckets of the follow-up's pictures", () => {
  it("lists every month of a range across a year's end, both ends included", () => {
    expect(monthsBetween("2017-11", "2018-02")).toEqual(["2017-11", "2017-12", "2018-01", "2018-02"]);
    expect(monthsBetween("2018-05", "2018-05")).toEqual(["2018-05"]);
    expect(monthsBetween("2018-05", "2017-01")).toEqual(["2018-05"]);
  });

  it("knows the last day of a month, leap years included", () => {
    expect(lastDayOf("2018-02")).toBe("2018-02-28");
    expect(lastDayOf("2020-02")).toBe("2020-02-29");
    expect(lastDayOf("2018-12")).toBe("2018-12-31");
  });

  it("gives a zone's status on a day from its history, and none before it existed", () => {
    const ghouta = [
      { status: "retaken" as const, fromDate: "2018-04-12" },
      { status: "established" as const, fromDate: "2017-05-04" },
    ];
    expect(zoneStatusOn(ghouta, "2017-05-03")).toBeNull();
    expect(zoneStatusOn(ghouta, "2017-05-04")).toBe("established");
    expect(zoneStatusOn(ghouta, "2018-04-11")).toBe("established");
    expect(zoneStatusOn(ghouta, "2018-04-30")).toBe("retaken");
  });

  it("counts incidents per zone per month with zeros for quiet months", () => {
    const rows = countsByMonth(
      [
        { zoneId: "idlib", month: "2025-03", incidents: 4 },
        { zoneId: null, month: "2025-03", incidents: 1 },
        { zoneId: "idlib", month: "2025-05", incidents: 2 },
      ],
      ["idlib", null],
      ["2025-03", "2025-04", "2025-05"],
    );
    expect(rows.map((row) => [row.month, row.counts.get("idlib"), row.counts.get(null), row.total])).toEqual([
      ["2025-03", 4, 1, 5],
      ["2025-04", 0, 0, 0],
      ["2025-05", 2, 0, 2],
    ]);
  });
});
