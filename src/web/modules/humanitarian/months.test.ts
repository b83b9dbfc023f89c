import { describe, expect, it } from "vitest";
import { monthsBetween } from "./months.ts";

describe("monthsBetween", () => {
  it("fills the months with no change, across a year's end, in order", () => {
    expect(monthsBetween(["2025-02", "2024-11"])).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
  });
  it("is one month for one, and none for none", () => {
    expect(monthsBetween(["2026-12", "2026-12"])).toEqual(["2026-12"]);
    expect(monthsBetween([])).toEqual([]);
  });
});
