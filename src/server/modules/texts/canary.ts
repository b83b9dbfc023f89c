// texts' part of the canary test: a draft at the guarantors' tier (the secretariat holds its pen) and a
// published text whose negotiation stays the guarantors', each carrying markers in every field shown.

import { systemActor } from "../../platform/authz.ts";
import type { AppModule, CanaryFill } from "../../platform/module.ts";
import { announceRound, planRound } from "../core/index.ts";
import { addComment } from "./operations/add-comment.ts";
import { adoptDocument } from "./operations/adopt-document.ts";
import { approveDocument } from "./operations/approve-document.ts";
import { createDocument } from "./operations/create-document.ts";
import { decideProposal } from "./operations/decide-proposal.ts";
import { publishDocument } from "./operations/publish-document.ts";
import { setCompromise } from "./operations/set-compromise.ts";
import { setTranslation } from "./operations/set-translation.ts";
import { submitProposal } from "./operations/submit-proposal.ts";
import { loadCompilation } from "./reads/compilation.ts";

/**
 * A draft joint statement (guarantors' tier, also the secretariat's) with a bracketed proposal and an
 * open one, and a published statement (public) whose rejected proposal must stay the guarantors'.
 */
export const textsCanary: NonNullable<AppModule["canary"]> = async (ctx, marker) => {
  const { processId } = ctx;
  const draft = { tier: "guarantors", processId, alsoSecretariat: true } as const;
  const open = { tier: "public", processId } as const;
  const guarantor = ctx.participantIds.guarantor;
  const round = await ctx.perform(planRound, {
    processId,
    number: 301,
    names: { en: "Canary 301" },
    startDate: "2033-03-01",
    endDate: "2033-03-02",
  });
  await ctx.perform(announceRound, { roundId: round.id, publishedOn: "2033-01-01", text: "Announced." });

  const drafted = await ctx.perform(createDocument, {
    roundId: round.id,
    kind: "joint_statement",
    title: marker(draft),
    plainText: `Reaffirming ${marker(draft)},\n1. Decided ${marker(draft)}.`,
  });
  const [paragraph] = (await loadCompilation(ctx.db, systemActor("canary"), drafted.id)).view.paragraphs;
  if (!paragraph) throw new Error("the canary's draft has no paragraph");
  const bracketed = await ctx.perform(submitProposal, {
    documentId: drafted.id,
    baseVersion: 1,
    kind: "replace",
    paragraphId: paragraph.id,
    start: 0,
    end: 11,
    text: marker(draft),
    rationale: marker(draft),
    asParticipantId: guarantor,
  });
  await ctx.perform(decideProposal, {
    documentId: drafted.id,
    proposalId: bracketed.id,
    baseVersion: 1,
    decision: "bracket",
  });
  await ctx.perform(submitProposal, {
    documentId: drafted.id,
    baseVersion: 2,
    kind: "insert",
    text: marker(draft),
    rationale: marker(draft),
    asParticipantId: guarantor,
  });

  // The views' own records: a compromise, a comment and a translation, each the draft's.
  const current = (await loadCompilation(ctx.db, systemActor("canary"), drafted.id)).view;
  const bracketedParagraph = current.paragraphs.find((p) => p.id === paragraph.id);
  await ctx.perform(setCompromise, {
    documentId: drafted.id,
    paragraphId: paragraph.id,
    baseVersion: current.document.version,
    body: marker(draft),
    note: marker(draft),
  });
  await ctx.perform(addComment, {
    documentId: drafted.id,
    paragraphId: paragraph.id,
    body: marker(draft),
    asParticipantId: guarantor,
  });
  await ctx.perform(setTranslation, {
    documentId: drafted.id,
    paragraphId: paragraph.id,
    language: "ru",
    body: marker(draft),
    sourceVersion: bracketedParagraph?.revisedInVersion ?? 1,
  });

  const published = await ctx.perform(createDocument, {
    roundId: round.id,
    kind: "joint_statement",
    title: marker(open),
    plainText: `1. Welcomed ${marker(open)}.`,
  });
  const rejected = await ctx.perform(submitProposal, {
    documentId: published.id,
    baseVersion: 1,
    kind: "insert",
    text: marker(draft),
    rationale: marker(draft),
    asParticipantId: guarantor,
  });
  await ctx.perform(decideProposal, {
    documentId: published.id,
    proposalId: rejected.id,
    baseVersion: 1,
    decision: "reject",
  });
  const [toPublish] = (await loadCompilation(ctx.db, systemActor("canary"), published.id)).view.paragraphs;
  if (toPublish) {
    // The negotiation of a text stays the draft's after publication: its compromise and comments too.
    await ctx.perform(setCompromise, {
      documentId: published.id,
      paragraphId: toPublish.id,
      baseVersion: 1,
      body: marker(draft),
    });
    await ctx.perform(addComment, {
      documentId: published.id,
      paragraphId: toPublish.id,
      body: marker(draft),
      asParticipantId: guarantor,
    });
  }
  await ctx.perform(approveDocument, {
    documentId: published.id,
    baseVersion: 1,
    asParticipantId: guarantor,
  });
  await ctx.perform(adoptDocument, { documentId: published.id, baseVersion: 1 });
  await ctx.perform(publishDocument, { documentId: published.id, baseVersion: 1, publishedOn: "2033-03-02" });
  const [publishedParagraph] = (await loadCompilation(ctx.db, systemActor("canary"), published.id)).view
    .paragraphs;

  const fills: CanaryFill[] = [
    { id: round.id },
    { id: drafted.id },
    { id: published.id },
    { id: drafted.id, paragraphId: paragraph.id },
  ];
  if (publishedParagraph) fills.push({ id: published.id, paragraphId: publishedParagraph.id });
  return fills;
};
