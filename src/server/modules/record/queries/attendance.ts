import { and, count, eq, inArray } from "drizzle-orm";
import { processRoles } from "../../../../contracts/enums.ts";
import type { AttendanceMatrix } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { disputedMark } from "../../../platform/disputes.ts";
import {
  findProcess,
  participantsWithIds,
  participationsInRounds,
  roleAssignmentsOfProcess,
  visibleRoundsOf,
} from "../../core/index.ts";
import { disputedValues } from "../disputes/rule.ts";
import { citations } from "../schema.ts";

/** Roles in order of precedence: a participant holding several is listed under the first. */
const roleOrder: readonly string[] = processRoles;

/**
 * Participants × rounds: one cell per reported participation with its role, its attendance (attended,
 * absent, declined, boycotted), the wording of the report and how many sources support it. A round
 * with no report about a participant has no cell: a gap, not an absence.
 */
export async function attendanceMatrix(db: Db, actor: Actor, idOrSlug: string): Promise<AttendanceMatrix> {
  const process = await findProcess(db, idOrSlug);
  const roundRows = await visibleRoundsOf(db, actor, process.id);
  const roundIds = roundRows.map((round) => round.id);
  const cells = await participationsInRounds(db, roundIds);
  const sourceCounts = new Map<string, number>();
  if (cells.length > 0) {
    const counted = await db
      .select({ subjectId: citations.subjectId, sources: count() })
      .from(citations)
      .where(
        and(
          eq(citations.subjectType, "round_participation"),
          inArray(
            citations.subjectId,
            cells.map((cell) => cell.id),
          ),
        ),
      )
      .groupBy(citations.subjectId);
    for (const row of counted) sourceCounts.set(row.subjectId, Number(row.sources));
  }
  const standing = await roleAssignmentsOfProcess(db, process.id);
  const disputes = await disputedValues(db, actor, process.id);
  const participantIds = [
    ...new Set([...cells.map((cell) => cell.participantId), ...standing.map((row) => row.participantId)]),
  ];
  const participantRows = await participantsWithIds(db, participantIds);
  const roleOf = (participantId: string) =>
    standing
      .filter((row) => row.participantId === participantId)
      .map((row) => row.role)
      .sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b))[0] ?? null;
  const rank = (role: string | null) => (role === null ? roleOrder.length : roleOrder.indexOf(role));
  return {
    processId: process.id,
    rounds: roundRows.map((round) => ({
      id: round.id,
      number: round.number,
      startDate: round.startDate,
      city: round.city,
      ...disputedMark(disputes, "round", round.id, "dates", "city"),
    })),
    participants: participantRows
      .map((row) => ({
        id: row.id,
        name: row.names.en,
        shortName: row.shortName,
        kind: row.kind,
        role: roleOf(row.id),
      }))
      .sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name)),
    cells: cells.map((cell) => ({
      participantId: cell.participantId,
      roundId: cell.roundId,
      participationId: cell.id,
      role: cell.role,
      attendance: cell.attendance,
      note: cell.note,
      citedText: cell.citedText,
      sourceCount: sourceCounts.get(cell.id) ?? 0,
      ...disputedMark(disputes, "round_participation", cell.id, "attendance"),
    })),
  };
}
