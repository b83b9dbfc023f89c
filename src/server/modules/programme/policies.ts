// Who may see and change a round's programme: pure functions, deny by default, used by the operations
// and the reads' `can`, and the same rules as SQL for the reads' filters.
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { SessionKind, SessionTier } from "../../../contracts/programme.ts";
import { type Actor, hasRole } from "../../platform/authz.ts";
import { programmeAgendaItems, programmeRequests, programmeSessions } from "./schema.ts";

/** The host secretariat runs the programme (the operator acts as it from the CLI and jobs). */
export function isSecretariat(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "host");
}

/** The participants the actor speaks for in a process (one per delegation it sits on). */
export function participantsOf(actor: Actor, processId: string): string[] {
  if (actor.kind !== "account") return [];
  return actor.memberships.filter((m) => m.processId === processId).map((m) => m.participantId);
}

function memberProcesses(actor: Actor): string[] {
  return actor.kind === "account" ? [...new Set(actor.memberships.map((m) => m.processId))] : [];
}

/** What the session rule needs to know of a session. */
export type SessionFacts = {
  processId: string;
  tier: SessionTier;
  state: "provisional" | "published";
  participantIds: readonly string[];
};

/**
 * A provisional session is the secretariat's alone (it is still reviewing); once published a public
 * session (plenary, press conference) is anyone's, a process session every delegation's of the
 * process, and a closed one (a bilateral) its own delegations' and the secretariat's.
 */
export function canSeeSession(actor: Actor, session: SessionFacts): boolean {
  if (isSecretariat(actor, session.processId)) return true;
  if (session.state !== "published") return false;
  if (session.tier === "public") return true;
  if (session.tier === "process") return memberProcesses(actor).includes(session.processId);
  const mine = participantsOf(actor, session.processId);
  return session.participantIds.some((id) => mine.includes(id));
}

/** `canSeeSession` as an SQL condition on programme_sessions, so every list is filtered in the database. */
export function sessionsVisibleTo(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  const conditions: (SQL | undefined)[] = [
    and(eq(programmeSessions.state, "published"), eq(programmeSessions.tier, "public")),
  ];
  if (actor.kind === "account") {
    const hosted = actor.memberships.filter((m) => m.roles.includes("host")).map((m) => m.processId);
    if (hosted.length > 0) conditions.push(inArray(programmeSessions.processId, hosted));
    const processes = memberProcesses(actor);
    if (processes.length > 0)
      conditions.push(
        and(
          eq(programmeSessions.state, "published"),
          eq(programmeSessions.tier, "process"),
          inArray(programmeSessions.processId, processes),
        ),
      );
    for (const membership of actor.memberships)
      conditions.push(
        and(
          eq(programmeSessions.state, "published"),
          eq(programmeSessions.processId, membership.processId),
          sql`${programmeSessions.participantIds} @> ${JSON.stringify([membership.participantId])}::jsonb`,
        ),
      );
  }
  return or(...conditions) ?? sql`false`;
}

/** A request is between its requester, its invitees and the secretariat. */
export function canSeeRequest(
  actor: Actor,
  request: { processId: string; requesterId: string; inviteeIds: readonly string[] },
): boolean {
  if (isSecretariat(actor, request.processId)) return true;
  const mine = participantsOf(actor, request.processId);
  return mine.includes(request.requesterId) || request.inviteeIds.some((id) => mine.includes(id));
}

/** `canSeeRequest` as SQL on programme_requests. */
export function requestsVisibleTo(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind !== "account") return sql`false`;
  const conditions: (SQL | undefined)[] = [];
  const hosted = actor.memberships.filter((m) => m.roles.includes("host")).map((m) => m.processId);
  if (hosted.length > 0) conditions.push(inArray(programmeRequests.processId, hosted));
  for (const membership of actor.memberships)
    conditions.push(
      and(
        eq(programmeRequests.processId, membership.processId),
        or(
          eq(programmeRequests.requesterId, membership.participantId),
          sql`${programmeRequests.inviteeIds} @> ${JSON.stringify([membership.participantId])}::jsonb`,
        ),
      ),
    );
  return or(...conditions) ?? sql`false`;
}

/** A proposed agenda is the process's (every delegation's); the adopted agenda is public. */
export function agendaVisibleTo(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  const processes = memberProcesses(actor);
  return (
    or(
      eq(programmeAgendaItems.status, "adopted"),
      processes.length > 0 ? inArray(programmeAgendaItems.processId, processes) : undefined,
    ) ?? sql`false`
  );
}

/**
 * The delegations the actor may act for in a round's requests: its own accredited ones; the
 * secretariat (and the operator) for any accredited delegation, since requests also arrive by note.
 */
export function actingFor(actor: Actor, processId: string, accredited: readonly string[]): string[] {
  if (isSecretariat(actor, processId)) return [...accredited];
  return participantsOf(actor, processId).filter((id) => accredited.includes(id));
}

/** The tier a kind of session takes unless the secretariat says otherwise. */
export function defaultTier(kind: SessionKind): SessionTier {
  if (kind === "plenary" || kind === "press_conference") return "public";
  if (kind === "ministerial" || kind === "reception" || kind === "break") return "process";
  return "closed";
}

/** What the actor may do on a round's programme, from the same rules the operations apply. */
export function programmeCan(actor: Actor, processId: string, accredited: readonly string[]) {
  const secretariat = isSecretariat(actor, processId) && actor.kind === "account";
  return {
    configure: secretariat,
    editAgenda: secretariat,
    editSessions: secretariat,
    schedule: secretariat,
    publish: secretariat,
    fileRequest: actor.kind === "account" && actingFor(actor, processId, accredited).length > 0,
  };
}

/**
 * Whether the actor may act as `participantId` in a round: its own accredited delegation (any, for the
 * secretariat). A name that is not accredited at all passes for an actor who may act for someone, so
 * the operation answers 422 naming the fault rather than a bare 403.
 */
export function mayActAs(
  actor: Actor,
  round: { processId: string; accredited: readonly string[] },
  participantId: string,
): boolean {
  const mine = actingFor(actor, round.processId, round.accredited);
  return mine.includes(participantId) || (mine.length > 0 && !round.accredited.includes(participantId));
}
