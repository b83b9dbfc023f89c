import { describe, expect, it } from "vitest";
import { inTimeOrder } from "./exchange-order.ts";

describe("inTimeOrder", () => {
  it("keeps an exchange known only by its month, placed after the dated one before it in the record", () => {
    const ordered = inTimeOrder([
      { id: "e4", on: "2019-07-31", sequence: 4 },
      { id: "e3", on: null, sequence: 3 },
      { id: "e1", on: "2018-11-24", sequence: 1 },
      { id: "e2", on: "2019-02-12", sequence: 2 },
    ]);
    expect(ordered.map((exchange) => exchange.id)).toEqual(["e1", "e2", "e3", "e4"]);
  });
  it("puts operations planned here by their day, and one with neither day nor number last", () => {
    const ordered = inTimeOrder([
      { id: "later", on: null, sequence: null },
      { id: "op", on: "2026-12-20", sequence: null },
      { id: "e1", on: "2018-11-24", sequence: 1 },
    ]);
    expect(ordered.map((exchange) => exchange.id)).toEqual(["e1", "op", "later"]);
  });
});
