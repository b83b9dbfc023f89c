// The texts' HTTP routes: reads through `defineRead` (tier filter in SQL), writes through operations.
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  AddParagraphInput,
  AmendProposalInput,
  ApproveInput,
  AsOfQuery,
  AsOfView,
  ChangeResult,
  CleanView,
  CompilationView,
  CreateDocumentInput,
  CreatedDocument,
  DecideProposalInput,
  DocumentList,
  EditParagraphInput,
  MoveParagraphInput,
  OwnView,
  ParagraphHistory,
  PublishInput,
  SetParagraphStateInput,
  SubmitProposalInput,
  TakePositionInput,
  VersionOnlyInput,
  WithdrawProposalInput,
} from "../../../contracts/texts.ts";
import type { AnyOperation } from "../../platform/module.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { registerTextsIoRoutes } from "./io/routes.ts";
import { addParagraph } from "./operations/add-paragraph.ts";
import { adoptDocument } from "./operations/adopt-document.ts";
import { amendProposal } from "./operations/amend-proposal.ts";
import { approveDocument } from "./operations/approve-document.ts";
import { createDocument } from "./operations/create-document.ts";
import { decideProposal } from "./operations/decide-proposal.ts";
import { editParagraph } from "./operations/edit-paragraph.ts";
import { moveParagraph } from "./operations/move-paragraph.ts";
import { publishDocument } from "./operations/publish-document.ts";
import { removeParagraph } from "./operations/remove-paragraph.ts";
import { setParagraphState } from "./operations/set-paragraph-state.ts";
import { submitProposal } from "./operations/submit-proposal.ts";
import { takePosition } from "./operations/take-position.ts";
import { withdrawProposal } from "./operations/withdraw-proposal.ts";
import { compilationCan, loadCompilation } from "./reads/compilation.ts";
import { loadAsOf, loadParagraphHistory, loadPlainText } from "./reads/history.ts";
import { listRoundDocuments, loadClean, loadOwn } from "./reads/views.ts";

const tags = ["texts"];
const IdParams = z.object({ id: RecordRef });
const ParagraphParams = z.object({ id: RecordRef, paragraphId: RecordRef });
const ProposalParams = z.object({ id: RecordRef, proposalId: RecordRef });

