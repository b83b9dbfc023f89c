// The one rule that knows which shown value of which subject the record disputes. Every presenter that
// shows a value asks it (core's through platform/disputes.ts, the record's and later modules' through
// the record's index), so no page shows one side of a conflict as settled.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ValueConflict } from "../../../../contracts/disputes.ts";
import { type Actor, visibleTo } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import type { DisputeIndex, ShownField } from "../../../platform/disputes.ts";
import { onCommitted } from "../../../platform/events.ts";
import {
  decisionsOfProcess,
  participationsInRounds,
  roleAssignmentsOfProcess,
  roleChangesOfProcess,
  visibleRoundsOf,
} from "../../core/index.ts";
import { citations, conflicts, conflictValues, facts, milestones } from "../schema.ts";
import { subjectVisibleTo } from "../subjects.ts";
import { fieldKeyOf, roundNumbersIn, telltaleOf } from "./fields.ts";

type ConflictRow = typeof conflicts.$inferSelect;
type FactRow = typeof facts.$inferSelect;

/** Collects (subject, shown field) → conflicts; the answer presenters query. */
class Marks implements DisputeIndex {
  private readonly bySubject = new Map<string, { shown: ShownField; conflict: ValueConflict }[]>();

  add(subjectType: string, subjectId: string, shown: ShownField, conflict: ValueConflict): void {
    const key = `${subjectType}:${subjectId}`;
    const list = this.bySubject.get(key) ?? [];
    if (!list.some((entry) => entry.shown === shown && entry.conflict.id === conflict.id))
      list.push({ shown, conflict });
    this.bySubject.set(key, list);
  }

  of(subjectType: string, subjectId: string, ...fields: ShownField[]): ValueConflict[] {
    const list = this.bySubject.get(`${subjectType}:${subjectId}`) ?? [];
    return list
      .filter((entry) => fields.length === 0 || fields.includes(entry.shown))
      .map((entry) => entry.conflict);
  }
}

/** The shown field of a subject that a conflict's field key names directly (the field itself, else). */
const shownFieldOf: Partial<Record<string, ShownField>> = { status: "change", attendance: "change" };

/**
 * The disputed values of a process the actor may see. A conflict marks: the field it names on its
 * subject (`start_date / end_date` → the dates; `key_outcomes[1]` → the second outcome); every fact of
 * its subject that repeats one of its values; and the values derived from the disputed one: a lifecycle
 * decision dated by the disputed date and resting on the same sources, the previous round's decision
 * as set against the next round held, and — when the conflict is about when a participant stopped
 * attending — every absence of that participant from the earliest round any value names, its changes
 * of standing there and the end of its role. Conflicts, facts and rounds are tier-filtered in SQL.
 */
