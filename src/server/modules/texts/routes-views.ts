// The texts' view routes beyond the compilation: the redline, the four columns (with compromises and
// comments) and parallel languages. Reads through `defineRead` (tier filter in SQL), writes through operations.
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import { ChangeResult } from "../../../contracts/texts.ts";
import {
  AddCommentInput,
  FourColumnView,
  RedlineQuery,
  RedlineView,
  SetCompromiseInput,
  SetTranslationInput,
  TranslationsQuery,
  TranslationsView,
} from "../../../contracts/texts-views.ts";
import type { AnyOperation } from "../../platform/module.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { addComment } from "./operations/add-comment.ts";
import { setCompromise } from "./operations/set-compromise.ts";
import { setTranslation } from "./operations/set-translation.ts";
import { loadFourColumns } from "./reads/four-column.ts";
import { loadRedline } from "./reads/redline.ts";
import { loadTranslations } from "./reads/translations.ts";

const tags = ["texts"];
const IdParams = z.object({ id: RecordRef });
const ParagraphParams = z.object({ id: RecordRef, paragraphId: RecordRef });

/** The redline, four-column and parallel-language views, and the changes they offer. */
export function registerTextsViewRoutes(app: ZodApp, deps: ServerDeps): void {
  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "texts.document.redline",
      path: "/texts/:id/redline",
      tags,
      summary:
        "A word-level redline between two points of a draft (versions, the adopted text, or moments), paragraph by paragraph",
      params: IdParams,
      query: RedlineQuery,
      response: RedlineView,
      cache: "per-actor",
      load: (db, actor, { params, query }) => loadRedline(db, actor, params.id, query.from, query.to),
    }),
  );
  read(
    defineRead({
      name: "texts.document.four-column",
      path: "/texts/:id/four-column",
      tags,
      summary:
        "The trilogue layout: each paragraph's text, its proposals, the pen-holder's compromise and comments",
      params: IdParams,
      response: FourColumnView,
      cache: "per-actor",
      load: (db, actor, { params }) => loadFourColumns(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "texts.document.translations",
      path: "/texts/:id/translations",
      tags,
      summary:
        "The authoritative text beside its translation into one language, paragraph by paragraph, stale ones flagged",
      params: IdParams,
      query: TranslationsQuery,
      response: TranslationsView,
      cache: "per-actor",
      load: (db, actor, { params, query }) => loadTranslations(db, actor, params.id, query.language),
    }),
  );

  const onParagraph: [string, AnyOperation, z.ZodType, string][] = [
    [
      "/texts/:id/paragraphs/:paragraphId/compromise",
      setCompromise,
      SetCompromiseInput,
      "Write a compromise wording for a paragraph (texts.compromise.set; the pen-holder)",
    ],
    [
      "/texts/:id/paragraphs/:paragraphId/comments",
      addComment,
      AddCommentInput,
      "Comment on a paragraph (texts.comment.add; any delegation reading the draft)",
    ],
    [
      "/texts/:id/paragraphs/:paragraphId/translation",
      setTranslation,
      SetTranslationInput,
      "Set a paragraph's translation (texts.translation.set; the pen-holder or the secretariat)",
    ],
  ];
  for (const [url, operation, body, summary] of onParagraph)
    app.post(
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
}
