// What the proposal operations share: loading a proposal with its document, the participant a
// delegation acts for, finding a proposal's words in the current text, and its option in a bracket.
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { actingParticipant, proposingParticipants } from "../policies.ts";
import { textBracketOptions, textBrackets, textProposals } from "../schema.ts";
import { resolveBracket } from "./brackets.ts";
import {
  bumpVersion,
  type DocumentRow,
  invalidField,
  loadDocument,
  type OptionRow,
  type ParagraphRow,
} from "./shared.ts";

export type ProposalRow = typeof textProposals.$inferSelect;
export type ProposalTarget = { document: DocumentRow; proposal: ProposalRow };

/** A proposal and its document, locked; one in a draft the actor may not read is a 404 like a missing one. */
export async function loadProposal(
  tx: Db,
  documentId: string,
  proposalId: string,
  actor: Actor,
): Promise<ProposalTarget> {
  const document = await loadDocument(tx, documentId, actor);
  const [proposal] = await tx
    .select()
    .from(textProposals)
    .where(and(eq(textProposals.id, proposalId), eq(textProposals.documentId, document.id)))
    .limit(1)
    .for("update");
  if (!proposal) throw new NotFound("Proposal", proposalId);
  return { document, proposal };
}

/**
 * The participant a proposal is made for: the caller's delegation within the draft's tier (the one it
 * names, if it sits on several); the operator names one of the rule's or the facilitators'.
 */
export function proposer(actor: Actor, document: DocumentRow, named: string | undefined): string {
  const allowed =
    actor.kind === "system"
      ? [...document.ruleParticipantIds, ...document.facilitatorParticipantIds]
      : proposingParticipants(actor, document);
  const chosen = actingParticipant(actor, allowed, proposingParticipants(actor, document), named);
  if (!chosen)
    throw invalidField("asParticipantId", "Name a delegation you sit on that takes part in this draft.");
  return chosen;
}

/**
 * Where a proposal's words stand in the paragraph now: at its offsets if they still hold them, else at
 * their one occurrence (an earlier change moved them). Gone or ambiguous words are a 409: the
 * proposal no longer fits the text and needs to be made again on the current version.
 */
export function locateSpan(paragraph: ParagraphRow, proposal: ProposalRow): { start: number; end: number } {
  const start = proposal.spanStart ?? 0;
  const end = proposal.spanEnd ?? paragraph.body.length;
  const words = proposal.spanText ?? "";
  if (paragraph.body.slice(start, end) === words) return { start, end };
  const found = words === "" ? -1 : paragraph.body.indexOf(words);
  if (found >= 0 && paragraph.body.indexOf(words, found + 1) < 0)
    return { start: found, end: found + words.length };
  throw new Conflict(
    "The words this proposal changes are no longer in the paragraph; it must be made again on the current text.",
    { proposalId: proposal.id },
    "proposal_outdated",
  );
}

/** The option a bracketed proposal became, with its bracket. */
export async function optionOfProposal(tx: Db, proposalId: string) {
  const [row] = await tx
    .select({ option: textBracketOptions, bracket: textBrackets })
    .from(textBracketOptions)
    .innerJoin(textBrackets, eq(textBrackets.id, textBracketOptions.bracketId))
    .where(eq(textBracketOptions.proposalId, proposalId))
    .limit(1);
  return row ?? null;
}

/** The option of a bracket still standing after one is withdrawn, when it is the only one: it then wins. */
export function soleRemaining(options: OptionRow[]): OptionRow | null {
  const standing = options.filter((option) => option.withdrawnAt === null);
  return standing.length === 1 ? (standing[0] ?? null) : null;
}

/**
 * Takes a proposal's option out of its bracket when the proposal leaves the table (withdrawn, rejected,
 * deferred): a new text version; when one option remains, the bracket resolves to it. Answers the new
 * version and the paragraph, or null when the proposal has no option in an open bracket.
 */
export async function withdrawFromBracket(
  tx: Db,
  document: DocumentRow,
  proposalId: string,
  now: Date,
): Promise<{ version: number; paragraphId: string } | null> {
  const found = await optionOfProposal(tx, proposalId);
  if (found?.bracket.state !== "open") return null;
  const version = await bumpVersion(tx, document);
  await tx
    .update(textBracketOptions)
    .set({ withdrawnAt: now })
    .where(eq(textBracketOptions.id, found.option.id));
  const options = await tx
    .select()
    .from(textBracketOptions)
    .where(eq(textBracketOptions.bracketId, found.bracket.id));
  const winner = soleRemaining(options);
  if (winner) await resolveBracket(tx, found.bracket, winner, version);
  return { version, paragraphId: found.bracket.paragraphId };
}
