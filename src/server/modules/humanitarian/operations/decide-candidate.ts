// humanitarian.candidate.decide: a person of the neutral intermediary confirms or rejects a candidate
// match, saying why; nothing is joined without it. Confirming records that the two are one person:
// across the sides the confirmed candidate links each side's case; within one side the two cases
// become one (the later withdrawn, saying into which). A decision is taken once: a second one answers
// 409, and so does a candidate gone stale (a row or case withdrawn, or changed by another decision).
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { DecideCandidateInput } from "../../../../contracts/humanitarian-matching.ts";
import { actorId, actorLabel } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { defineOperation, type OperationContext } from "../../../platform/operation.ts";
import { sealPersonal, unsealPersonal } from "../../../platform/personal-data.ts";
import { isIntermediary } from "../policies.ts";
import {
  humCaseStatus,
  humCases,
  humExchangePeople,
  humListEntries,
  humLists,
  humMatchCandidates,
  humMatchRuns,
} from "../schema.ts";

type EntryRow = typeof humListEntries.$inferSelect;
type CandidateRow = typeof humMatchCandidates.$inferSelect;

const stale = (message: string) => new Conflict(message, undefined, "candidate_stale");

async function entriesById(tx: Db, ids: string[]): Promise<Map<string, EntryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(humListEntries).where(inArray(humListEntries.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

/** A case made from a list row: the row's side, sharing and personal fields (sealed anew for the case). */
async function caseFromEntry(ctx: OperationContext, entry: EntryRow): Promise<string> {
  const [list] = await ctx.tx.select().from(humLists).where(eq(humLists.id, entry.listId));
  if (!list) throw stale("The list of this row is gone.");
  const caseId = randomUUID();
  const person = unsealPersonal<unknown>(entry.personal, entry.id);
  await ctx.tx.insert(humCases).values({
    id: caseId,
    processId: entry.processId,
    delegationId: list.delegationId,
    participantId: list.participantId,
    tier: list.tier,
    sharing: list.sharing,
    kind: entry.kind,
    personal: sealPersonal(person, caseId),
    fingerprint: entry.fingerprint,
    listEntryId: entry.id,
  });
  await ctx.tx.insert(humCaseStatus).values({
    id: randomUUID(),
    caseId,
    fromStatus: null,
    status: "listed",
    byAccountId: actorId(ctx.actor),
    byLabel: actorLabel(ctx.actor),
  });
  return caseId;
}

type CaseRow = typeof humCases.$inferSelect;

async function caseById(tx: Db, id: string | null): Promise<CaseRow | null> {
  if (!id) return null;
  const [row] = await tx.select().from(humCases).where(eq(humCases.id, id));
  if (row?.withdrawnAt) throw stale("A case of this candidate was withdrawn.");
  return row ?? null;
}

/** The row's case, made now from the row when it has none (a row imported before its case was made). */
async function caseOfEntry(
  ctx: OperationContext,
  entry: EntryRow,
): Promise<{ record: CaseRow; created: boolean }> {
  const existing = await caseById(ctx.tx, entry.caseId);
  if (existing) return { record: existing, created: false };
  const caseId = await caseFromEntry(ctx, entry);
  const [linked] = await ctx.tx
    .update(humListEntries)
    .set({ caseId })
    .where(and(eq(humListEntries.id, entry.id), isNull(humListEntries.caseId)))
    .returning({ id: humListEntries.id });
  if (!linked) throw stale("The row was linked to a case meanwhile.");
  const made = await caseById(ctx.tx, caseId);
  if (!made) throw stale("The case made from the row is gone.");
  return { record: made, created: true };
}

/**
 * One side's two cases of one person: the later joins the earlier — its rows are linked to the kept
 * case and it is withdrawn, saying so (nothing is deleted). A case with a history of its own (a status
 * past listed, or a place in an exchange) is not folded away here: 409, for a person to sort out.
 */
async function foldCase(
  ctx: OperationContext,
  keep: CaseRow,
  drop: CaseRow,
  candidateId: string,
): Promise<void> {
  if (drop.status !== "listed")
    throw stale("The other case has a status history of its own; withdraw it by hand.");
  const [inExchange] = await ctx.tx
    .select({ id: humExchangePeople.id })
    .from(humExchangePeople)
    .where(and(eq(humExchangePeople.caseId, drop.id), isNull(humExchangePeople.withdrawnAt)));
  if (inExchange) throw stale("The other case is in an exchange; withdraw it there first.");
  await ctx.tx.update(humListEntries).set({ caseId: keep.id }).where(eq(humListEntries.caseId, drop.id));
  const [withdrawn] = await ctx.tx
    .update(humCases)
    .set({
      withdrawnAt: new Date(),
      withdrawnBy: actorLabel(ctx.actor),
      withdrawnReason: `The same person as case ${keep.id} (confirmed match ${candidateId}).`,
      version: drop.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(humCases.id, drop.id), isNull(humCases.withdrawnAt), eq(humCases.version, drop.version)))
    .returning({ id: humCases.id });
  if (!withdrawn) throw stale("The other case changed meanwhile.");
}

/**
 * What confirming does: both persons are one. Across sides each side keeps its own case (a side's
 * record is never moved to the other side) and the confirmed candidate is the link between them;
 * within one side (a person entered twice, or a row and a case of its own side) the two cases become one.
 */
async function confirm(
  ctx: OperationContext,
  candidate: CandidateRow,
): Promise<{ caseId: string; created: boolean }> {
  const entries = await entriesById(
    ctx.tx,
    [candidate.leftEntryId, candidate.rightEntryId].filter((id): id is string => id !== null),
  );
  const left = candidate.leftEntryId ? entries.get(candidate.leftEntryId) : undefined;
  if (!left || left.withdrawnAt) throw stale("A row of this candidate was withdrawn.");
  const right = candidate.rightEntryId ? entries.get(candidate.rightEntryId) : undefined;
  if (candidate.rightEntryId && (!right || right.withdrawnAt))
    throw stale("A row of this candidate was withdrawn.");
  const rightCase = await caseById(ctx.tx, candidate.rightCaseId);
  if (candidate.rightCaseId && !rightCase) throw stale("The case of this candidate is gone.");
  const leftSide = await caseOfEntry(ctx, left);
  const rightSide = right ? await caseOfEntry(ctx, right) : { record: rightCase as CaseRow, created: false };
  const created = leftSide.created || rightSide.created;
  const [first, second] = [leftSide.record, rightSide.record];
  if (first.id === second.id || first.delegationId !== second.delegationId)
    return { caseId: first.id, created };
  const [keep, drop] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
  await foldCase(ctx, keep, drop, candidate.id);
  return { caseId: keep.id, created };
}

export const decideCandidate = defineOperation({
  name: "humanitarian.candidate.decide",
  input: DecideCandidateInput.extend({ candidateId: RecordRef }),
  load: async (tx, input) => {
    const [candidate] = await tx
      .select()
      .from(humMatchCandidates)
      .where(eq(humMatchCandidates.id, input.candidateId));
    if (!candidate) throw new NotFound("Candidate", input.candidateId);
    const [run] = await tx.select().from(humMatchRuns).where(eq(humMatchRuns.id, candidate.runId));
    if (!run) throw new NotFound("Candidate", input.candidateId);
    return { candidate, run };
  },
  // Deciding reads both persons and may make a case: the neutral intermediary's work (policies.ts).
  authorize: (actor, _input, { candidate }) => isIntermediary(actor, candidate.processId),
  scope: (input, target) => ({
    subjectType: "hum_match_candidate",
    subjectId: input.candidateId,
    processId: target?.candidate.processId ?? null,
    tier: "intermediary",
  }),
  run: async (ctx, input, { candidate, run }) => {
    const state: "confirmed" | "rejected" = input.decision === "confirm" ? "confirmed" : "rejected";
    const [taken] = await ctx.tx
      .update(humMatchCandidates)
      .set({
        state,
        decidedBy: actorId(ctx.actor),
        decidedByLabel: actorLabel(ctx.actor),
        decidedAt: new Date(),
        reason: input.reason,
      })
      .where(and(eq(humMatchCandidates.id, candidate.id), eq(humMatchCandidates.state, "pending")))
      .returning({ id: humMatchCandidates.id });
    if (!taken)
      throw new Conflict(
        "This candidate was already decided.",
        { state: candidate.state },
        "already_decided",
      );
    const outcome = state === "confirmed" ? await confirm(ctx, candidate) : null;
    // The reason may name people: it stays on the candidate's row, out of the audit and the event.
    ctx.audit({
      data: {
        decision: input.decision,
        runId: run.id,
        caseId: outcome?.caseId ?? null,
        createdCase: outcome?.created ?? false,
      },
    });
    ctx.emit({
      type: "humanitarian.candidate.decide",
      tier: "intermediary",
      processId: candidate.processId,
      subjectType: "hum_match_candidate",
      subjectId: candidate.id,
      payload: { candidateId: candidate.id, runId: run.id, state },
    });
    return {
      id: candidate.id,
      state,
      caseId: outcome?.caseId ?? null,
      createdCase: outcome?.created ?? false,
    };
  },
});
