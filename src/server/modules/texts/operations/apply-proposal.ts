// What a pen-holder's decision does to the text: accept a proposal into it, or bracket it.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { splice } from "../model.ts";
import { textBracketOptions, textBrackets, textParagraphs, textProposals } from "../schema.ts";
import { addOptions, loadOpenBracket, openBracket, openBracketsIn, resolveBracket } from "./brackets.ts";
import { locateSpan, optionOfProposal, type ProposalRow } from "./proposal-support.ts";
import { type DocumentRow, loadParagraph, newEId, newId, orderKeyAfter } from "./shared.ts";

/** The proposal a decision works on: an amendment stands for its target with the amended wording. */
async function effective(
  tx: Db,
  document: DocumentRow,
  proposal: ProposalRow,
): Promise<{ target: ProposalRow; wording: ProposalRow }> {
  if (proposal.kind !== "amend" || !proposal.amendsProposalId) return { target: proposal, wording: proposal };
  const [target] = await tx
    .select()
    .from(textProposals)
    .where(and(eq(textProposals.id, proposal.amendsProposalId), eq(textProposals.documentId, document.id)))
    .limit(1);
  if (!target || (target.state !== "open" && target.state !== "bracketed"))
    throw new Conflict(
      "The proposal this amends is closed; the amendment cannot be decided on its own.",
      {},
      "proposal_closed",
    );
  return { target, wording: proposal };
}

const optionFrom = (proposal: ProposalRow) => ({
  text: proposal.text ?? "",
  isDelete: proposal.kind === "delete" || (proposal.text ?? "") === "",
  proposedBy: [proposal.authorParticipantId],
  proposalId: proposal.id,
});

/**
 * Accepts a proposal into the text at `version`: the paragraph inserted, removed, or its words
 * replaced; an alternative (or an amendment of a bracketed proposal) resolves its bracket. Answers the
 * paragraph changed.
 */
export async function acceptProposal(
  tx: Db,
  document: DocumentRow,
  proposal: ProposalRow,
  version: number,
): Promise<string | null> {
  const { target, wording } = await effective(tx, document, proposal);
  const now = new Date();
  const closeTarget = async () => {
    if (target.id !== wording.id)
      await tx
        .update(textProposals)
        .set({ state: "accepted", decidedAt: now, decisionNote: "Accepted as amended." })
        .where(eq(textProposals.id, target.id));
  };
  if (target.state === "bracketed" || target.kind === "alternative") {
    const found = target.state === "bracketed" ? await optionOfProposal(tx, target.id) : null;
    const bracket = await loadOpenBracket(tx, document, found?.bracket.id ?? target.bracketId ?? "");
    const [optionId] =
      found && target.id === wording.id
        ? [found.option.id]
        : await addOptions(tx, bracket.id, [optionFrom(wording)]);
    const [option] = await tx
      .select()
      .from(textBracketOptions)
      .where(eq(textBracketOptions.id, optionId ?? ""));
    if (!option) throw new Error("the option was not stored");
    await resolveBracket(tx, bracket, option, version);
    await closeTarget();
    return bracket.paragraphId;
  }
  await closeTarget();
  if (target.kind === "insert") {
    const id = newId();
    await tx.insert(textParagraphs).values({
      id,
      documentId: document.id,
      eId: newEId(),
      kind: target.paragraphKind ?? "operative",
      orderKey: await orderKeyAfter(tx, document, target.afterParagraphId ?? undefined),
      body: wording.text ?? "",
      createdInVersion: version,
      revisedInVersion: version,
    });
    return id;
  }
  const paragraph = await loadParagraph(tx, document, target.paragraphId ?? "");
  if (target.kind === "delete") {
    if ((await openBracketsIn(tx, paragraph.id)).length > 0)
      throw new Conflict(
        "The paragraph has open brackets: resolve them before deleting it.",
        {},
        "paragraph_bracketed",
      );
    await tx
      .update(textParagraphs)
      .set({ removedInVersion: version, revisedInVersion: version, updatedAt: now })
      .where(eq(textParagraphs.id, paragraph.id));
    await tx
      .update(textProposals)
      .set({ state: "rejected", decidedAt: now, decisionNote: "The paragraph was deleted.", updatedAt: now })
      .where(
        and(
          eq(textProposals.paragraphId, paragraph.id),
          eq(textProposals.state, "open"),
          ne(textProposals.id, proposal.id),
        ),
      );
    return paragraph.id;
  }
  const span = locateSpan(paragraph, target);
  for (const bracket of await openBracketsIn(tx, paragraph.id))
    if (bracket.spanStart < span.end && span.start < bracket.spanEnd)
      throw new Conflict(
        "These words are in an open bracket: resolve the bracket instead.",
        { bracketId: bracket.id },
        "bracket_overlap",
      );
  const { body, shift } = splice(paragraph.body, span.start, span.end, wording.text ?? "");
  for (const bracket of await openBracketsIn(tx, paragraph.id))
    if (bracket.spanStart >= span.end)
      await tx
        .update(textBrackets)
        .set({ spanStart: bracket.spanStart + shift, spanEnd: bracket.spanEnd + shift })
        .where(eq(textBrackets.id, bracket.id));
  await tx
    .update(textParagraphs)
    .set({ body, revisedInVersion: version, updatedAt: now })
    .where(eq(textParagraphs.id, paragraph.id));
  return paragraph.id;
}

