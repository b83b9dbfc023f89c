// The conflicts page's search, order and groups, apart from the page so they can be tested alone.
import { conflictKinds } from "../types.ts";

export type Sorting = "round" | "kind" | "date";
export type Grouping = "none" | "round" | "kind";
/** Where a conflict stands in the process: the round it is about (if any) and the date of its subject. */
export type ConflictPlace = { roundNumber: number | null; date: string | null };

/** Lower case, without diacritics, Arabic short vowels and hamza marks, so "Turkiye" finds "Türkiye". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u064b-\u0655\u0670]/g, "")
    .toLowerCase();
}

/**
 * The conflicts matching every word of the query, sorted (by round, kind or date; what has no round or
 * date last) and grouped (by round, kind, or one group), each group in the chosen order.
 */
export function arrangeConflicts<Item extends { id: string; kind: string }>(
  items: Item[],
  options: {
    query: string;
    sort: Sorting;
    group: Grouping;
    placeOf: (item: Item) => ConflictPlace;
    searchable: (item: Item) => string;
  },
): { key: string; items: Item[] }[] {
  const words = foldForSearch(options.query).split(/\s+/).filter(Boolean);
  const found = items.filter((item) => {
    if (words.length === 0) return true;
    const text = foldForSearch(options.searchable(item));
    return words.every((word) => text.includes(word));
  });
  const kindRank = (kind: string) => (conflictKinds as readonly string[]).indexOf(kind);
  const byRound = (a: Item, b: Item) =>
    (options.placeOf(a).roundNumber ?? Number.MAX_SAFE_INTEGER) -
    (options.placeOf(b).roundNumber ?? Number.MAX_SAFE_INTEGER);
  const byDate = (a: Item, b: Item) =>
    (options.placeOf(a).date ?? "9999").localeCompare(options.placeOf(b).date ?? "9999");
  const byKind = (a: Item, b: Item) => kindRank(a.kind) - kindRank(b.kind);
  const order = {
    round: [byRound, byDate, byKind],
    kind: [byKind, byRound, byDate],
    date: [byDate, byRound, byKind],
  }[options.sort];
  const sorted = [...found].sort(
    (a, b) => order.reduce((result, compare) => result || compare(a, b), 0) || a.id.localeCompare(b.id),
  );
  if (options.group === "none") return sorted.length > 0 ? [{ key: "all", items: sorted }] : [];
  const keyOf = (item: Item) =>
    options.group === "kind" ? item.kind : String(options.placeOf(item).roundNumber ?? "");
  const groups = new Map<string, Item[]>();
  for (const item of sorted) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  const keys = [...groups.keys()].sort((a, b) => {
    if (options.group === "kind") return kindRank(a) - kindRank(b);
    if (a === "") return 1;
    if (b === "") return -1;
    return Number(a) - Number(b);
  });
  return keys.map((key) => ({ key, items: groups.get(key) ?? [] }));
}
