import { RecordRef } from "../../../../contracts/common.ts";
import { AmendProposalInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { proposingParticipants } from "../policies.ts";
import { textProposals } from "../schema.ts";
import { loadProposal, optionOfProposal, proposer } from "./proposal-support.ts";
import { documentScope, emitChange, invalidField, logEvent, newId, requireDraft } from "./shared.ts";

/**
 * texts.proposal.amend: a delegation proposes other wording for another delegation's proposal (still
 * open, or already an option in a bracket). The amendment is a proposal of its own, with its author and
 * rationale, decided by the pen-holder like any other.
 */
export const amendProposal = defineOperation({
  name: "texts.proposal.amend",
  input: AmendProposalInput.extend({ documentId: RecordRef, proposalId: RecordRef }),
  load: (tx, input, actor) => loadProposal(tx, input.documentId, input.proposalId, actor),
  authorize: (actor, _input, { document }) =>
    actor.kind === "system" || proposingParticipants(actor, document).length > 0,
  scope: documentScope,
  run: async (ctx, input, { document, proposal }) => {
    requireDraft(document);
    if (input.baseVersion > document.textVersion)
      throw invalidField(
        "baseVersion",
        `The text has no version ${input.baseVersion} yet (it is at ${document.textVersion}).`,
      );
    if (proposal.state !== "open" && proposal.state !== "bracketed")
      throw new Conflict(
        `That proposal is ${proposal.state}; only an open or bracketed proposal can be amended.`,
        { state: proposal.state },
        "proposal_closed",
      );
    if (proposal.kind === "delete")
      throw invalidField(
        "text",
        "A proposal to delete has no wording to amend: propose keeping other words instead.",
      );
    const author = proposer(ctx.actor, document, input.asParticipantId);
    const option = proposal.state === "bracketed" ? await optionOfProposal(ctx.tx, proposal.id) : null;
    const id = newId();
    await ctx.tx.insert(textProposals).values({
      id,
      documentId: document.id,
      kind: "amend",
      paragraphId: proposal.paragraphId,
      afterParagraphId: proposal.afterParagraphId,
      paragraphKind: proposal.paragraphKind,
      spanStart: option?.bracket.spanStart ?? proposal.spanStart,
      spanEnd: option?.bracket.spanEnd ?? proposal.spanEnd,
      spanText: proposal.spanText,
      text: input.text,
      bracketId: option?.bracket.id ?? proposal.bracketId,
      amendsProposalId: proposal.id,
      authorParticipantId: author,
      rationale: input.rationale ?? null,
      baseVersion: input.baseVersion,
    });
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "proposal.amend",
      proposalId: id,
      participantId: author,
      data: { amends: proposal.id, paragraphId: proposal.paragraphId },
    });
    ctx.audit({ data: { proposalId: id, amends: proposal.id, author } });
    emitChange(ctx, document, "texts.proposal.amend", { proposalId: id });
    return { id, version: document.textVersion };
  },
});
