// The compilation text: every paragraph with its brackets, options, attributions and positions, the
// proposals, the rule's approvals and what stands between the text and its adoption.
import { asc, eq } from "drizzle-orm";
import type { CompilationView } from "../../../../contracts/texts.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type AdoptionFacts, adoptable, adoptionFacts } from "../operations/adoption.ts";
import type { DocumentRow } from "../operations/shared.ts";
import { canSeeDraft, documentCan, proposingParticipants, ruleParticipantsOf } from "../policies.ts";
import { byName, presentDocument, presentParagraphs, presentProposal } from "../presenters.ts";
import { textApprovals, textProposals } from "../schema.ts";
import { bracketsOf, findDocument, liveParagraphs, namesFor } from "./load.ts";

export type LoadedCompilation = {
  view: Omit<CompilationView, "can">;
  document: DocumentRow;
  facts: AdoptionFacts;
};

/**
 * The compilation view of a document. The draft's readers get everything; the public (a published
 * text) gets the adopted text, its date and who adopted it, and nothing of the negotiation.
 */
export async function loadCompilation(db: Db, actor: Actor, id: string): Promise<LoadedCompilation> {
  const document = await findDocument(db, actor, id);
  const insider = canSeeDraft(actor, document);
  const paragraphs = await liveParagraphs(db, document.id);
  const { brackets, positions } = await bracketsOf(db, document.id);
  const proposals = insider
    ? await db
        .select()
        .from(textProposals)
        .where(eq(textProposals.documentId, document.id))
        .orderBy(asc(textProposals.createdAt))
    : [];
  const approvals = await db.select().from(textApprovals).where(eq(textApprovals.documentId, document.id));
  const facts = await adoptionFacts(db, document);
  const acting = [
    ...new Set([...proposingParticipants(actor, document), ...ruleParticipantsOf(actor, document)]),
  ];
  const names = await namesFor(db, [
    ...document.ruleParticipantIds,
    ...document.facilitatorParticipantIds,
    ...(document.adoptedBy ?? []),
    ...proposals.map((p) => p.authorParticipantId),
    ...positions.map((p) => p.participantId),
    ...[...brackets.values()].flat().flatMap((b) => b.options.flatMap((o) => o.proposedBy)),
    ...acting,
  ]);
  const blockers: string[] = [];
  if (document.status === "draft") {
    if (facts.openBrackets > 0) blockers.push(`${facts.openBrackets} bracket(s) remain in the text.`);
    for (const missing of facts.missingApprovals)
      blockers.push(`${names(missing).name} has not approved version ${document.textVersion}.`);
  }
  return {
    document,
    facts,
    view: {
      document: presentDocument(document, names),
      rule: [...document.ruleParticipantIds]
        .sort((a, b) => byName(names(a), names(b)))
        .map((participantId) => {
          const approval = approvals.find((a) => a.participantId === participantId);
          return {
            participant: names(participantId),
            approvedVersion: insider ? (approval?.version ?? null) : null,
            approved: document.status !== "draft" || approval?.version === document.textVersion,
          };
        }),
      facilitators: insider ? document.facilitatorParticipantIds.map(names) : [],
      paragraphs: presentParagraphs(
        paragraphs,
        insider ? brackets : new Map(),
        insider ? positions : [],
        names,
      ),
      proposals: proposals.map((p) => presentProposal(p, names)),
      openBrackets: insider ? facts.openBrackets : 0,
      adoptionBlockers: insider ? blockers : [],
      actingAs: acting.map(names),
    },
  };
}

/** What the actor may do next on the document. */
export function compilationCan(actor: Actor, loaded: LoadedCompilation) {
  return documentCan(actor, loaded.document, adoptable(loaded.facts));
}
