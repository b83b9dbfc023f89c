// The exchanges in the order they happened, undated ones included: the record's past exchanges are
// numbered in order (`sequence`), so one known only as "April 2019" goes just after the last dated one
// before it, rather than last or nowhere.

type Ordered = { id: string; on: string | null; sequence: number | null };

/** Dated exchanges by day; an undated one after the latest dated exchange of a lower sequence number. */
export function inTimeOrder<T extends Ordered>(exchanges: T[]): T[] {
  const dated = exchanges.filter((exchange) => exchange.on);
  const placeOf = (exchange: T): string => {
    if (exchange.on) return exchange.on;
    const sequence = exchange.sequence;
    if (sequence === null) return "\uffff";
    const before = dated
      .filter((other) => other.sequence !== null && other.sequence < sequence)
      .map((other) => other.on ?? "")
      .sort()
      .at(-1);
    return before ?? "";
  };
  return exchanges
    .map((exchange) => ({ exchange, at: placeOf(exchange) }))
    .sort(
      (a, b) =>
        a.at.localeCompare(b.at) ||
        (a.exchange.sequence ?? Number.MAX_SAFE_INTEGER) - (b.exchange.sequence ?? Number.MAX_SAFE_INTEGER) ||
        a.exchange.id.localeCompare(b.exchange.id),
    )
    .map(({ exchange }) => exchange);
}
