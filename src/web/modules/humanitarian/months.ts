// Months as the pictures count them: `yyyy-mm` strings, as the server groups status changes.

/** The months from the first to the last with a change, none skipped, so time reads evenly. */
export function monthsBetween(months: string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  while (out.length < 600) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    out.push(label);
    if (label >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}
