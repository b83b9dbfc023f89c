// The commitment tracker: every commitment the actor may see, its status, its trend and its updates.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  CommitmentDetail,
  CommitmentList,
  CommitmentStatus,
  CommitmentView,
} from "../../../../contracts/followup.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { findProcess } from "../../core/index.ts";
import { loadClean } from "../../texts/index.ts";
import { canManageAgreements, canUpdateCommitment, memberProcesses, readableRows } from "../policies.ts";
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

async function present(
  db: Db,
  actor: Actor,
  rows: CommitmentRow[],
): Promise<z.infer<typeof CommitmentView>[]> {
  if (rows.length === 0) return [];
  // Who recorded an update (an account's address) is the process's delegations' to know, never the public's.
  const members = new Set(memberProcesses(actor));
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
        by: actor.kind === "system" || members.has(row.processId) ? update.byLabel : null,
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
    items: await present(db, actor, rows),
    can: { create: canManageAgreements(actor, process.id), update: canUpdateCommitment(actor, process.id) },
  };
}

/**
 * One commitment with its updates and the paragraph it comes from (title and number of the text, as the
 * actor may read it: a text the actor may not read is not named); a hidden commitment answers 404.
 */
export async function getCommitment(
  db: Db,
  actor: Actor,
  id: string,
): Promise<z.infer<typeof CommitmentDetail>> {
  const rows = await db
    .select()
    .from(followupCommitments)
    .where(and(eq(followupCommitments.id, id), readableRows(actor, followupCommitments)));
  const [commitment] = await present(db, actor, rows);
  if (!commitment) throw new NotFound("Commitment", id);
  return { ...commitment, paragraph: await paragraphOf(db, actor, commitment) };
}

async function paragraphOf(
  db: Db,
  actor: Actor,
  commitment: { documentId: string | null; paragraphId: string | null },
): Promise<z.infer<typeof CommitmentDetail>["paragraph"]> {
  if (!commitment.documentId) return null;
  try {
    const text = await loadClean(db, actor, commitment.documentId);
    const paragraph = text.paragraphs.find((candidate) => candidate.id === commitment.paragraphId);
    return { documentId: text.document.id, title: text.document.title, number: paragraph?.number ?? null };
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}
