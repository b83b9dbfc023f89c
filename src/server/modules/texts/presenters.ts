// Rows → the API's shapes: documents, paragraphs with their brackets cut into segments, proposals.
import type {
  BracketSnapshot,
  DocumentSummary,
  ParagraphView,
  ProposalView,
  Stance,
} from "../../../contracts/texts.ts";
import { numberParagraphs, segmentsOf } from "./model.ts";
import type { DocumentRow, ParagraphRow } from "./operations/shared.ts";
import type { textProposals } from "./schema.ts";

export type Names = (participantId: string) => { id: string; name: string };

/** Participants are listed by name, so lists read the same whatever order they were stored in. */
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

export function presentDocument(document: DocumentRow, names: Names): DocumentSummary {
  return {
    id: document.id,
    processId: document.processId,
    roundId: document.roundId,
    kind: document.kind,
    title: document.title,
    language: document.language,
    status: document.status,
    tier: document.status === "published" ? "public" : document.tier,
    version: document.textVersion,
    publishedOn: document.publishedOn,
    adoptedAt: document.adoptedAt?.toISOString() ?? null,
    adoptedBy: (document.adoptedBy ?? []).map(names).sort(byName),
  };
}

export type PositionRow = { optionId: string; participantId: string; stance: Stance };
export type BracketWithProposals = BracketSnapshot & { proposalIds: Map<string, string | null> };

/**
 * A paragraph as the compilation shows it: its computed number, and its body cut into plain runs and
 * brackets, each option lettered (A, B, …), attributed, with every delegation's position on it.
 */
export function presentParagraphs(
  paragraphs: readonly ParagraphRow[],
  brackets: Map<string, BracketWithProposals[]>,
  positions: readonly PositionRow[],
  names: Names,
): ParagraphView[] {
  const numbers = numberParagraphs(paragraphs);
  const positionsOf = new Map<string, PositionRow[]>();
  for (const position of positions) {
    const list = positionsOf.get(position.optionId);
    if (list) list.push(position);
    else positionsOf.set(position.optionId, [position]);
  }
  return paragraphs.map((paragraph) => ({
    id: paragraph.id,
    eId: paragraph.eId,
    kind: paragraph.kind,
    number: numbers.get(paragraph.id) ?? null,
    state: paragraph.state,
    body: paragraph.body,
    revisedInVersion: paragraph.revisedInVersion,
    segments: segmentsOf(paragraph.body, brackets.get(paragraph.id) ?? []).map((segment) =>
      segment.kind === "text"
        ? segment
        : {
            kind: "bracket" as const,
            bracketId: segment.bracket.id,
            options: segment.bracket.options.map((option, index) => ({
              id: option.id,
              label: String.fromCharCode(65 + (index % 26)),
              text: option.text,
              isDelete: option.isDelete,
              proposedBy: option.proposedBy.map(names),
              proposalId: segment.bracket.proposalIds.get(option.id) ?? null,
              withdrawn: option.withdrawn,
              positions: (positionsOf.get(option.id) ?? []).map((position) => ({
                participant: names(position.participantId),
                stance: position.stance,
              })),
            })),
          },
    ),
  }));
}

export function presentProposal(row: typeof textProposals.$inferSelect, names: Names): ProposalView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    author: names(row.authorParticipantId),
    rationale: row.rationale,
    baseVersion: row.baseVersion,
    paragraphId: row.paragraphId,
    afterParagraphId: row.afterParagraphId,
    paragraphKind: row.paragraphKind,
    start: row.spanStart,
    end: row.spanEnd,
    spanText: row.spanText,
    text: row.text,
    bracketId: row.bracketId,
    amendsProposalId: row.amendsProposalId,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
  };
}
