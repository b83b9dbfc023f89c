// What the sessions' operations share: checking a session's span, room and participants, and saving a
// change only when it breaks no rule the programme kept before it.
import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import type { OperationContext } from "../../../platform/operation.ts";
import type { RoundRows } from "../model.ts";
import { slotOf } from "../model.ts";
import type { Violation } from "../scheduler/index.ts";
import { programmeRooms } from "../schema.ts";
import {
  emitProgramme,
  invalidField,
  type PlanRow,
  programmeViolations,
  type RoundTarget,
  refuseNewConflicts,
  roundRows,
  type SessionRecord,
} from "./shared.ts";

/** A session's span must end after it starts and lie within one of the programme's days. */
export function checkSpan(plan: PlanRow, startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt)
    throw invalidField("endsAt", "The session ends before it starts.", "ends_before_start");
  const start = slotOf(plan, startsAt);
  const end = slotOf(plan, endsAt);
  if (!start.inDay || !end.inDay || start.day !== end.day)
    throw invalidField(
      "startsAt",
      `The session does not lie within one of the programme's days and hours.`,
      "outside_day",
    );
}

/** The room must be one of the round's. */
export async function checkRoom(tx: Db, roundId: string, roomId: string | null | undefined): Promise<void> {
  if (!roomId) return;
  const [room] = await tx
    .select({ roundId: programmeRooms.roundId })
    .from(programmeRooms)
    .where(eq(programmeRooms.id, roomId));
  if (!room || room.roundId !== roundId)
    throw invalidField("roomId", `"${roomId}" is not a room of this round.`, "unknown_room");
}

function safeViolations(rows: RoundRows): Violation[] {
  try {
    return programmeViolations(rows);
  } catch {
    return [];
  }
}

/**
 * Checks the round's programme with `changed` in place of the sessions it names (or added): a new
 * structural fault (a room over capacity, a plenary out of order) is a 422, a new clash (a room taken
 * twice, a delegation in two places, a meeting after the plenary, a locked session overlapped) a 409
 * with each conflict named. Nothing is saved by this function.
 */
export async function checkProgramme(
  tx: Db,
  target: RoundTarget,
  plan: PlanRow,
  changed: SessionRecord[],
): Promise<void> {
  const rows = await roundRows(tx, target, plan);
  const before = safeViolations(rows);
  const ids = new Set(changed.map((s) => s.id));
  const after = programmeViolations({
    ...rows,
    sessions: [...rows.sessions.filter((s) => !ids.has(s.id)), ...changed],
  });
  refuseNewConflicts(before, after);
}

/** A session's live event, to who may see the session. */
export function emitSession(
  ctx: OperationContext,
  target: RoundTarget,
  type: string,
  session: SessionRecord,
) {
  return emitProgramme(ctx, target, type, {
    tier: session.tier,
    published: session.state === "published",
    participantIds: session.participantIds,
    subjectId: session.id,
  });
}

/** The audit tier of a session: a closed one is kept from observers even in the log. */
export function auditTier(session: Pick<SessionRecord, "tier">) {
  return session.tier === "closed" ? ("observers-excluded" as const) : session.tier;
}
