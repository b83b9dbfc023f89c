import { RecordRef } from "../../../../contracts/common.ts";
import { SubmitProposalInput } from "../../../../contracts/texts.ts";
import { StaleVersion } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { proposingParticipants } from "../policies.ts";
import { textProposals } from "../schema.ts";
import { loadOpenBracket } from "./brackets.ts";
import { proposer } from "./proposal-support.ts";
import {
  documentScope,
  emitChange,
  invalidField,
  loadDocument,
  loadParagraph,
  logEvent,
  newId,
  type ParagraphRow,
  requireDraft,
  snapshotOf,
} from "./shared.ts";

/**
 * texts.proposal.submit: a delegation within the draft's tier proposes to insert a paragraph, delete
 * one, replace a span of words, or add an alternative to a bracket, against the version it read.
 * Proposals do not change the text, so several made at once are all recorded; one made against a
 * paragraph changed since its version is refused (409 with the current text), one against a removed
 * paragraph too.
 */
export const submitProposal = defineOperation({
  name: "texts.proposal.submit",
  input: SubmitProposalInput.extend({ documentId: RecordRef }),
  load: (tx, input, actor) => loadDocument(tx, input.documentId, actor),
  authorize: (actor, _input, document) =>
    actor.kind === "system" || proposingParticipants(actor, document).length > 0,
  scope: documentScope,
  run: async (ctx, input, document) => {
    requireDraft(document);
    if (input.baseVersion > document.textVersion)
      throw invalidField(
        "baseVersion",
        `The text has no version ${input.baseVersion} yet (it is at ${document.textVersion}).`,
      );
    const author = proposer(ctx.actor, document, input.asParticipantId);
    const wording = input.deleteSpan ? "" : input.text;
    let paragraph: ParagraphRow | null = null;
    const stale = async (row: ParagraphRow) => {
      if (row.revisedInVersion > input.baseVersion)
        throw new StaleVersion("This paragraph", input.baseVersion, await snapshotOf(ctx.tx, document));
    };
    let span: { start: number; end: number; text: string } | null = null;
    let bracketId: string | null = null;
    switch (input.kind) {
      case "insert":
        if (!input.text) throw invalidField("text", "Write the paragraph to insert.");
        if (input.afterParagraphId)
          await loadParagraph(ctx.tx, document, input.afterParagraphId, "afterParagraphId");
        break;
      case "delete":
        if (!input.paragraphId) throw invalidField("paragraphId", "Name the paragraph to delete.");
        paragraph = await loadParagraph(ctx.tx, document, input.paragraphId);
        await stale(paragraph);
        span = { start: 0, end: paragraph.body.length, text: paragraph.body };
        break;
      case "replace": {
        if (!input.paragraphId)
          throw invalidField("paragraphId", "Name the paragraph whose words you replace.");
        paragraph = await loadParagraph(ctx.tx, document, input.paragraphId);
        await stale(paragraph);
        const start = input.start ?? 0;
        const end = input.end ?? paragraph.body.length;
        if (end < start || end > paragraph.body.length)
          throw invalidField(
            "end",
            `The span must lie within the paragraph's ${paragraph.body.length} characters, start before end.`,
          );
        if (wording === undefined)
          throw invalidField("text", "Write the new wording, or propose deleting the words.");
        if (start === end && wording === "")
          throw invalidField("text", "An empty span replaced by nothing changes nothing.");
        span = { start, end, text: paragraph.body.slice(start, end) };
        break;
      }
      case "alternative": {
        if (!input.bracketId)
          throw invalidField("bracketId", "Name the bracket this alternative belongs to.");
        const bracket = await loadOpenBracket(ctx.tx, document, input.bracketId);
        if (wording === undefined)
          throw invalidField("text", "Write the alternative wording, or propose deleting the words.");
        paragraph = await loadParagraph(ctx.tx, document, bracket.paragraphId);
        bracketId = bracket.id;
        span = {
          start: bracket.spanStart,
          end: bracket.spanEnd,
          text: paragraph.body.slice(bracket.spanStart, bracket.spanEnd),
        };
        break;
      }
    }
    const id = newId();
    await ctx.tx.insert(textProposals).values({
      id,
      documentId: document.id,
      kind: input.kind,
      paragraphId: paragraph?.id ?? null,
      afterParagraphId: input.kind === "insert" ? (input.afterParagraphId ?? null) : null,
      paragraphKind: input.kind === "insert" ? (input.paragraphKind ?? "operative") : null,
      spanStart: span?.start ?? null,
      spanEnd: span?.end ?? null,
      spanText: span?.text ?? null,
      text: input.kind === "delete" ? null : (wording ?? null),
      bracketId,
      authorParticipantId: author,
      rationale: input.rationale ?? null,
      baseVersion: input.baseVersion,
    });
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "proposal.submit",
      proposalId: id,
      participantId: author,
      data: { kind: input.kind, paragraphId: paragraph?.id ?? null },
    });
    ctx.audit({ data: { proposalId: id, kind: input.kind, author } });
    emitChange(ctx, document, "texts.proposal.submit", { proposalId: id });
    return { id, version: document.textVersion };
  },
});
