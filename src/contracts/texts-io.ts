// The contracts of the negotiated texts' file formats: importing a Word statement (with a preview of
// how it is split) and exporting a text as plain text, Word, PDF or Akoma Ntoso XML.
import { z } from "zod";
import { PlainText } from "./common.ts";
import { CreateDocumentInput, ParagraphKind } from "./texts.ts";

/** The largest .docx accepted: a joint statement is tens of kilobytes; 5 MiB leaves room for images. */
export const docxMaxBytes = 5 * 1024 * 1024;
/** The request body that carries it, base64-encoded in JSON, with room for the other fields. */
export const docxBodyLimit = Math.ceil(docxMaxBytes / 3) * 4 + 64 * 1024;

/** A .docx file, base64-encoded (the web app reads the chosen file; the CLI reads it from disk). */
export const DocxFile = z
  .string()
  .min(1, "Choose a .docx file.")
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Not base64: send the file's bytes base64-encoded.");

/** Split a .docx without saving anything: what the import would create. */
export const DocxPreviewInput = z.strictObject({ docx: DocxFile });

/** A document opened from a .docx: the title is the file's own (its Title or first heading) unless given. */
export const ImportDocxInput = CreateDocumentInput.omit({ plainText: true, title: true }).extend({
  title: PlainText(500).optional(),
  docx: DocxFile,
});

export const ImportPreview = z.object({
  title: z.string().nullable(),
  paragraphs: z.array(z.object({ kind: ParagraphKind, body: z.string() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const exportFormats = ["txt", "docx", "pdf", "akn"] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportViews = ["compilation", "clean"] as const;
export type ExportView = (typeof exportViews)[number];

/** `?format=txt|docx|pdf|akn&view=compilation|clean` (Akoma Ntoso is always the adopted text). */
export const TextExportQuery = z.strictObject({
  format: z.enum(exportFormats).default("txt"),
  view: z.enum(exportViews).default("compilation"),
});
/** One paragraph's options: plain text, Word or PDF. */
export const ParagraphExportQuery = z.strictObject({
  format: z.enum(["txt", "docx", "pdf"]).default("txt"),
});

export const exportMediaTypes: Record<ExportFormat, string> = {
  txt: "text/plain; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  akn: "application/akn+xml; charset=utf-8",
};
export const exportExtensions: Record<ExportFormat, string> = {
  txt: "txt",
  docx: "docx",
  pdf: "pdf",
  akn: "akn.xml",
};
