// The texts' file formats over HTTP: a .docx split for preview, a text opened from a .docx (through
// texts.document.create, authorized and audited there), and every export as one read per scope.
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { ErrorResponse } from "../../../../contracts/platform.ts";
import { CreatedDocument } from "../../../../contracts/texts.ts";
import {
  DocxPreviewInput,
  docxBodyLimit,
  ImportDocxInput,
  ImportPreview,
  ParagraphExportQuery,
  TextExportQuery,
} from "../../../../contracts/texts-io.ts";
import { deny } from "../../../platform/authz.ts";
import { sendBinaryFile } from "../../../platform/exports/download.ts";
import { perform, type ServerDeps, writeErrors, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { findVisibleRound } from "../../core/index.ts";
import { createDocument } from "../operations/create-document.ts";
import { canCreateDocument } from "../policies.ts";
import { docxBytes, readDocx } from "./docx-import.ts";
import { exportParagraph, exportText } from "./export.ts";

const tags = ["texts"];
const IdParams = z.object({ id: RecordRef });
const ParagraphParams = z.object({ id: RecordRef, paragraphId: RecordRef });
const fileErrors = { ...writeErrors, 413: ErrorResponse };

/** Import from Word (with a preview) and export in every format; registered by the texts' routes. */
export function registerTextsIoRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "texts.document.export",
      path: "/texts/:id/export",
      tags,
      summary:
        "A text as a file: plain text, Word, PDF (compilation or clean), or Akoma Ntoso XML (adopted text)",
      description:
        "`format=txt|docx|pdf|akn`, `view=compilation|clean`. Read with the tier rule of the views: a draft outside the caller's reach answers 404. Akoma Ntoso exports the adopted (frozen) text: 409 `not_adopted` before adoption.",
      params: IdParams,
      query: TextExportQuery,
      response: z.string(),
      produces: [
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
        "application/akn+xml",
      ],
      errors: { 409: ErrorResponse },
      cache: "per-actor",
      load: (db, actor, { params, query }) => exportText(db, actor, params.id, query.format, query.view),
      send: (reply, file) => sendBinaryFile(reply, file),
    }),
  );
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "texts.paragraph.export",
      path: "/texts/:id/paragraphs/:paragraphId/export",
      tags,
      summary:
        "One paragraph's options as a file: its brackets, each option with who proposed it and the positions taken",
      params: ParagraphParams,
      query: ParagraphExportQuery,
      response: z.string(),
      produces: [
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
      ],
      cache: "per-actor",
      load: (db, actor, { params, query }) =>
        exportParagraph(db, actor, params.id, params.paragraphId, query.format),
      send: (reply, file) => sendBinaryFile(reply, file),
    }),
  );

  app.post(
    "/rounds/:id/texts/import-preview",
    {
      bodyLimit: docxBodyLimit,
      schema: {
        tags,
        summary:
          "Split a .docx (base64) into title, preambular and operative paragraphs without saving anything (the secretariat)",
        params: IdParams,
        body: DocxPreviewInput,
        response: { 200: ImportPreview, ...fileErrors },
      },
    },
    async (request) => {
      const { process } = await findVisibleRound(deps.db, request.actor, request.params.id);
      if (!canCreateDocument(request.actor, process.id)) deny(request.actor);
      const { title, paragraphs } = await readDocx(docxBytes(request.body.docx));
      return { title, paragraphs };
    },
  );

  app.post(
    "/rounds/:id/texts/import-docx",
    {
      bodyLimit: docxBodyLimit,
      schema: {
        tags,
        summary:
          "Open a text from a .docx (base64), split as a person would (texts.document.create; the secretariat)",
        description:
          "At most 5 MiB: a larger file answers 413; a file that is not a .docx, or holds no text, 400. Nothing is written unless the whole import succeeds.",
        params: IdParams,
        body: ImportDocxInput,
        response: { 201: CreatedDocument, ...fileErrors },
      },
    },
    async (request, reply) => {
      const { docx, title, ...rest } = request.body;
      const statement = await readDocx(docxBytes(docx));
      const created = await perform(request, deps.db, createDocument, {
        ...rest,
        title: title ?? statement.title ?? "Untitled statement",
        plainText: statement.plainText,
        roundId: request.params.id,
      });
      return reply.status(201).send(created);
    },
  );
}
