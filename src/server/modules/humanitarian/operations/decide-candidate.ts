// humanitarian.candidate.decide: a person of the neutral intermediary confirms or rejects a candidate
// match, saying why. Confirming links the two persons to one case: the case the other side already is
// (a match against cases), or the one either row already became, or a case made now from the row —
// never two cases merged. A decision is taken once: a second one answers 409, and so does a candidate
// gone stale (a row withdrawn, or already linked to another case by another decision).
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
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

/** Links rows to a case, each only if it is still unlinked (or already so): otherwise the candidate is stale. */
async function linkEntries(tx: Db, entryIds: string[], caseId: string): Promise<void> {
  for (const id of entryIds) {
    const [linked] = await tx
      .update(humListEntries)
      .set({ caseId })
      .where(
        and(
          eq(humListEntries.id, id),
          isNull(humListEntries.withdrawnAt),
          or(isNull(humListEntries.caseId), eq(humListEntries.caseId, caseId)),
        ),
      )
      .returning({ id: humListEntries.id });
    if (!linked) throw stale("A row of this candidate was linked to another case meanwhile.");
  }
}

/** The case the confirmed pair now shares, and whether it was made by this decision. */
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
  if (candidate.rightCaseId) {
    const [target] = await ctx.tx.select().from(humCases).where(eq(humCases.id, candidate.rightCaseId));
    if (!target || target.withdrawnAt) throw stale("The case of this candidate was withdrawn.");
    if (left.caseId && left.caseId !== target.id) throw stale("The row is already linked to another case.");
    await linkEntries(ctx.tx, [left.id], target.id);
    return { caseId: target.id, created: false };
  }
  const right = candidate.rightEntryId ? entries.get(candidate.rightEntryId) : undefined;
  if (!right || right.withdrawnAt) throw stale("A row of this candidate was withdrawn.");
  if (left.caseId && right.caseId && left.caseId !== right.caseId)
    throw stale("The two rows are already two different cases; cases are never merged here.");
  const existing = left.caseId ?? right.caseId;
  const caseId = existing ?? (await caseFromEntry(ctx, left));
  await linkEntries(ctx.tx, [left.id, right.id], caseId);
  return { caseId, created: existing === null };
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
