// Which team of each delegation sits in each meeting. The search only counts busy teams per slot;
// since every commitment is an interval (a meeting plus the gap), a delegation whose busy count never
// exceeds its teams can always name them: hand out teams in order of start, each to a team already free.

import type { Board } from "./board.ts";

/** Team numbers (from 1) per request index and delegation index. */
export function assignTeams(board: Board): Map<number, Map<number, number>> {
  const c = board.c;
  const out = new Map<number, Map<number, number>>();
  const commitments: { from: number; to: number; request: number }[][] = c.requestsOf.map(() => []);
  for (const fixed of c.fixedTeams)
    commitments[fixed.delegation]?.push({ from: fixed.from, to: fixed.to, request: -1 });
  for (let r = 0; r < board.start.length; r++) {
    const g = board.start[r] as number;
    if (g < 0) continue;
    out.set(r, new Map());
    for (let p = c.participantsStart[r] as number; p < (c.participantsStart[r + 1] as number); p++)
      commitments[c.participants[p] as number]?.push({
        from: g,
        to: g + (c.duration[r] as number) + c.gap,
        request: r,
      });
  }
  commitments.forEach((list, m) => {
    list.sort((a, b) => a.from - b.from || a.request - b.request);
    const freeFrom = new Array<number>(c.teams[m] as number).fill(Number.NEGATIVE_INFINITY);
    for (const item of list) {
      if (item.request < 0) {
        freeFrom.fill(item.to);
        continue;
      }
      let team = freeFrom.findIndex((time) => time <= item.from);
      if (team < 0) team = 0; // unreachable while the board's counts hold
      freeFrom[team] = item.to;
      out.get(item.request)?.set(m, team + 1);
    }
  });
  return out;
}
