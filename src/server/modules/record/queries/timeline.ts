import { and, eq } from "drizzle-orm";
import type { Timeline } from "../../../../contracts/record.ts";
import { type Actor, visibleTo } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { disputedMark } from "../../../platform/disputes.ts";
import { localName, localText, preloadTexts } from "../../../platform/text-versions.ts";
import {
  decisionsOfProcess,
  findProcess,
  localPlace,
  meetingsOfProcess,
  preloadPlaces,
  visibleRoundsOf,
} from "../../core/index.ts";
import { disputedValues } from "../disputes/rule.ts";
import { milestones } from "../schema.ts";

type Item = Timeline["items"][number];

const dayMs = 86_400_000;
/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

const decisionWords = {
  launch: "Launched",
  suspend: "Suspended",
  conclude: "Concluded",
  resume: "Resumed",
} as const;
const periodKind = {
  launch: "active",
  suspend: "suspended",
  conclude: "concluded",
  resume: "resumed",
} as const;

/** Loads the translations of the timeline's labels and places for the read being answered. */
async function preloadTimelineTexts(
  db: Db,
  rows: {
    roundRows: { city: string | null }[];
    meetingRows: { id: string; city: string | null }[];
    milestoneRows: { id: string }[];
    decisionRows: { id: string }[];
  },
): Promise<void> {
  const ids = (list: { id: string }[]) => list.map((row) => row.id);
  await preloadTexts(db, "meeting", ids(rows.meetingRows));
  await preloadTexts(db, "milestone", ids(rows.milestoneRows));
  await preloadTexts(db, "process_decision", ids(rows.decisionRows));
  await preloadPlaces(
    db,
    [...rows.roundRows, ...rows.meetingRows].map((row) => row.city),
  );
}

/**
 * Everything dated in a process, for the timeline picture: rounds, meetings, milestones and lifecycle
 * decisions in date order; the pauses between consecutive rounds longer than `minGapDays`; and the
 * periods the decisions open (active, concluded, resumed). Items without a date are listed apart.
 */
export async function processTimeline(
  db: Db,
  actor: Actor,
  idOrSlug: string,
  minGapDays: number,
): Promise<Timeline> {
  const process = await findProcess(db, idOrSlug);
  const roundRows = await visibleRoundsOf(db, actor, process.id);
  const meetingRows = await meetingsOfProcess(db, process.id);
  const milestoneRows = await db
    .select()
    .from(milestones)
    .where(
      and(
        eq(milestones.processId, process.id),
        visibleTo(actor, { tier: milestones.tier, processId: milestones.processId }),
      ),
    );
  const decisionRows = await decisionsOfProcess(db, process.id);
  const disputes = await disputedValues(db, actor, process.id);
  await preloadTimelineTexts(db, { roundRows, meetingRows, milestoneRows, decisionRows });

  const items: Item[] = [
    ...roundRows.map((round) => ({
      kind: "round" as const,
      subkind: null,
      id: round.id,
      label: round.names.en,
      number: round.number,
      startDate: round.startDate,
      endDate: round.endDate,
      precision: "day" as const,
      city: round.city,
      localized: { label: localName(round.names), city: localPlace(round.city) },
      status: round.status,
      ...disputedMark(disputes, "round", round.id, "dates", "city"),
    })),
    ...meetingRows.map((meeting) => ({
      kind: "meeting" as const,
      subkind: meeting.kind,
      id: meeting.id,
      label: meeting.names.en,
      number: null,
      startDate: meeting.startDate,
      endDate: meeting.endDate,
      precision: meeting.datePrecision,
      city: meeting.city ?? meeting.venue,
      localized: {
        label: localName(meeting.names),
        city: meeting.city
          ? localPlace(meeting.city)
          : localText("meeting", meeting.id, "venue", meeting.venue),
      },
      status: null,
      ...disputedMark(disputes, "meeting", meeting.id, "dates", "city", "venue"),
    })),
    ...milestoneRows.map((milestone) => ({
      kind: "milestone" as const,
      subkind: null,
      id: milestone.id,
      label: milestone.title,
      localized: { label: localText("milestone", milestone.id, "title", milestone.title), city: null },
      number: null,
      startDate: milestone.occurredOn,
      endDate: milestone.occurredOn,
      precision: (milestone.occurredPrecision === "month" || milestone.occurredPrecision === "year"
        ? milestone.occurredPrecision
        : "day") as Item["precision"],
      city: null,
      status: null,
      ...disputedMark(disputes, "milestone", milestone.id, "dates"),
    })),
    ...decisionRows.map((decision) => ({
      kind: "decision" as const,
      subkind: decision.kind,
      id: decision.id,
      label: `${decisionWords[decision.kind]} (${decision.decidedBy})`,
      localized: {
        label: localText(
          "process_decision",
          decision.id,
          "label",
          `${decisionWords[decision.kind]} (${decision.decidedBy})`,
        ),
        city: null,
      },
      number: null,
      startDate: decision.decidedOn,
      endDate: decision.decidedOn,
      precision: "day" as const,
      city: null,
      status: decision.toStatus,
      ...disputedMark(disputes, "process_decision", decision.id, "decidedOn"),
    })),
  ];
  const kindOrder = { decision: 0, milestone: 1, meeting: 2, round: 3 };
  const dated = items
    .filter((item) => item.startDate !== null)
    .sort(
      (a, b) =>
        (a.startDate ?? "").localeCompare(b.startDate ?? "") ||
        kindOrder[a.kind] - kindOrder[b.kind] ||
        a.id.localeCompare(b.id),
    );

  const gaps: Timeline["gaps"] = [];
  const datedRounds = roundRows.filter((round) => round.startDate && round.endDate);
  for (let index = 1; index < datedRounds.length; index += 1) {
    const before = datedRounds[index - 1];
    const after = datedRounds[index];
    if (!before?.endDate || !after?.startDate) continue;
    const days = daysBetween(before.endDate, after.startDate);
    if (days > minGapDays) {
      gaps.push({
        afterRoundId: before.id,
        afterNumber: before.number,
        beforeRoundId: after.id,
        beforeNumber: after.number,
        from: before.endDate,
        to: after.startDate,
        days,
      });
    }
  }

  const periods: Timeline["periods"] = decisionRows.map((decision, index) => ({
    kind: periodKind[decision.kind],
    from: decision.decidedOn,
    to: decisionRows[index + 1]?.decidedOn ?? null,
    decisionId: decision.id,
  }));

  return {
    processId: process.id,
    items: dated,
    undated: items.filter((item) => item.startDate === null),
    gaps,
    periods,
  };
}
