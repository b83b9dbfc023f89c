import { roleRank } from "../roles.ts";
import type { AttendanceCell, AttendanceMatrix } from "../types.ts";

export type MatrixParticipant = AttendanceMatrix["participants"][number];
export type MatrixRound = AttendanceMatrix["rounds"][number];

/** Cells of one participant in one round (two when a participant held two roles, e.g. guarantor and host). */
export function cellsByKey(matrix: AttendanceMatrix): Map<string, AttendanceCell[]> {
  const map = new Map<string, AttendanceCell[]>();
  for (const cell of matrix.cells) {
    const key = `${cell.participantId}|${cell.roundId}`;
    const list = map.get(key) ?? [];
    list.push(cell);
    list.sort((a, b) => roleRank(a.role) - roleRank(b.role));
    map.set(key, list);
  }
  return map;
}

/** Rows in the order a reader expects: guarantors, host, parties, observers, organizations; by name within. */
export function orderedParticipants(matrix: AttendanceMatrix): MatrixParticipant[] {
  return [...matrix.participants].sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name, "en"),
  );
}

/** Columns in round order, with the year each begins a group of, for the header's year row. */
export function yearGroups(rounds: MatrixRound[]): { key: string; year: string; span: number }[] {
  const groups: { key: string; year: string; span: number }[] = [];
  for (const round of rounds) {
    const year = round.startDate?.slice(0, 4) ?? "";
    const last = groups.at(-1);
    if (last && last.year === year) last.span += 1;
    else groups.push({ key: round.id, year, span: 1 });
  }
  return groups;
}

export type GridPosition = { row: number; col: number };

/**
 * The next focused position of the grid after a key, or null for keys the grid leaves alone. Row -1 is
 * the header of round numbers, column -1 the participants' names; the corner is skipped. In a
 * right-to-left page the arrows follow what the reader sees, so → moves towards the start.
 */
export function moveInGrid(
  position: GridPosition,
  key: string,
  size: { rows: number; cols: number },
  rtl: boolean,
  ctrl = false,
): GridPosition | null {
  let { row, col } = position;
  const forward = rtl ? "ArrowLeft" : "ArrowRight";
  const backward = rtl ? "ArrowRight" : "ArrowLeft";
  switch (key) {
    case forward:
      col = Math.min(col + 1, size.cols - 1);
      break;
    case backward:
      col = Math.max(col - 1, -1);
      break;
    case "ArrowDown":
      row = Math.min(row + 1, size.rows - 1);
      break;
    case "ArrowUp":
      row = Math.max(row - 1, -1);
      break;
    case "Home":
      col = -1;
      if (ctrl) row = -1;
      break;
    case "End":
      col = size.cols - 1;
      if (ctrl) row = size.rows - 1;
      break;
    default:
      return null;
  }
  if (row === -1 && col === -1) {
    // The empty corner holds nothing to focus: step into the row or column the move came along.
    if (key === backward || key === "Home") col = 0;
    else row = 0;
  }
  return { row, col };
}