/**
 * Brackets a proposal at `version`: an inserted paragraph enters bracketed against deleting it; a
 * deletion brackets the whole paragraph against keeping it; replaced words are bracketed against the
 * standing words (or join the bracket already on exactly those words); an alternative or an
 * amendment joins its bracket as one more attributed option. Answers the paragraph changed.
 */
export async function bracketProposal(
  tx: Db,
  document: DocumentRow,
  proposal: ProposalRow,
  version: number,
): Promise<string> {
  const { target, wording } = await effective(tx, document, proposal);
  const found = target.state === "bracketed" ? await optionOfProposal(tx, target.id) : null;
  if (found || target.kind === "alternative") {
    const bracket = await loadOpenBracket(tx, document, found?.bracket.id ?? target.bracketId ?? "");
    if (target.id !== wording.id && target.state === "open") {
      await addOptions(tx, bracket.id, [optionFrom(target)]);
      await tx.update(textProposals).set({ state: "bracketed" }).where(eq(textProposals.id, target.id));
    }
    await addOptions(tx, bracket.id, [optionFrom(wording)]);
    await tx
      .update(textParagraphs)
      .set({ revisedInVersion: version })
      .where(eq(textParagraphs.id, bracket.paragraphId));
    return bracket.paragraphId;
  }
  const extra = target.id !== wording.id ? [optionFrom(wording)] : [];
  if (target.id !== wording.id)
    await tx.update(textProposals).set({ state: "bracketed" }).where(eq(textProposals.id, target.id));
  if (target.kind === "insert") {
    const id = newId();
    const body = target.text ?? "";
    await tx.insert(textParagraphs).values({
      id,
      documentId: document.id,
      eId: newEId(),
      kind: target.paragraphKind ?? "operative",
      orderKey: await orderKeyAfter(tx, document, target.afterParagraphId ?? undefined),
      body,
      state: "bracketed",
      createdInVersion: version,
      revisedInVersion: version,
    });
    const [paragraph] = await tx.select().from(textParagraphs).where(eq(textParagraphs.id, id));
    if (!paragraph) throw new Error("the paragraph was not stored");
    await openBracket(
      tx,
      document,
      paragraph,
      { start: 0, end: body.length },
      [optionFrom(target), ...extra, { text: "", isDelete: true, proposedBy: [], proposalId: null }],
      version,
    );
    return id;
  }
  const paragraph = await loadParagraph(tx, document, target.paragraphId ?? "");
  if (target.kind === "delete") {
    await openBracket(
      tx,
      document,
      paragraph,
      { start: 0, end: paragraph.body.length },
      [{ text: paragraph.body, isDelete: false, proposedBy: [], proposalId: null }, optionFrom(target)],
      version,
    );
    return paragraph.id;
  }
  const span = locateSpan(paragraph, target);
  const same = (await openBracketsIn(tx, paragraph.id)).find(
    (b) => b.spanStart === span.start && b.spanEnd === span.end,
  );
  if (same) await addOptions(tx, same.id, [optionFrom(target), ...extra]);
  else
    await openBracket(
      tx,
      document,
      paragraph,
      span,
      [
        {
          text: paragraph.body.slice(span.start, span.end),
          isDelete: false,
          proposedBy: [],
          proposalId: null,
        },
        optionFrom(target),
        ...extra,
      ],
      version,
    );
  return paragraph.id;
}
