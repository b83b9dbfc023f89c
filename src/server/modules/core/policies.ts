import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { AccreditationState, ProcessStatus, RoundStatus } from "../../../contracts/enums.ts";
import { type Actor, canSee, delegationIdsOf, hasRole, type Tier, visibleTo } from "../../platform/authz.ts";
import { roundAnnouncements, roundDelegations, rounds } from "./schema.ts";

/** The system itself (the CLI run by the operator, start-up tasks). */
export function isSystem(actor: Actor): boolean {
  return actor.kind === "system";
}

/** Accounts are managed by platform administrators and by the system (the CLI, run by the operator). */
export function canManageAccounts(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "account" && actor.isAdmin);
}

/**
 * Membership of a delegation gives a person a role in a process, so only an administrator or the
 * process's host secretariat may grant it.
 */
export function canManageMemberships(actor: Actor, processId: string): boolean {
  return canManageAccounts(actor) || hasRole(actor, processId, "host");
}

/**
 * Who may change a delegation's members: `canManageMemberships` in the delegation's process. For a
 * delegation that does not exist any signed-in actor passes, so the operation answers 404 rather
 * than 403 (the public still gets 401 first).
 */
export function canChangeMembersOf(actor: Actor, delegation: { processId: string } | null): boolean {
  if (delegation === null) return actor.kind !== "anonymous";
  return canManageMemberships(actor, delegation.processId);
}

/** Each signed-in person chooses their own interface language; nobody else's. */
export function canSetOwnLocale(actor: Actor): boolean {
  return actor.kind === "account";
}

/** The processes whose memberships the actor may change, so the UI can offer the action (or not). */
export function processesWhereMembershipsAreManaged(actor: Actor): string[] {
  if (actor.kind !== "account") return [];
  const processIds = new Set(actor.memberships.map((membership) => membership.processId));
  return [...processIds].filter((processId) => canManageMemberships(actor, processId));
}

// ---- processes, rounds, participants, meetings and delegations ------------------------------------

/**
 * The host secretariat of a process (the host participant's delegation) runs it: rounds, meetings,
 * roles, invitations, accreditation. The system actor (CLI, start-up) acts for the operator.
 */
export function isSecretariat(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "host");
}

/** A process is opened by a platform administrator (or the operator); its host then runs it. */
export function canCreateProcess(actor: Actor): boolean {
  return canManageAccounts(actor);
}

/**
 * Participants (states, parties, organizations) are shared by every process, so administrators and
 * the secretariat of any process may add and correct them.
 */
export function canManageParticipants(actor: Actor): boolean {
  return (
    canManageAccounts(actor) ||
    (actor.kind === "account" && actor.memberships.some((membership) => membership.roles.includes("host")))
  );
}

/** The statuses in which a round is public whatever its history. */
export const publicRoundStatuses = ["announced", "in_session", "concluded"] as const;

/** What decides a round's tier: its status, and whether it was ever announced. */
export type RoundVisibilityFacts = { processId: string; status: RoundStatus; hasAnnouncement: boolean };

/**
 * A round is public once announced (and stays public if later postponed or cancelled); before that
 * (planned, or postponed/cancelled without ever being announced) it is `process` tier: the
 * process's delegations and its secretariat only.
 */
export function roundTier(round: RoundVisibilityFacts): Tier {
  const announced =
    (publicRoundStatuses as readonly string[]).includes(round.status) || round.hasAnnouncement;
  return announced ? "public" : "process";
}

/** The tier rule applied to one round (see `roundTier`). */
export function canSeeRound(actor: Actor, round: RoundVisibilityFacts): boolean {
  return canSee(actor, { tier: roundTier(round), processId: round.processId });
}

/** The round transitions the rules allow: planned → announced → in session → concluded, with detours. */
export const roundTransitions: Record<RoundStatus, RoundStatus[]> = {
  planned: ["announced", "postponed", "cancelled"],
  announced: ["in_session", "postponed", "cancelled"],
  in_session: ["concluded"],
  concluded: [],
  postponed: ["announced", "cancelled"],
  cancelled: [],
};

/** Whether the lifecycle allows a round to go from one status to another. */
export function roundMayMove(from: RoundStatus, to: RoundStatus): boolean {
  return roundTransitions[from].includes(to);
}

/** The process transitions the rules allow; each is a recorded decision. */
export const processTransitions: Record<
  "suspend" | "conclude" | "resume",
  { from: ProcessStatus[]; to: ProcessStatus }
> = {
  suspend: { from: ["active"], to: "suspended" },
  conclude: { from: ["active", "suspended"], to: "concluded" },
  resume: { from: ["suspended", "concluded"], to: "active" },
};

/** Delegations are invited, and lists changed, only while the round is still ahead or under way. */
export function roundTakesDelegations(status: RoundStatus): boolean {
  return status === "planned" || status === "announced" || status === "postponed" || status === "in_session";
}

/** What decides who sees a round delegation: its round, its standing delegation and its status. */
export type RoundDelegationFacts = {
  round: RoundVisibilityFacts;
  delegationId: string | null;
  status: AccreditationState;
};

/**
 * Until accredited, an invitation and its list of members are the secretariat's and that delegation's
 * own (`delegation` tier). Once accredited, the delegation is on the round's list of participants,
 * which has the round's tier: public for an announced round.
 */
export function roundDelegationTier(delegation: RoundDelegationFacts): Tier {
  return delegation.status === "accredited" ? roundTier(delegation.round) : "delegation";
}

/** The secretariat sees every invitation; others see by `roundDelegationTier`. */
export function canSeeRoundDelegation(actor: Actor, delegation: RoundDelegationFacts): boolean {
  if (isSecretariat(actor, delegation.round.processId)) return true;
  return canSee(actor, {
    tier: roundDelegationTier(delegation),
    processId: delegation.round.processId,
    delegationId: delegation.delegationId,
  });
}

