// The commitments that come from given negotiated texts, for another module to show beside them (the
// programme's agenda items follow their texts' commitments from round to round).
import { and, asc, inArray } from "drizzle-orm";
import type { CommitmentCategory, CommitmentStatus } from "../../../../contracts/followup.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { readableRows } from "../policies.ts";
import { followupCommitments } from "../schema.ts";

export type CommitmentOfDocument = {
  id: string;
  what: string;
  documentId: string;
  paragraphId: string | null;
  category: CommitmentCategory;
  status: CommitmentStatus;
};

/**
 * The commitments made from any of `documentIds` (an adopted text's operative paragraphs) that the
 * actor may see: the tier rule is in the SQL, as for the tracker, so a narrower commitment never leaves.
 */
export async function commitmentsOfDocuments(
  db: Db,
  actor: Actor,
  documentIds: string[],
): Promise<CommitmentOfDocument[]> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(followupCommitments)
    .where(and(inArray(followupCommitments.documentId, ids), readableRows(actor, followupCommitments)))
    .orderBy(asc(followupCommitments.createdAt));
  return rows.map((row) => ({
    id: row.id,
    what: row.what,
    documentId: row.documentId as string,
    paragraphId: row.paragraphId,
    category: row.category,
    status: row.status,
  }));
}
