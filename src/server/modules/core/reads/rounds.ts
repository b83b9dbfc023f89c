import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { disputedFields } from "../../../../contracts/disputes.ts";
import { type ProcessRole, processRoles } from "../../../../contracts/enums.ts";
import type { AnnouncedVsHeld, RoundDetail, RoundSummary } from "../../../../contracts/process.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type DisputeIndex, disputedMark, disputesIn } from "../../../platform/disputes.ts";
import { NotFound } from "../../../platform/errors.ts";
import { localName, preloadTexts } from "../../../platform/text-versions.ts";
import { isSecretariat, roundCan, roundsVisibleTo } from "../policies.ts";
import {
  compareEnglishNames,
  localPlace,
  participantRef,
  preloadPlaces,
  presentAnnouncement,
  presentNextRoundDecision,
  presentRoundCore,
} from "../presenters/process.ts";
import { participants, roundAnnouncements, roundParticipations, rounds } from "../schema.ts";
import { findProcess, findVisibleRound, type ProcessRow, type RoundRow } from "./common.ts";
import { visibleRoundDelegations } from "./delegations.ts";

type ByRole = RoundSummary["participants"];

function emptyByRole(): ByRole {
  return Object.fromEntries(processRoles.map((role) => [role, []])) as unknown as ByRole;
}

/** Who took part in each of these (already visible) rounds, grouped by role and sorted by English name. */
async function participantsByRole(
  db: Db,
  roundIds: string[],
  disputes: DisputeIndex,
): Promise<Map<string, ByRole>> {
  const result = new Map<string, ByRole>();
  if (roundIds.length === 0) return result;
  const rows = await db
    .select({ participation: roundParticipations, participant: participants })
    .from(roundParticipations)
    .innerJoin(participants, eq(participants.id, roundParticipations.participantId))
    .where(inArray(roundParticipations.roundId, roundIds));
  rows.sort((a, b) => compareEnglishNames(a.participant, b.participant));
  for (const { participation, participant } of rows) {
    const byRole = result.get(participation.roundId) ?? emptyByRole();
    byRole[participation.role as ProcessRole].push({
      id: participant.id,
      slug: participant.slug,
      name: participant.names.en,
      names: participant.names,
      localized: { name: localName(participant.names) },
      attendance: participation.attendance,
      ...disputedMark(disputes, "round_participation", participation.id, "attendance"),
    });
    result.set(participation.roundId, byRole);
  }
  return result;
}

/** Loads the translations of these (visible) rounds' texts and places for the read being answered. */
async function preloadRoundTexts(db: Db, rows: RoundRow[]): Promise<void> {
  await preloadTexts(
    db,
    "round",
    rows.map((row) => row.id),
  );
  await preloadPlaces(
    db,
    rows.flatMap((row) => [row.city, row.nextRoundCity]),
  );
}

function presentSummary(
  actor: Actor,
  process: ProcessRow,
  row: RoundRow,
  byRole: ByRole | undefined,
  disputes: DisputeIndex,
): RoundSummary {
  return {
    ...presentRoundCore(row),
    processSlug: process.slug,
    participants: byRole ?? emptyByRole(),
    can: roundCan(actor, row),
    // Every disputed value of the round itself (dates, city, outcomes, next round…), each by its field.
    ...disputedMark(disputes, "round", row.id, ...disputedFields),
  };
}

/** The rounds of a process the actor may see (planned ones only inside the process), in number order. */
export function visibleRoundsOf(db: Db, actor: Actor, processId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.processId, processId), roundsVisibleTo(actor)))
    .orderBy(asc(rounds.number));
}

/** GET /processes/{id}/rounds: the rounds the actor may see (planned ones only inside the process). */
export async function listProcessRounds(db: Db, actor: Actor, processRef: string) {
  const process = await findProcess(db, processRef);
  const rows = await visibleRoundsOf(db, actor, process.id);
  const disputes = await disputesIn(db, actor, process.id);
  await preloadRoundTexts(db, rows);
  const byRole = await participantsByRole(
    db,
    rows.map((row) => row.id),
    disputes,
  );
  return {
    processId: process.id,
    items: rows.map((row) => presentSummary(actor, process, row, byRole.get(row.id), disputes)),
    can: { plan: isSecretariat(actor, process.id) },
  };
}