/** Whether the actor speaks for this standing delegation (one of its member accounts). */
export function isOwnDelegation(actor: Actor, delegationId: string | null): boolean {
  return delegationId !== null && delegationIdsOf(actor).includes(delegationId);
}

/**
 * A delegation submits its own list of members; the secretariat may enter it on the delegation's
 * behalf (lists often arrive by diplomatic note). Nobody else may.
 */
export function canSubmitMembers(actor: Actor, delegation: RoundDelegationFacts): boolean {
  return isSecretariat(actor, delegation.round.processId) || isOwnDelegation(actor, delegation.delegationId);
}

/** The secretariat's note to a delegation is between the two of them. */
export function canReadSecretariatNote(actor: Actor, delegation: RoundDelegationFacts): boolean {
  return isSecretariat(actor, delegation.round.processId) || isOwnDelegation(actor, delegation.delegationId);
}

/** `roundTier` as an SQL expression over the `rounds` table, so lists are filtered in the database. */
export function roundTierSql(): SQL {
  return sql`(case when ${rounds.status} in ('announced', 'in_session', 'concluded') or exists (select 1 from ${roundAnnouncements} where ${roundAnnouncements.roundId} = ${rounds.id}) then 'public' else 'process' end)`;
}

/** The rounds this actor may see (`canSeeRound` in SQL): for the WHERE of every query on `rounds`. */
export function roundsVisibleTo(actor: Actor): SQL {
  return visibleTo(actor, { tier: roundTierSql() as unknown as AnyPgColumn, processId: rounds.processId });
}

/** The processes whose host secretariat the actor is (the system actor: every process, as `true`). */
function secretariatProcessIds(actor: Actor): string[] {
  if (actor.kind !== "account") return [];
  return [
    ...new Set(
      actor.memberships
        .filter((membership) => membership.roles.includes("host"))
        .map((membership) => membership.processId),
    ),
  ];
}

/**
 * `canSeeRoundDelegation` in SQL, for a query that joins `round_delegations` to its `rounds`: the
 * secretariat sees every invitation of its process, a delegation its own, everyone else the
 * accredited ones of rounds they may see. The one rule for a round delegation and its members,
 * whichever route reads them.
 */
export function roundDelegationsVisibleTo(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  const host = secretariatProcessIds(actor);
  const own = delegationIdsOf(actor);
  return (
    or(
      and(eq(roundDelegations.status, "accredited"), roundsVisibleTo(actor)),
      host.length > 0 ? inArray(rounds.processId, host) : undefined,
      own.length > 0 ? inArray(roundDelegations.delegationId, own) : undefined,
    ) ?? sql`false`
  );
}

/** What the actor may do next to a process, so the UI never guesses. */
export function processCan(actor: Actor, process: { id: string; status: ProcessStatus; launched: boolean }) {
  const secretariat = isSecretariat(actor, process.id);
  const may = (kind: keyof typeof processTransitions) =>
    secretariat && processTransitions[kind].from.includes(process.status);
  return {
    update: secretariat,
    launch: secretariat && !process.launched,
    suspend: may("suspend"),
    conclude: may("conclude"),
    resume: may("resume"),
    planRound: secretariat,
    createMeeting: secretariat,
    assignRole: secretariat,
    recordRoleChange: secretariat,
  };
}

/**
 * The dates a round still lacks before it may be announced: an announcement publishes its dates, so
 * `core.round.announce` refuses a round without them (422 naming the first) and `can.announce` is false.
 */
export function datesMissingForAnnouncement(round: {
  startDate: string | null;
  endDate: string | null;
}): ("startDate" | "endDate")[] {
  return (["startDate", "endDate"] as const).filter((field) => !round[field]);
}

/** What the actor may do next to a round: the operations' own checks, preconditions included. */
export function roundCan(
  actor: Actor,
  round: { processId: string; status: RoundStatus; startDate: string | null; endDate: string | null },
) {
  const secretariat = isSecretariat(actor, round.processId);
  const may = (to: RoundStatus) => secretariat && roundMayMove(round.status, to);
  return {
    update: secretariat,
    announce: may("announced") && datesMissingForAnnouncement(round).length === 0,
    open: may("in_session"),
    conclude: may("concluded"),
    postpone: may("postponed"),
    cancel: may("cancelled"),
    decideNext: secretariat,
    invite: secretariat && roundTakesDelegations(round.status),
    setPrecedence: secretariat,
    recordParticipation: secretariat,
  };
}

/** What the actor may do next to a round delegation. */
export function roundDelegationCan(actor: Actor, delegation: RoundDelegationFacts) {
  const open = roundTakesDelegations(delegation.round.status);
  const secretariat = isSecretariat(actor, delegation.round.processId);
  return {
    submitMembers:
      open &&
      canSubmitMembers(actor, delegation) &&
      ["invited", "submitted", "changes_requested"].includes(delegation.status),
    accredit: open && secretariat && delegation.status === "submitted",
    requestChanges: open && secretariat && delegation.status === "submitted",
  };
}

// ---- personal API tokens ----------------------------------------------------------------------------

/**
 * A person makes and lists their own API tokens while signed in; a token cannot make more tokens
 * (a leaked token must not be able to outlive its revocation).
 */
export function canManageOwnApiTokens(actor: Actor): boolean {
  return actor.kind === "account" && actor.credential === undefined;
}

/** A token is seen and revoked by its owner (also with the token itself) and by administrators. */
export function canSeeApiToken(actor: Actor, token: { accountId: string }): boolean {
  return canManageAccounts(actor) || (actor.kind === "account" && token.accountId === actor.accountId);
}
