// The commitment tracker: every commitment the actor may see, its status, its trend and its updates.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { CommitmentList, CommitmentStatus, CommitmentView } from "../../../../contracts/followup.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { findProcess } from "../../core/index.ts";
import { canManageAgreements, canUpdateCommitment, readableRows } from "../policies.ts";
import { followupCommitments, followupCommitmentUpdates } from "../schema.ts";

type CommitmentRow = typeof followupCommitments.$inferSelect;

/** How far a status is along the way to being met: the trend compares the last two. */
const progress: Record<CommitmentStatus, number> = {
  breached: 0,
  lapsed: 0,
  not_started: 1,
  in_progress: 2,
  met: 3,
};

function trendOf(from: CommitmentStatus | null, to: CommitmentStatus): "up" | "down" | "flat" {
  if (from === null || progress[from] === progress[to]) return "flat";
  return progress[to] > progress[from] ? "up" : "down";
}

async function present(db: Db, rows: CommitmentRow[]): Promise<z.infer<typeof CommitmentView>[]> {
  if (rows.length === 0) return [];
  const updates = await db
    .select()
    .from(followupCommitmentUpdates)
    .where(
      inArray(
        followupCommitmentUpdates.commitmentId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(followupCommitmentUpdates.at));
  return rows.map((row) => {
    const own = updates.filter((update) => update.commitmentId === row.id);
    const last = own.at(-1);
    return {
      id: row.id,
      externalId: row.externalId,
      what: row.what,
      documentId: row.documentId,
      paragraphId: row.paragraphId,
      responsibleParticipantIds: row.responsibleParticipantIds,
      dueDate: row.dueDate,
      recurrence: row.recurrence,
      category: row.category,
      indicators: row.indicators,
      zoneIds: row.zoneIds,
      tier: row.tier,
      status: row.status,
      trend: last ? trendOf(last.fromStatus, last.status) : "flat",
      updates: own.map((update) => ({
        status: update.status,
        on: update.on,
        evidence: update.evidence,
        sources: update.sources,
        by: update.byLabel,
      })),
    };
  });
}

/** The tracker of a process: its commitments the actor may see, in the order they were made. */
export async function listCommitments(
  db: Db,
  actor: Actor,
  processRef: string,
): Promise<z.infer<typeof CommitmentList>> {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(followupCommitments)
    .where(and(eq(followupCommitments.processId, process.id), readableRows(actor, followupCommitments)))
    .orderBy(asc(followupCommitments.createdAt));
  return {
    items: await present(db, rows),
    can: { create: canManageAgreements(actor, process.id), update: canUpdateCommitment(actor, process.id) },
  };
}

/** One commitment with its updates; a hidden one answers 404 like a missing one. */
export async function getCommitment(
  db: Db,
  actor: Actor,
  id: string,
): Promise<z.infer<typeof CommitmentView>> {
  const rows = await db
    .select()
    .from(followupCommitments)
    .where(and(eq(followupCommitments.id, id), readableRows(actor, followupCommitments)));
  const [commitment] = await present(db, rows);
  if (!commitment) throw new NotFound("Commitment", id);
  return commitment;
}
