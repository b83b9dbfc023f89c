// The round's list of documents, the clean text and a delegation's own proposals and pending positions.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { CleanView, DocumentList, OwnView } from "../../../../contracts/texts.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findVisibleRound } from "../../core/index.ts";
import { numberParagraphs } from "../model.ts";
import { canCreateDocument, documentsVisibleTo, participantsOf, ruleParticipantsOf } from "../policies.ts";
import { presentDocument, presentProposal } from "../presenters.ts";
import { textApprovals, textDocuments, textProposals } from "../schema.ts";
import { bracketsOf, findDocument, findDraft, liveParagraphs, namesFor } from "./load.ts";

/** The documents of a round the actor may read: drafts within its reach, and published texts for everyone. */
export async function listRoundDocuments(
  db: Db,
  actor: Actor,
  roundId: string,
): Promise<z.infer<typeof DocumentList>> {
  const { round } = await findVisibleRound(db, actor, roundId);
  const rows = await db
    .select()
    .from(textDocuments)
    .where(and(eq(textDocuments.roundId, round.id), documentsVisibleTo(actor)))
    .orderBy(desc(textDocuments.createdAt));
  const names = await namesFor(
    db,
    rows.flatMap((row) => row.adoptedBy ?? []),
  );
  return {
    items: rows.map((row) => presentDocument(row, names)),
    can: { create: actor.kind === "account" && canCreateDocument(actor, round.processId) },
  };
}

/**
 * The clean text: only what is agreed (ad referendum included, flagged by its state), numbered as
 * in the whole text. Drafts for their readers; the published text for everyone.
 */
export async function loadClean(db: Db, actor: Actor, id: string): Promise<z.infer<typeof CleanView>> {
  const document = await findDocument(db, actor, id);
  const paragraphs = await liveParagraphs(db, document.id);
  const numbers = numberParagraphs(paragraphs);
  const names = await namesFor(db, document.adoptedBy ?? []);
  return {
    document: presentDocument(document, names),
    paragraphs: paragraphs
      .filter((p) => p.state === "agreed" || p.state === "ad_referendum")
      .map((p) => ({
        id: p.id,
        eId: p.eId,
        kind: p.kind,
        number: numbers.get(p.id) ?? null,
        body: p.body,
        state: p.state,
      })),
  };
}

/**
 * A delegation's own desk: the proposals its delegations made, the open brackets on which it has taken
 * no position yet, and whether its approval of the current version is pending.
 */
export async function loadOwn(db: Db, actor: Actor, id: string): Promise<z.infer<typeof OwnView>> {
  const document = await findDraft(db, actor, id);
  const mine = participantsOf(actor, document.processId);
  const proposals =
    mine.length === 0
      ? []
      : await db
          .select()
          .from(textProposals)
          .where(
            and(eq(textProposals.documentId, document.id), inArray(textProposals.authorParticipantId, mine)),
          )
          .orderBy(asc(textProposals.createdAt));
  const rule = ruleParticipantsOf(actor, document);
  const { brackets, positions } = await bracketsOf(db, document.id);
  const numbers = numberParagraphs(await liveParagraphs(db, document.id));
  const pending =
    rule.length === 0
      ? []
      : [...brackets.entries()].flatMap(([paragraphId, list]) =>
          list
            .filter((bracket) =>
              rule.some(
                (participant) =>
                  !positions.some(
                    (p) =>
                      p.participantId === participant && bracket.options.some((o) => o.id === p.optionId),
                  ),
              ),
            )
            .map((bracket) => ({
              bracketId: bracket.id,
              paragraphId,
              number: numbers.get(paragraphId) ?? null,
            })),
        );
  const approvals = await db.select().from(textApprovals).where(eq(textApprovals.documentId, document.id));
  const names = await namesFor(db, [...mine, ...(document.adoptedBy ?? [])]);
  return {
    document: presentDocument(document, names),
    actingAs: mine.map(names),
    proposals: proposals.map((p) => presentProposal(p, names)),
    pendingPositions: pending,
    approvalPending:
      document.status === "draft" &&
      rule.some(
        (participant) =>
          !approvals.some((a) => a.participantId === participant && a.version === document.textVersion),
      ),
  };
}
