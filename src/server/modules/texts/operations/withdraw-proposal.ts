import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { WithdrawProposalInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { participantsOf } from "../policies.ts";
import { textProposals } from "../schema.ts";
import { loadProposal, withdrawFromBracket } from "./proposal-support.ts";
import { checkBaseVersion, documentScope, emitChange, logEvent, requireDraft } from "./shared.ts";

/**
 * texts.proposal.withdraw: a delegation withdraws its own proposal. An open one simply ends withdrawn;
 * a bracketed one leaves its bracket, and when a single option is left the bracket resolves to it — a
 * change of the text, so it must be based on the current version.
 */
export const withdrawProposal = defineOperation({
  name: "texts.proposal.withdraw",
  input: WithdrawProposalInput.extend({ documentId: RecordRef, proposalId: RecordRef }),
  load: (tx, input, actor) => loadProposal(tx, input.documentId, input.proposalId, actor),
  authorize: (actor, _input, { document, proposal }) =>
    actor.kind === "system" ||
    participantsOf(actor, document.processId).includes(proposal.authorParticipantId),
  scope: documentScope,
  run: async (ctx, input, { document, proposal }) => {
    requireDraft(document);
    if (proposal.state !== "open" && proposal.state !== "bracketed")
      throw new Conflict(
        `That proposal is already ${proposal.state}.`,
        { state: proposal.state },
        "proposal_closed",
      );
    const now = new Date();
    let version = document.textVersion;
    let paragraphId: string | null = proposal.paragraphId;
    if (proposal.state === "bracketed") {
      await checkBaseVersion(ctx.tx, document, input.baseVersion);
      const left = await withdrawFromBracket(ctx.tx, document, proposal.id, now);
      if (left) ({ version, paragraphId } = left);
    }
    await ctx.tx
      .update(textProposals)
      .set({ state: "withdrawn", decidedAt: now, updatedAt: now })
      .where(eq(textProposals.id, proposal.id));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version,
      type: "proposal.withdraw",
      proposalId: proposal.id,
      participantId: proposal.authorParticipantId,
      paragraphId: proposal.state === "bracketed" ? paragraphId : null,
    });
    ctx.audit({ data: { proposalId: proposal.id, version } });
    emitChange(ctx, document, "texts.proposal.withdraw", { proposalId: proposal.id });
    return { id: proposal.id, version };
  },
});
