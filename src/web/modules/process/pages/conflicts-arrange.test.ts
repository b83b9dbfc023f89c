import { describe, expect, it } from "vitest";
import { arrangeConflicts, foldForSearch } from "./conflicts-arrange.ts";

const items = [
  { id: "a", kind: "plan_changed", text: "Held in Sochi", round: 10, date: "2018-07-30" },
  { id: "b", kind: "disagreement", text: "Türkiye's delegation", round: 4, date: "2017-05-03" },
  { id: "c", kind: "disagreement", text: "Fall of Assad, 7 or 8 December", round: null, date: "2024-12-08" },
  { id: "d", kind: "naming_variant", text: "Nur-Sultan or Astana", round: 19, date: "2022-11-22" },
];
const options = {
  query: "",
  placeOf: (item: (typeof items)[number]) => ({ roundNumber: item.round, date: item.date }),
  searchable: (item: (typeof items)[number]) => item.text,
};

describe("the conflicts page's search, order and groups", () => {
  it("finds every word, without regard to case or diacritics", () => {
    const ids = (query: string) =>
      arrangeConflicts(items, { ...options, query, sort: "round", group: "none" }).flatMap((group) =>
        group.items.map((item) => item.id),
      );
    expect(ids("turkiye")).toEqual(["b"]);
    expect(ids("ASSAD december")).toEqual(["c"]);
    expect(ids("assad sochi")).toEqual([]);
    expect(foldForSearch("أَسْتانا")).toBe("استانا");
  });

  it("sorts by round (what has none last), by kind or by date", () => {
    const order = (sort: "round" | "kind" | "date") =>
      arrangeConflicts(items, { ...options, sort, group: "none" })[0]?.items.map((item) => item.id);
    expect(order("round")).toEqual(["b", "a", "d", "c"]);
    expect(order("kind")).toEqual(["b", "c", "a", "d"]);
    expect(order("date")).toEqual(["b", "a", "d", "c"]);
  });

  it("groups by round in number order and by kind in the kinds' order", () => {
    const byRound = arrangeConflicts(items, { ...options, sort: "date", group: "round" });
    expect(byRound.map((group) => group.key)).toEqual(["4", "10", "19", ""]);
    const byKind = arrangeConflicts(items, { ...options, sort: "round", group: "kind" });
    expect(byKind.map((group) => [group.key, group.items.map((item) => item.id)])).toEqual([
      ["disagreement", ["b", "c"]],
      ["plan_changed", ["a"]],
      ["naming_variant", ["d"]],
    ]);
  });
});
