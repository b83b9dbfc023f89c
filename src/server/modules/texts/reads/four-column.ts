// The four-column (trilogue) view: for each paragraph, the current text, the proposals on it, the
// pen-holder's compromise and the delegations' comments. Only for the draft's readers.
import { asc, eq } from "drizzle-orm";
import type { FourColumnView } from "../../../../contracts/texts-views.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { canSeeDraft, isPenHolder, participantsOf } from "../policies.ts";
import { type Names, presentParagraphs, presentProposal } from "../presenters.ts";
import { textComments, textCompromises, textProposals } from "../schema.ts";
import { bracketsOf, findDraft, liveParagraphs, namesFor } from "./load.ts";

type CompromiseRow = typeof textCompromises.$inferSelect;

function presentCompromise(row: CompromiseRow, names: Names) {
  return {
    id: row.id,
    body: row.body,
    note: row.note,
    author: row.authorParticipantId ? names(row.authorParticipantId) : null,
    onVersion: row.onVersion,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Groups rows by a key, keeping their order. */
function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string | null): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = key(row);
    if (value !== null) groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return groups;
}

/**
 * Each paragraph in order with its four columns: the text (brackets, options, positions), every proposal
 * made on it (on the paragraph, after it, or on one of its brackets) with author, rationale and state, the
 * newest compromise (earlier ones kept), and the comments oldest first.
 */
export async function loadFourColumns(db: Db, actor: Actor, id: string): Promise<FourColumnView> {
  const document = await findDraft(db, actor, id);
  const paragraphs = await liveParagraphs(db, document.id);
  const { brackets, positions } = await bracketsOf(db, document.id);
  const proposals = await db
    .select()
    .from(textProposals)
    .where(eq(textProposals.documentId, document.id))
    .orderBy(asc(textProposals.createdAt));
  const compromises = await db
    .select()
    .from(textCompromises)
    .where(eq(textCompromises.documentId, document.id))
    .orderBy(asc(textCompromises.createdAt));
  const comments = await db
    .select()
    .from(textComments)
    .where(eq(textComments.documentId, document.id))
    .orderBy(asc(textComments.createdAt));
  const names = await namesFor(db, [
    ...proposals.map((p) => p.authorParticipantId),
    ...positions.map((p) => p.participantId),
    ...[...brackets.values()].flat().flatMap((b) => b.options.flatMap((o) => o.proposedBy)),
    ...compromises.flatMap((c) => (c.authorParticipantId ? [c.authorParticipantId] : [])),
    ...comments.map((c) => c.authorParticipantId),
  ]);
  const paragraphOfBracket = new Map<string, string>();
  for (const [paragraphId, list] of brackets)
    for (const bracket of list) paragraphOfBracket.set(bracket.id, paragraphId);
  const live = new Set(paragraphs.map((p) => p.id));
  const placeOf = (proposal: (typeof proposals)[number]) => {
    const candidates = [
      proposal.paragraphId,
      proposal.bracketId ? (paragraphOfBracket.get(proposal.bracketId) ?? null) : null,
      proposal.afterParagraphId,
    ];
    return candidates.find((candidate) => candidate !== null && live.has(candidate)) ?? null;
  };
  const proposalsBy = groupBy(proposals, placeOf);
  const compromisesBy = groupBy(compromises, (row) => row.paragraphId);
  const commentsBy = groupBy(comments, (row) => row.paragraphId);
  const views = presentParagraphs(paragraphs, brackets, positions, names);
  const draft = document.status === "draft" && actor.kind === "account";
  return {
    documentId: document.id,
    version: document.textVersion,
    rows: views.map((paragraph) => {
      const written = (compromisesBy.get(paragraph.id) ?? []).map((row) => presentCompromise(row, names));
      return {
        paragraph: {
          id: paragraph.id,
          eId: paragraph.eId,
          kind: paragraph.kind,
          number: paragraph.number,
          state: paragraph.state,
          body: paragraph.body,
          segments: paragraph.segments,
        },
        proposals: (proposalsBy.get(paragraph.id) ?? []).map((p) => presentProposal(p, names)),
        compromise: written.at(-1) ?? null,
        earlierCompromises: written.slice(0, -1).reverse(),
        comments: (commentsBy.get(paragraph.id) ?? []).map((row) => ({
          id: row.id,
          author: names(row.authorParticipantId),
          person: row.authorName,
          body: row.body,
          onVersion: row.onVersion,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    }),
    otherProposals: proposals.filter((p) => placeOf(p) === null).map((p) => presentProposal(p, names)),
    can: {
      comment: draft && canSeeDraft(actor, document) && participantsOf(actor, document.processId).length > 0,
      compromise: draft && isPenHolder(actor, document),
    },
  };
}
