// What the sessions' operations share: checking a session's span, room and participants, and saving a
// change only when it breaks no rule the programme kept before it.
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, type FieldIssue } from "../../../platform/errors.ts";
import { latestJobOf } from "../../../platform/jobs.ts";
import type { OperationContext } from "../../../platform/operation.ts";
import { participantsWithIds } from "../../core/index.ts";
import type { RoundRows } from "../model.ts";
import { slotOf } from "../model.ts";
import type { Violation } from "../scheduler/index.ts";
import { SchedulerInputError } from "../scheduler/index.ts";
import { programmeAgendaItems, programmeRooms } from "../schema.ts";
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

/**
 * No session changes while the scheduler runs on the round: its schedule would overwrite the change
 * (or be refused for it) when it lands. 409: wait for the run or cancel it.
 */
export async function refuseWhileScheduling(tx: Db, actor: Actor, roundId: string): Promise<void> {
  const latest = await latestJobOf(tx, actor, "programme", roundId);
  if (latest && (latest.state === "queued" || latest.state === "running"))
    throw new Conflict(
      "The scheduler is running on this round: wait for it to finish or cancel it, then change the session.",
      { jobId: latest.id },
      "job_running",
    );
}

/**
 * A change made on a stale view is refused (409 `stale_version`): when the caller names the version it
 * saw (`expectedUpdatedAt`) and someone changed the session since, saving would undo their change unseen.
 */
export function refuseStale(session: { id: string; updatedAt: Date }, expectedUpdatedAt?: string): void {
  if (expectedUpdatedAt === undefined) return;
  if (new Date(expectedUpdatedAt).getTime() !== session.updatedAt.getTime())
    throw new Conflict(
      "Someone changed this session since you looked at it: reload the programme and try again.",
      { sessionId: session.id, updatedAt: session.updatedAt.toISOString() },
      "stale_version",
    );
}

/** A session takes up only agenda items of its own round; any other id is a 422. */
export async function checkAgendaItems(tx: Db, roundId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: programmeAgendaItems.id })
    .from(programmeAgendaItems)
    .where(and(eq(programmeAgendaItems.roundId, roundId), inArray(programmeAgendaItems.id, unique)));
  const known = new Set(found.map((row) => row.id));
  for (const id of unique)
    if (!known.has(id))
      throw invalidField(
        "agendaItemIds",
        `"${id}" is not an agenda item of this round.`,
        "unknown_agenda_item",
      );
  return unique;
}

function safeViolations(rows: RoundRows): Violation[] {
  try {
    return programmeViolations(rows);
  } catch {
    return [];
  }
}

/** Names for the ids the validator's messages carry: sessions by title, rooms and delegations by name. */
async function labelsOf(
  tx: Db,
  rows: RoundRows & { sessions: SessionRecord[] },
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const people = await participantsWithIds(tx, rows.accredited);
  for (const person of people) labels.set(person.id, person.names.en);
  for (const room of await tx
    .select()
    .from(programmeRooms)
    .where(
      inArray(
        programmeRooms.id,
        rows.rooms.map((r) => r.id),
      ),
    ))
    labels.set(room.id, room.name);
  for (const session of rows.sessions) {
    labels.set(session.id, session.title);
    if (session.requestId) labels.set(session.requestId, session.title);
  }
  return labels;
}

/** A message with every known id replaced by its name, so a person can act on it. */
export function humanize(message: string, labels: Map<string, string>): string {
  let text = message;
  for (const [id, label] of labels) text = text.replaceAll(id, label);
  return text;
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
  const sessions = [...(rows.sessions as SessionRecord[]).filter((s) => !ids.has(s.id)), ...changed];
  try {
    refuseNewConflicts(before, programmeViolations({ ...rows, sessions }));
  } catch (error) {
    if (!(error instanceof SchedulerInputError) && !(error instanceof Conflict)) throw error;
    const labels = await labelsOf(tx, { ...rows, sessions });
    if (error instanceof Conflict) {
      // Each clash names its sessions as people know them, so a page can say it in the reader's language.
      const details = error.details as { violations?: Violation[] } | null;
      const violations = details?.violations?.map((violation) => ({
        ...violation,
        message: humanize(violation.message, labels),
        names: [...violation.requests, ...(violation.sessions ?? [])].map((id) => labels.get(id) ?? id),
      }));
      throw new Conflict(
        humanize(error.message, labels),
        violations ? { ...details, violations } : error.details,
        error.code,
      );
    }
    const issues = (error.details as { issues: FieldIssue[] }).issues.map((issue) => ({
      ...issue,
      message: humanize(issue.message, labels),
    }));
    throw new SchedulerInputError(issues.map((issue) => issue.message).join(" "), issues);
  }
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
