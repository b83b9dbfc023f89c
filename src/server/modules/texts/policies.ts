// Who may see and change a negotiated text: pure functions, deny by default, used by the operations
// and by the reads' `can`, and the same rule as SQL for the reads' filters.
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DocumentStatus, RuleRole } from "../../../contracts/texts.ts";
import { type Actor, canSee, hasRole, type ProcessRole, type Tier, visibleTo } from "../../platform/authz.ts";
import { textDocuments } from "./schema.ts";

/** What the rules need to know of a document. */
export type DocumentFacts = {
  processId: string;
  tier: Tier;
  status: DocumentStatus;
  ruleParticipantIds: readonly string[];
  facilitatorParticipantIds: readonly string[];
};

/** The participants the actor acts for in a process (one per delegation it sits on). */
export function participantsOf(actor: Actor, processId: string): string[] {
  if (actor.kind !== "account") return [];
  return actor.memberships.filter((m) => m.processId === processId).map((m) => m.participantId);
}

/** Whether a role opens a tier, by the platform's tier rule itself (so this module never restates it). */
export function roleOpensTier(role: ProcessRole, tier: Tier): boolean {
  const probe: Actor = {
    kind: "account",
    accountId: "probe",
    name: "probe",
    email: "probe",
    isAdmin: false,
    memberships: [{ processId: "probe", delegationId: "probe", participantId: "probe", roles: [role] }],
  };
  return tier !== "delegation" && tier !== "intermediary" && canSee(probe, { tier, processId: "probe" });
}

/** The tier a kind of document's drafts take unless told otherwise: the joint statement's is the guarantors'. */
export function defaultDraftTier(kind: string): Tier {
  return kind === "joint_statement" || kind === "communique" ? "guarantors" : "observers-excluded";
}

/** The consensus rule a kind takes unless told otherwise: all guarantors, or all parties and guarantors for regulations. */
export function defaultRule(kind: string): RuleRole[] {
  return kind === "regulations" || kind === "memorandum" ? ["guarantor", "party"] : ["guarantor"];
}

function isFacilitator(actor: Actor, document: DocumentFacts): boolean {
  return participantsOf(actor, document.processId).some((id) =>
    document.facilitatorParticipantIds.includes(id),
  );
}

/**
 * Who reads a draft: those its tier opens, the host secretariat (it holds the pen) and the facilitators
 * named on the document. Nobody else learns that the draft, or any proposal in it, exists.
 */
export function canSeeDraft(actor: Actor, document: DocumentFacts): boolean {
  if (actor.kind === "system") return true;
  return (
    canSee(actor, { tier: document.tier, processId: document.processId }) ||
    hasRole(actor, document.processId, "host") ||
    isFacilitator(actor, document)
  );
}

/** A published document is public; before that only the draft's readers see it. */
export function canSeeDocument(actor: Actor, document: DocumentFacts): boolean {
  return document.status === "published" || canSeeDraft(actor, document);
}

/** `canSeeDraft` as an SQL condition on text_documents, so lists and joins are filtered in the database. */
export function draftsVisibleTo(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  const conditions: (SQL | undefined)[] = [visibleTo(actor, textDocuments)];
  if (actor.kind === "account") {
    const hosted = actor.memberships.filter((m) => m.roles.includes("host")).map((m) => m.processId);
    if (hosted.length > 0) conditions.push(inArray(textDocuments.processId, hosted));
    for (const membership of actor.memberships) {
      conditions.push(
        and(
          eq(textDocuments.processId, membership.processId),
          sql`${textDocuments.facilitatorParticipantIds} @> ${JSON.stringify([membership.participantId])}::jsonb`,
        ),
      );
    }
  }
  return or(...conditions) ?? sql`false`;
}

/** `canSeeDocument` as SQL. */
export function documentsVisibleTo(actor: Actor): SQL {
  return or(eq(textDocuments.status, "published"), draftsVisibleTo(actor)) ?? sql`false`;
}

/** The pen-holder (the secretariat or a facilitator named on the document) edits the text and decides proposals. */
export function isPenHolder(actor: Actor, document: DocumentFacts): boolean {
  return (
    actor.kind === "system" || hasRole(actor, document.processId, "host") || isFacilitator(actor, document)
  );
}

/** Documents of a round are created by the round's secretariat. */
export function canCreateDocument(actor: Actor, processId: string): boolean {
  return actor.kind === "system" || hasRole(actor, processId, "host");
}

/**
 * The participants the actor may propose for: its delegations whose role opens the draft's tier (a
 * guarantor for the joint statement), and a facilitator's. The operator (CLI) acts for any it names.
 */
export function proposingParticipants(actor: Actor, document: DocumentFacts): string[] {
  if (actor.kind !== "account") return [];
  return actor.memberships
    .filter(
      (m) =>
        m.processId === document.processId &&
        (m.roles.some((role) => role !== "host" && roleOpensTier(role, document.tier)) ||
          document.facilitatorParticipantIds.includes(m.participantId)),
    )
    .map((m) => m.participantId);
}

/** The participants named by the rule that the actor acts for: they take positions and approve. */
export function ruleParticipantsOf(actor: Actor, document: DocumentFacts): string[] {
  return participantsOf(actor, document.processId).filter((id) => document.ruleParticipantIds.includes(id));
}

/**
 * Picks the participant an actor acts for among those allowed: the one it names, or its only one. The
 * system (the operator) must name one of the allowed. Null when none fits (the policy then refuses).
 */
export function actingParticipant(
  actor: Actor,
  allowed: readonly string[],
  mine: readonly string[],
  named: string | undefined,
): string | null {
  if (actor.kind === "system") return named && allowed.includes(named) ? named : null;
  const candidates = mine.filter((id) => allowed.includes(id));
  if (named) return candidates.includes(named) ? named : null;
  return candidates[0] ?? null;
}

/** Only the host secretariat publishes, a separate step after adoption. */
export function canPublish(actor: Actor, document: DocumentFacts): boolean {
  return actor.kind === "system" || hasRole(actor, document.processId, "host");
}

/** What the actor may do next on a document, from the same rules the operations apply. */
export function documentCan(actor: Actor, document: DocumentFacts, adoptable: boolean) {
  const draft = document.status === "draft";
  const pen = isPenHolder(actor, document) && actor.kind === "account";
  return {
    edit: draft && pen,
    propose: draft && proposingParticipants(actor, document).length > 0,
    decide: draft && pen,
    takePosition: draft && ruleParticipantsOf(actor, document).length > 0,
    approve: draft && ruleParticipantsOf(actor, document).length > 0,
    adopt: draft && pen && adoptable,
    publish: document.status === "adopted" && actor.kind === "account" && canPublish(actor, document),
  };
}
