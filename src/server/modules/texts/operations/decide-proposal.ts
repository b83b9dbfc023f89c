import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { DecideProposalInput, type ProposalState } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isPenHolder } from "../policies.ts";
import { textProposals } from "../schema.ts";
import { acceptProposal, bracketProposal } from "./apply-proposal.ts";
import { loadProposal, withdrawFromBracket } from "./proposal-support.ts";
import {
  bumpVersion,
  checkBaseVersion,
  documentScope,
  emitChange,
  logEvent,
  requireDraft,
} from "./shared.ts";

const endStates: Record<"reject" | "defer_capitals" | "defer_next_round", ProposalState> = {
  reject: "rejected",
  defer_capitals: "deferred_capitals",
  defer_next_round: "deferred_next_round",
};

/**
 * texts.proposal.decide: the pen-holder accepts a proposal into the text, brackets it, rejects it or
 * defers it (to capitals, to the next round), from the version it read. A bracketed proposal may still
 * be accepted (its option wins the bracket) or set aside (its option leaves the bracket; a bracket
 * left with one option resolves to it). Every proposal thus ends in a recorded state.
 */
export const decideProposal = defineOperation({
  name: "texts.proposal.decide",
  input: DecideProposalInput.extend({ documentId: RecordRef, proposalId: RecordRef }),
  load: (tx, input, actor) => loadProposal(tx, input.documentId, input.proposalId, actor),
  authorize: (actor, _input, { document }) => isPenHolder(actor, document),
  scope: documentScope,
  run: async (ctx, input, { document, proposal }) => {
    requireDraft(document);
    await checkBaseVersion(ctx.tx, document, input.baseVersion);
    const open = proposal.state === "open";
    if (!open && !(proposal.state === "bracketed" && input.decision !== "bracket"))
      throw new Conflict(
        `That proposal is ${proposal.state}; ${proposal.state === "bracketed" ? "it is already in a bracket" : "it was decided already"}.`,
        { state: proposal.state },
        "proposal_closed",
      );
    const now = new Date();
    let paragraphId: string | null = proposal.paragraphId;
    let version = document.textVersion;
    let state: ProposalState;
    if (input.decision === "accept") {
      version = await bumpVersion(ctx.tx, document);
      paragraphId = await acceptProposal(ctx.tx, document, proposal, version);
      state = "accepted";
    } else if (input.decision === "bracket") {
      version = await bumpVersion(ctx.tx, document);
      paragraphId = await bracketProposal(ctx.tx, document, proposal, version);
      state = "bracketed";
    } else {
      state = endStates[input.decision];
      const left =
        proposal.state === "bracketed" ? await withdrawFromBracket(ctx.tx, document, proposal.id, now) : null;
      if (left) ({ version, paragraphId } = left);
    }
    await ctx.tx
      .update(textProposals)
      .set({ state, decidedAt: now, decisionNote: input.note ?? null, updatedAt: now })
      .where(eq(textProposals.id, proposal.id));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version,
      type: `proposal.${input.decision}`,
      proposalId: proposal.id,
      paragraphId: version !== input.baseVersion ? paragraphId : null,
      data: { note: input.note ?? null },
    });
    ctx.audit({ data: { proposalId: proposal.id, decision: input.decision, version } });
    emitChange(ctx, document, "texts.proposal.decide", { proposalId: proposal.id });
    return { id: proposal.id, version };
  },
});
