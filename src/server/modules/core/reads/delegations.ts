import { and, asc, eq, inArray } from "drizzle-orm";
import { type PrecedenceOrder, processRoles } from "../../../../contracts/enums.ts";
import type { DelegationMember, ParticipantsList, RoundDelegation } from "../../../../contracts/process.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { preloadTexts } from "../../../platform/text-versions.ts";
import {
  canReadSecretariatNote,
  isSecretariat,
  roundCan,
  roundDelegationCan,
  roundDelegationsVisibleTo,
} from "../policies.ts";
import { compareEnglishNames, participantRef, presentMember } from "../presenters/process.ts";
import { delegationMembers, roundDelegations, rounds } from "../schema.ts";
import { findVisibleRound, type ParticipantRow, participantsById, type VisibleRound } from "./common.ts";

type RoundDelegationRow = typeof roundDelegations.$inferSelect;

async function membersOf(db: Db, ids: string[]): Promise<Map<string, DelegationMember[]>> {
  const byDelegation = new Map<string, DelegationMember[]>();
  if (ids.length === 0) return byDelegation;
  const rows = await db
    .select()
    .from(delegationMembers)
    .where(inArray(delegationMembers.roundDelegationId, ids))
    .orderBy(asc(delegationMembers.position));
  await preloadTexts(
    db,
    "delegation_member",
    rows.map((row) => row.id),
  );
  for (const row of rows) {
    const list = byDelegation.get(row.roundDelegationId) ?? [];
    list.push(presentMember(row));
    byDelegation.set(row.roundDelegationId, list);
  }
  return byDelegation;
}

function presentRoundDelegation(
  actor: Actor,
  visible: VisibleRound,
  row: RoundDelegationRow,
  participant: ParticipantRow,
  members: DelegationMember[],
): RoundDelegation {
  const facts = { round: visible.facts, delegationId: row.delegationId, status: row.status };
  return {
    id: row.id,
    roundId: row.roundId,
    roundNumber: visible.round.number,
    processId: visible.round.processId,
    participant: participantRef(participant),
    delegationId: row.delegationId,
    role: row.role,
    status: row.status,
    secretariatNote: canReadSecretariatNote(actor, facts) ? row.secretariatNote : null,
    version: row.version,
    head: members.find((member) => member.isHead) ?? null,
    members,
    can: roundDelegationCan(actor, facts),
  };
}

/** The delegations of a visible round that this actor may see, with their members. */
export async function visibleRoundDelegations(
  db: Db,
  actor: Actor,
  visible: VisibleRound,
): Promise<RoundDelegation[]> {
  const shown = (
    await db
      .select({ row: roundDelegations })
      .from(roundDelegations)
      .innerJoin(rounds, eq(rounds.id, roundDelegations.roundId))
      .where(and(eq(roundDelegations.roundId, visible.round.id), roundDelegationsVisibleTo(actor)))
  ).map(({ row }) => row);
  const people = await participantsById(
    db,
    shown.map((row) => row.participantId),
  );
  const members = await membersOf(
    db,
    shown.map((row) => row.id),
  );
  return shown
    .flatMap((row) => {
      const participant = people.get(row.participantId);
      return participant
        ? [presentRoundDelegation(actor, visible, row, participant, members.get(row.id) ?? [])]
        : [];
    })
    .sort((a, b) => compareEnglishNames(a.participant, b.participant));
}

/** GET /rounds/{id}/delegations: what the actor may see of the round's invitations and accreditations. */
export async function listRoundDelegations(db: Db, actor: Actor, roundId: string) {
  const visible = await findVisibleRound(db, actor, roundId);
  return {
    roundId: visible.round.id,
    items: await visibleRoundDelegations(db, actor, visible),
    can: { invite: roundCan(actor, visible.round).invite },
  };
}

/** One round delegation; another delegation's invitation answers 404 like a missing one. */
export async function getRoundDelegation(db: Db, actor: Actor, id: string): Promise<RoundDelegation> {
  const [found] = await db
    .select({ row: roundDelegations })
    .from(roundDelegations)
    .innerJoin(rounds, eq(rounds.id, roundDelegations.roundId))
    .where(and(eq(roundDelegations.id, id), roundDelegationsVisibleTo(actor)))
    .limit(1);
  if (!found) throw new NotFound("Round delegation", id);
  const row = found.row;
  const visible = await findVisibleRound(db, actor, row.roundId).catch((error: unknown) => {
    throw error instanceof NotFound ? new NotFound("Round delegation", id) : error;
  });
  const people = await participantsById(db, [row.participantId]);
  const participant = people.get(row.participantId);
  if (!participant) throw new NotFound("Round delegation", id);
  const members = await membersOf(db, [row.id]);
  return presentRoundDelegation(actor, visible, row, participant, members.get(row.id) ?? []);
}

const roleRank = (role: string) => processRoles.indexOf(role as (typeof processRoles)[number]);

/** Orders the list of participants by the order of precedence the secretariat chose. */
export function orderByPrecedence<
  T extends { participant: { id: string; names: { en: string } }; role: string },
>(entries: T[], order: PrecedenceOrder, custom: string[] | null): T[] {
  const byName = (a: T, b: T) => compareEnglishNames(a.participant, b.participant);
  if (order === "role_then_alphabetical") {
    return [...entries].sort((a, b) => roleRank(a.role) - roleRank(b.role) || byName(a, b));
  }
  if (order === "custom") {
    const place = new Map((custom ?? []).map((id, index) => [id, index]));
    const rank = (entry: T) => place.get(entry.participant.id) ?? Number.MAX_SAFE_INTEGER;
    return [...entries].sort((a, b) => rank(a) - rank(b) || byName(a, b));
  }
  return [...entries].sort(byName);
}

/**
 * The round's list of participants: its accredited delegations with their heads and members, in the
 * order of precedence asked for (or the one the secretariat stored). It has the round's tier.
 */
export async function getParticipantsList(
  db: Db,
  actor: Actor,
  roundId: string,
  order?: PrecedenceOrder,
): Promise<ParticipantsList> {
  const visible = await findVisibleRound(db, actor, roundId);
  const { round, process } = visible;
  const rows = await db
    .select()
    .from(roundDelegations)
    .where(and(eq(roundDelegations.roundId, round.id), eq(roundDelegations.status, "accredited")));
  const people = await participantsById(
    db,
    rows.map((row) => row.participantId),
  );
  const members = await membersOf(
    db,
    rows.map((row) => row.id),
  );
  const chosen = order ?? round.precedenceOrder;
  const entries = orderByPrecedence(
    rows.flatMap((row) => {
      const participant = people.get(row.participantId);
      if (!participant) return [];
      const list = members.get(row.id) ?? [];
      return [
        {
          participant: participantRef(participant),
          role: row.role,
          head: list.find((member) => member.isHead) ?? null,
          members: list,
        },
      ];
    }),
    chosen,
    round.precedenceCustom,
  );
  return {
    roundId: round.id,
    roundNumber: round.number,
    roundName: round.names.en,
    roundNames: round.names,
    processName: process.names.en,
    processNames: process.names,
    startDate: round.startDate,
    endDate: round.endDate,
    city: round.city,
    venue: round.venue,
    order: chosen,
    entries: entries.map((entry, index) => ({ position: index + 1, ...entry })),
    can: { setPrecedence: isSecretariat(actor, round.processId) },
  };
}
