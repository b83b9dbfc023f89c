// What the humanitarian operations share: ids, the side a record belongs to, loading a case as the
// actor may see it, audit scopes and events that carry ids only (never a name: the outbox and the live
// stream are no place for personal data).
import { randomFillSync, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { type CaseStatus, nextStatuses } from "../../../../contracts/humanitarian.ts";
import type { Actor, Tier } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, DomainError, NotFound } from "../../../platform/errors.ts";
import type { AuditDetail, OperationContext } from "../../../platform/operation.ts";
import { delegationInProcess, findProcess } from "../../core/index.ts";
import { canReadPerson } from "../policies.ts";
import { humCases } from "../schema.ts";

export const newId = () => randomUUID();

let lastMillisecond = 0;
let sameMillisecond = 0;
/** Random bytes drawn from the system's generator for a thousand ids at a time (a draw per id cost 5 µs). */
const randomPool = Buffer.alloc(16 * 1024);
let randomAt = randomPool.length;

/**
 * A fresh id that sorts after the ones made before it (a UUID version 7, RFC 9562: the time in
 * milliseconds, a counter within the millisecond, then random bits), for rows written by the hundred
 * thousand: their index entries are appended rather than scattered over every page (a list import's
 * merge costs about a sixth less CPU).
 */
export function newOrderedId(): string {
  if (randomAt >= randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  const bytes = Buffer.from(randomPool.subarray(randomAt, randomAt + 16));
  randomAt += 16;
  const now = Date.now();
  sameMillisecond = now === lastMillisecond ? sameMillisecond + 1 : 0;
  lastMillisecond = now;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((sameMillisecond >> 8) & 0x0f);
  bytes[7] = sameMillisecond & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type CaseRow = typeof humCases.$inferSelect;

/** The process a route names (id or slug). */
export async function loadProcess(tx: Db, ref: string): Promise<{ processId: string }> {
  const process = await findProcess(tx, ref);
  return { processId: process.id };
}

/**
 * A side of the process: a standing delegation whose participant is a party. Lists and cases belong
 * to a side; anything else (an observer's delegation) is refused, so no record is filed under it.
 */
export async function loadSide(
  tx: Db,
  processId: string,
  delegationId: string,
): Promise<{ delegationId: string; participantId: string }> {
  const delegation = await delegationInProcess(tx, processId, delegationId);
  if (!delegation) throw new NotFound("Delegation", delegationId);
  if (!delegation.roles.includes("party"))
    throw new DomainError(
      "not_a_side",
      422,
      "Only a party's delegation submits lists and cases (a side of the working group's exchanges).",
      { delegationId },
    );
  return { delegationId: delegation.id, participantId: delegation.participantId };
}

/** A case by id as the actor may read it: one it may not read answers 404 like a missing one. */
export async function loadReadableCase(tx: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const [row] = await tx.select().from(humCases).where(eq(humCases.id, caseId));
  if (!row || !canReadPerson(actor, row)) throw new NotFound("Case", caseId);
  return row;
}

/** A case still open to changes: a withdrawn case is kept as it was. */
export function requireActive(row: { withdrawnAt: Date | null; id: string }, what = "case"): void {
  if (row.withdrawnAt)
    throw new Conflict(`The ${what} was withdrawn: it is kept as it was.`, { id: row.id }, "withdrawn");
}

/** The audit scope of a person's record (a case, a list): its side and tier, for the audit's own filter. */
export function personScope(
  subjectType: string,
  target: { id?: string; processId: string; delegationId: string; tier: Tier } | undefined,
): AuditDetail {
  return target
    ? {
        subjectType,
        subjectId: target.id,
        processId: target.processId,
        delegationId: target.delegationId,
        tier: target.tier,
      }
    : {};
}

/**
 * Tells live readers a person's record changed: the id only, at the record's tier and side, so the
 * stream reaches its side and the intermediary and carries no personal data.
 */
export function emitPersonChange(
  ctx: OperationContext,
  type: string,
  subjectType: string,
  record: { id: string; processId: string; delegationId: string; tier: Tier },
  counts?: Record<string, number>,
): void {
  ctx.emit({
    type,
    tier: record.tier,
    processId: record.processId,
    delegationId: record.delegationId,
    subjectType,
    subjectId: record.id,
    payload: { id: record.id, ...counts },
  });
}

/** Who acted, as the history shows it. */
export function byOf(actor: Actor): { byAccountId: string | null; byLabel: string } {
  if (actor.kind === "account") return { byAccountId: actor.accountId, byLabel: actor.email };
  return { byAccountId: null, byLabel: actor.kind === "system" ? `system:${actor.name}` : "anonymous" };
}

/** Refuses a status change the history does not allow (409, with the allowed next statuses). */
export function requireTransition(caseId: string, from: CaseStatus, to: CaseStatus): void {
  if (!nextStatuses[from].includes(to))
    throw new Conflict(
      `A case ${from.replaceAll("_", " ")} cannot become ${to.replaceAll("_", " ")}${nextStatuses[from].length ? `: it may become ${nextStatuses[from].join(", ")}` : ""}.`,
      { caseId, from, to, allowed: nextStatuses[from] },
      "invalid_transition",
    );
}
