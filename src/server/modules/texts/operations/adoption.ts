// Whether a text may be adopted: "nothing is agreed until everything is agreed".
import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { textApprovals, textBrackets, textParagraphs } from "../schema.ts";
import type { DocumentRow } from "./shared.ts";

export type AdoptionFacts = { openBrackets: number; bracketedParagraphs: number; missingApprovals: string[] };

/** What stands between the text and its adoption: open brackets, and rule participants yet to approve this version. */
export async function adoptionFacts(tx: Db, document: DocumentRow): Promise<AdoptionFacts> {
  const [brackets] = await tx
    .select({ count: count() })
    .from(textBrackets)
    .innerJoin(textParagraphs, eq(textParagraphs.id, textBrackets.paragraphId))
    .where(
      and(
        eq(textBrackets.documentId, document.id),
        eq(textBrackets.state, "open"),
        isNull(textParagraphs.removedInVersion),
      ),
    );
  const [bracketed] = await tx
    .select({ count: count() })
    .from(textParagraphs)
    .where(
      and(
        eq(textParagraphs.documentId, document.id),
        eq(textParagraphs.state, "bracketed"),
        isNull(textParagraphs.removedInVersion),
      ),
    );
  const approvals = await tx.select().from(textApprovals).where(eq(textApprovals.documentId, document.id));
  const approved = new Set(
    approvals.filter((a) => a.version === document.textVersion).map((a) => a.participantId),
  );
  return {
    openBrackets: brackets?.count ?? 0,
    bracketedParagraphs: bracketed?.count ?? 0,
    missingApprovals: document.ruleParticipantIds.filter((id) => !approved.has(id)),
  };
}

/** Whether nothing stands in the way. */
export function adoptable(facts: AdoptionFacts): boolean {
  return facts.openBrackets === 0 && facts.bracketedParagraphs === 0 && facts.missingApprovals.length === 0;
}