/** The id of a process's round by number, if the actor may see it (for the CLI and friendly addresses). */
export async function findRoundIdByNumber(
  db: Db,
  actor: Actor,
  processRef: string,
  number: number,
): Promise<string> {
  const process = await findProcess(db, processRef);
  const [row] = await db
    .select({ id: rounds.id })
    .from(rounds)
    .where(and(eq(rounds.processId, process.id), eq(rounds.number, number), roundsVisibleTo(actor)))
    .limit(1);
  if (!row) throw new NotFound("Round", `${process.slug} ${number}`);
  return row.id;
}

function sameCity(a: string, b: string): boolean {
  return a.localeCompare(b, "en", { sensitivity: "base" }) === 0;
}

/**
 * Sets the previous round's decision on the next one against where and when this round was held: the
 * record shows rounds that met elsewhere or at another time than decided.
 */
export function compareAnnouncedWithHeld(previous: RoundRow, round: RoundRow): AnnouncedVsHeld | null {
  if (!previous.nextRoundWording) return null;
  const decision = {
    wording: previous.nextRoundWording,
    city: previous.nextRoundCity,
    windowStart: previous.nextRoundWindowStart,
    windowEnd: previous.nextRoundWindowEnd,
  };
  const hasWindow = decision.windowStart !== null || decision.windowEnd !== null;
  const start = round.startDate;
  const end = round.endDate ?? round.startDate;
  return {
    decidedAtRound: { id: previous.id, number: previous.number },
    decision: presentNextRoundDecision(previous.id, decision),
    held: {
      city: round.city,
      startDate: round.startDate,
      endDate: round.endDate,
      localized: { city: localPlace(round.city) },
    },
    cityMatches: decision.city && round.city ? sameCity(decision.city, round.city) : null,
    datesWithinWindow:
      hasWindow && start && end
        ? (decision.windowStart === null || start >= decision.windowStart) &&
          (decision.windowEnd === null || end <= decision.windowEnd)
        : null,
  };
}

/** GET /rounds/{id}: a round with its announcements, participations, delegations and decisions. */
export async function getRound(db: Db, actor: Actor, roundId: string): Promise<RoundDetail> {
  const visible = await findVisibleRound(db, actor, roundId);
  const { round, process } = visible;
  const [announcements, participations, [previous], delegations] = await Promise.all([
    db
      .select()
      .from(roundAnnouncements)
      .where(eq(roundAnnouncements.roundId, round.id))
      .orderBy(asc(roundAnnouncements.publishedOn), asc(roundAnnouncements.createdAt)),
    db
      .select({ participation: roundParticipations, participant: participants })
      .from(roundParticipations)
      .innerJoin(participants, eq(participants.id, roundParticipations.participantId))
      .where(eq(roundParticipations.roundId, round.id)),
    db
      .select()
      .from(rounds)
      .where(and(eq(rounds.processId, process.id), lt(rounds.number, round.number), roundsVisibleTo(actor)))
      .orderBy(desc(rounds.number))
      .limit(1),
    visibleRoundDelegations(db, actor, visible),
  ]);
  participations.sort((a, b) => compareEnglishNames(a.participant, b.participant));
  const disputes = await disputesIn(db, actor, process.id);
  const byRole = await participantsByRole(db, [round.id], disputes);
  await preloadRoundTexts(db, previous ? [round, previous] : [round]);
  // After the preload: the previous round's decision is presented in the reader's language.
  const announcedVsHeld = previous ? compareAnnouncedWithHeld(previous, round) : null;
  await preloadTexts(
    db,
    "round_announcement",
    announcements.map((row) => row.id),
  );
  await preloadPlaces(
    db,
    announcements.map((row) => row.announcedCity),
  );
  return {
    ...presentSummary(actor, process, round, byRole.get(round.id), disputes),
    announcements: announcements.map(presentAnnouncement),
    participations: participations.map(({ participation, participant }) => ({
      id: participation.id,
      participant: participantRef(participant),
      role: participation.role,
      attendance: participation.attendance,
      note: participation.note,
      citedText: participation.citedText,
      ...disputedMark(disputes, "round_participation", participation.id, "attendance"),
    })),
    delegations,
    nextRound: round.nextRoundWording
      ? {
          ...presentNextRoundDecision(round.id, {
            wording: round.nextRoundWording,
            city: round.nextRoundCity,
            windowStart: round.nextRoundWindowStart,
            windowEnd: round.nextRoundWindowEnd,
          }),
          ...disputedMark(disputes, "round", round.id, "nextRound"),
        }
      : null,
    announcedVsHeld: announcedVsHeld
      ? { ...announcedVsHeld, ...disputedMark(disputes, "round", round.id, "announcedVsHeld") }
      : null,
    precedence: { order: round.precedenceOrder, customOrder: round.precedenceCustom },
  };
}