/** Negotiated texts: the round's documents, the compilation and clean views, and every change to them. */
export function registerTextsRoutes(app: ZodApp, deps: ServerDeps): void {
  registerTextsIoRoutes(app, deps);
  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "texts.document.list",
      path: "/rounds/:id/texts",
      tags,
      summary: "A round's negotiated texts: drafts within the caller's reach, published texts for everyone",
      params: IdParams,
      response: DocumentList,
      cache: "per-actor",
      load: (db, actor, { params }) => listRoundDocuments(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "texts.document.get",
      path: "/texts/:id",
      tags,
      summary:
        "The compilation text: every bracket and option with attributions and positions, the proposals, the approvals",
      params: IdParams,
      response: CompilationView,
      cache: "per-actor",
      load: (db, actor, { params }) => loadCompilation(db, actor, params.id),
      present: (loaded) => loaded.view,
      can: compilationCan,
    }),
  );
  read(
    defineRead({
      name: "texts.document.clean",
      path: "/texts/:id/clean",
      tags,
      summary: "The clean text: agreed paragraphs only (ad referendum flagged)",
      params: IdParams,
      response: CleanView,
      cache: "per-actor",
      load: (db, actor, { params }) => loadClean(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "texts.document.mine",
      path: "/texts/:id/mine",
      tags,
      summary: "The caller's delegation's own proposals, pending positions and approval",
      params: IdParams,
      response: OwnView,
      cache: "per-actor",
      load: (db, actor, { params }) => loadOwn(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "texts.document.as-of",
      path: "/texts/:id/as-of",
      tags,
      summary: "The text as it stood at a moment of the negotiation, rebuilt from its history",
      params: IdParams,
      query: AsOfQuery,
      response: AsOfView,
      cache: "per-actor",
      load: (db, actor, { params, query }) =>
        loadAsOf(db, actor, params.id, query.at ? new Date(query.at) : new Date()),
    }),
  );
  read(
    defineRead({
      name: "texts.document.export-text",
      path: "/texts/:id/export.txt",
      tags,
      summary: "The text in plain text, numbered, with brackets as diplomats write them",
      params: IdParams,
      response: z.string(),
      produces: ["text/plain"],
      cache: "per-actor",
      load: (db, actor, { params }) => loadPlainText(db, actor, params.id),
      send: (reply, text) => reply.type("text/plain; charset=utf-8").send(text),
    }),
  );
  read(
    defineRead({
      name: "texts.paragraph.history",
      path: "/texts/:id/paragraphs/:paragraphId/history",
      tags,
      summary: "One paragraph's history: every change with the wording it left, and the proposals made on it",
      params: ParagraphParams,
      response: ParagraphHistory,
      cache: "per-actor",
      load: (db, actor, { params }) => loadParagraphHistory(db, actor, params.id, params.paragraphId),
    }),
  );

  app.post(
    "/rounds/:id/texts",
    {
      schema: {
        tags,
        summary:
          "Create a negotiated text, optionally from pasted plain text (texts.document.create; the secretariat)",
        params: IdParams,
        body: CreateDocumentInput,
        response: { 201: CreatedDocument, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await perform(request, deps.db, createDocument, { ...request.body, roundId: request.params.id }),
        ),
  );

  const onDocument: [string, AnyOperation, z.ZodType, string][] = [
    [
      "/texts/:id/paragraphs",
      addParagraph,
      AddParagraphInput,
      "Add a paragraph (texts.paragraph.add; the pen-holder)",
    ],
    [
      "/texts/:id/proposals",
      submitProposal,
      SubmitProposalInput,
      "Submit a proposal (texts.proposal.submit; a delegation in the draft's tier)",
    ],
    [
      "/texts/:id/positions",
      takePosition,
      TakePositionInput,
      "Take a position on an option (texts.position.take; a delegation named by the rule)",
    ],
    [
      "/texts/:id/approve",
      approveDocument,
      ApproveInput,
      "Approve the current version (texts.document.approve; a delegation named by the rule)",
    ],
    [
      "/texts/:id/adopt",
      adoptDocument,
      VersionOnlyInput,
      "Adopt the text: no bracket left, every approval in (texts.document.adopt)",
    ],
    [
      "/texts/:id/publish",
      publishDocument,
      PublishInput,
      "Publish the adopted text (texts.document.publish; the secretariat)",
    ],
  ];
  for (const [url, operation, body, summary] of onDocument)
    app.post(
      url,
      { schema: { tags, summary, params: IdParams, body, response: { 200: ChangeResult, ...writeErrors } } },
      async (request) =>
        perform(request, deps.db, operation, { ...(request.body as object), documentId: request.params.id }),
    );

  const onParagraph: [string, "post" | "patch", AnyOperation, z.ZodType, string][] = [
    [
      "/texts/:id/paragraphs/:paragraphId",
      "patch",
      editParagraph,
      EditParagraphInput,
      "Edit a paragraph (texts.paragraph.edit; the pen-holder)",
    ],
    [
      "/texts/:id/paragraphs/:paragraphId/move",
      "post",
      moveParagraph,
      MoveParagraphInput,
      "Move a paragraph (texts.paragraph.move)",
    ],
    [
      "/texts/:id/paragraphs/:paragraphId/remove",
      "post",
      removeParagraph,
      VersionOnlyInput,
      "Remove a paragraph (texts.paragraph.remove)",
    ],
    [
      "/texts/:id/paragraphs/:paragraphId/state",
      "post",
      setParagraphState,
      SetParagraphStateInput,
      "Set a paragraph's state (texts.paragraph.set-state)",
    ],
  ];
  for (const [url, method, operation, body, summary] of onParagraph)
    app[method](
      url,
      {
        schema: {
          tags,
          summary,
          params: ParagraphParams,
          body,
          response: { 200: ChangeResult, ...writeErrors },
        },
      },
      async (request) =>
        perform(request, deps.db, operation, {
          ...(request.body as object),
          documentId: request.params.id,
          paragraphId: request.params.paragraphId,
        }),
    );

  const onProposal: [string, AnyOperation, z.ZodType, string][] = [
    [
      "/texts/:id/proposals/:proposalId/amend",
      amendProposal,
      AmendProposalInput,
      "Amend a proposal (texts.proposal.amend)",
    ],
    [
      "/texts/:id/proposals/:proposalId/withdraw",
      withdrawProposal,
      WithdrawProposalInput,
      "Withdraw one's own proposal (texts.proposal.withdraw)",
    ],
    [
      "/texts/:id/proposals/:proposalId/decide",
      decideProposal,
      DecideProposalInput,
      "Decide a proposal: accept, bracket, reject, defer (texts.proposal.decide)",
    ],
  ];
  for (const [url, operation, body, summary] of onProposal)
    app.post(
      url,
      {
        schema: {
          tags,
          summary,
          params: ProposalParams,
          body,
          response: { 200: ChangeResult, ...writeErrors },
        },
      },
      async (request) =>
        perform(request, deps.db, operation, {
          ...(request.body as object),
          documentId: request.params.id,
          proposalId: request.params.proposalId,
        }),
    );
}