async function computeDisputedValues(db: Db, actor: Actor, processId: string): Promise<DisputeIndex> {
  const marks = new Marks();
  const rows = await db
    .select()
    .from(conflicts)
    .where(
      and(
        eq(conflicts.processId, processId),
        visibleTo(actor, { tier: conflicts.tier, processId: conflicts.processId }),
        subjectVisibleTo(db, actor, conflicts),
      ),
    )
    .orderBy(asc(conflicts.position));
  if (rows.length === 0) return marks;
  const conflictIds = rows.map((row) => row.id);
  const [values, subjectFacts, decisions, rounds] = await Promise.all([
    db.select().from(conflictValues).where(inArray(conflictValues.conflictId, conflictIds)),
    db
      .select()
      .from(facts)
      .where(
        and(
          inArray(facts.subjectId, [...new Set(rows.map((row) => row.subjectId))]),
          visibleTo(actor, { tier: facts.tier, processId: facts.processId }),
        ),
      )
      .orderBy(asc(facts.position)),
    decisionsOfProcess(db, processId),
    visibleRoundsOf(db, actor, processId),
  ]);
  // The sources of the conflicts, their values and the decisions: a decision dated by a disputed date
  // and resting on the same sources was derived from it. Compared here, never shown.
  const conflictSources = await db
    .select({ subjectId: citations.subjectId, sourceId: citations.sourceId })
    .from(citations)
    .where(
      and(
        inArray(citations.subjectType, ["conflict", "conflict_value", "process_decision"]),
        inArray(citations.subjectId, [
          ...conflictIds,
          ...values.map((value) => value.id),
          ...decisions.map((decision) => decision.id),
        ]),
      ),
    );
  const valuesOf = (conflictId: string) => values.filter((value) => value.conflictId === conflictId);
  const sourcesOf = (subjectIds: string[]) =>
    new Set(conflictSources.filter((row) => subjectIds.includes(row.subjectId)).map((row) => row.sourceId));

  const mark = (row: ConflictRow, derived: boolean) => {
    const { field, index } = fieldKeyOf(row.field);
    return { id: row.id, kind: row.kind, field, index, derived } satisfies ValueConflict;
  };
  const factsOf = (row: ConflictRow, kind: FactRow["kind"]) =>
    subjectFacts.filter(
      (fact) =>
        fact.subjectType === row.subjectType && fact.subjectId === row.subjectId && fact.kind === kind,
    );
  const datedSubjects = rows.filter((row) => fieldKeyOf(row.field).field === "dates");
  const milestoneDates = new Map(
    (datedSubjects.some((row) => row.subjectType === "milestone")
      ? await db
          .select({ id: milestones.id, occurredOn: milestones.occurredOn })
          .from(milestones)
          .where(
            inArray(
              milestones.id,
              datedSubjects.map((row) => row.subjectId),
            ),
          )
      : []
    ).map((row) => [row.id, row.occurredOn]),
  );
  const attendanceConflicts = rows.filter((row) => fieldKeyOf(row.field).field === "attendance");
  const [changes, participations, assignments] =
    attendanceConflicts.length > 0
      ? await Promise.all([
          roleChangesOfProcess(db, processId),
          participationsInRounds(
            db,
            rounds.map((round) => round.id),
          ),
          roleAssignmentsOfProcess(db, processId),
        ])
      : [[], [], []];
  for (const row of rows) {
    const { field, index } = fieldKeyOf(row.field);
    const direct = mark(row, false);
    marks.add(row.subjectType, row.subjectId, shownFieldOf[field] ?? field, direct);

    if (field === "outcome" || field === "fact") {
      const target = factsOf(row, field === "outcome" ? "outcome" : "fact")[index ?? 0];
      if (target) marks.add("fact", target.id, "text", direct);
    }
    if (field === "outcomes")
      for (const fact of factsOf(row, "outcome")) marks.add("fact", fact.id, "text", direct);

    // A fact of the subject that states one of the disputed values shows it (not for spellings of a name).
    if (row.kind !== "naming_variant") {
      const telltales = valuesOf(row.id).flatMap((value) => telltaleOf(value.value) ?? []);
      for (const fact of subjectFacts) {
        if (fact.subjectType !== row.subjectType || fact.subjectId !== row.subjectId) continue;
        const text = fact.text.toLowerCase();
        if (telltales.some((telltale) => text.includes(telltale))) marks.add("fact", fact.id, "text", direct);
      }
    }

    if (field === "dates") {
      const shownDate =
        row.subjectType === "milestone"
          ? milestoneDates.get(row.subjectId)
          : row.subjectType === "round"
            ? rounds.find((round) => round.id === row.subjectId)?.startDate
            : null;
      const disputedSources = sourcesOf([row.id, ...valuesOf(row.id).map((value) => value.id)]);
      for (const decision of decisions) {
        if (!shownDate || decision.decidedOn !== shownDate) continue;
        const shared = [...sourcesOf([decision.id])].some((source) => disputedSources.has(source));
        if (shared) marks.add("process_decision", decision.id, "decidedOn", mark(row, true));
      }
    }

    if (field === "nextRound" && row.subjectType === "round") {
      const decidedAt = rounds.find((round) => round.id === row.subjectId);
      const next = decidedAt && rounds.find((round) => round.number > decidedAt.number);
      if (next) marks.add("round", next.id, "announcedVsHeld", mark(row, true));
    }

    if (field === "attendance" && row.subjectType === "role_change") {
      const change = changes.find((candidate) => candidate.id === row.subjectId);
      const named = valuesOf(row.id).flatMap((value) => roundNumbersIn(value.value));
      if (!change || named.length === 0) continue;
      const from = Math.min(...named);
      const derived = mark(row, true);
      const numberOf = new Map(rounds.map((round) => [round.id, round.number]));
      for (const participation of participations) {
        const number = numberOf.get(participation.roundId) ?? 0;
        if (participation.participantId !== change.participantId || number < from) continue;
        if (participation.attendance !== "attended")
          marks.add("round_participation", participation.id, "attendance", derived);
      }
      for (const other of changes) {
        if (other.participantId !== change.participantId || other.id === change.id) continue;
        if ((other.roundNumber ?? 0) >= from && ["absent", "boycott_declared"].includes(other.change))
          marks.add("role_change", other.id, "change", derived);
      }
      for (const assignment of assignments) {
        if (assignment.participantId === change.participantId && assignment.toDate !== null)
          marks.add("role_assignment", assignment.id, "toDate", derived);
      }
    }
  }
  return marks;
}

/** Who sees the same marks: the public, each account (its memberships change only by a commit), the system. */
function audienceOf(actor: Actor): string {
  if (actor.kind === "account")
    return `account:${actor.accountId}:${actor.credential ? JSON.stringify(actor.credential) : ""}`;
  return actor.kind;
}

/** How long a computed map may serve before it is computed again (another instance's commit reaches us by then). */
const keepMs = 1000;
const computed = new Map<string, { at: number; db: Db; index: Promise<DisputeIndex> }>();
onCommitted(() => computed.clear());

/**
 * The disputed values of a process for the actor: the rule above, computed once per process and
 * audience and kept until the next commit in this process (or for a second, for other instances'),
 * as the answers are, so a page that shows the record four ways pays for it once.
 */
export function disputedValues(db: Db, actor: Actor, processId: string): Promise<DisputeIndex> {
  const key = `${processId}|${audienceOf(actor)}`;
  const kept = computed.get(key);
  if (kept && kept.db === db && Date.now() - kept.at < keepMs) return kept.index;
  if (computed.size > 1000) computed.clear();
  const index = computeDisputedValues(db, actor, processId);
  computed.set(key, { at: Date.now(), db, index });
  index.catch(() => computed.delete(key));
  return index;
}
