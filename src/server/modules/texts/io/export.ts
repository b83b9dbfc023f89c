// One export of a text in any format: what the route, the CLI and the benchmark call.
import {
  type ExportFormat,
  type ExportView,
  exportExtensions,
  exportMediaTypes,
} from "../../../../contracts/texts-io.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { fileSlug } from "../../../platform/exports/download.ts";
import { loadPlainText } from "../reads/history.ts";
import { exportAkomaNtoso } from "./akn-export.ts";
import { exportDocx } from "./docx-export.ts";
import { type ExportText, loadAdoptedText, loadExportText, loadParagraphOptions } from "./export-model.ts";
import { exportPdf } from "./pdf-export.ts";
import { exportTxt } from "./txt-export.ts";

export type ExportedFile = { body: Uint8Array; mediaType: string; filename: string };

const encoder = new TextEncoder();

function fileOf(name: string, format: ExportFormat, body: Uint8Array | string): ExportedFile {
  return {
    body: typeof body === "string" ? encoder.encode(body) : body,
    mediaType: exportMediaTypes[format],
    filename: `${fileSlug(name).slice(0, 120)}.${exportExtensions[format]}`,
  };
}

async function render(text: ExportText, format: Exclude<ExportFormat, "akn">): Promise<Uint8Array | string> {
  if (format === "docx") return exportDocx(text);
  if (format === "pdf") return exportPdf(text);
  return exportTxt(text);
}

/**
 * A whole text as a file, read with the tier rule of its views (a draft outside the caller's reach is
 * 404): the compilation or the clean text in plain text, Word or PDF; the adopted text in Akoma Ntoso.
 */
export async function exportText(
  db: Db,
  actor: Actor,
  id: string,
  format: ExportFormat,
  view: ExportView,
): Promise<ExportedFile> {
  if (format === "akn") {
    const adopted = await loadAdoptedText(db, actor, id);
    return fileOf(`${adopted.title}-v${adopted.version}`, "akn", exportAkomaNtoso(adopted));
  }
  const text = await loadExportText(db, actor, id, view);
  if (format === "txt" && view === "compilation")
    return fileOf(text.name, "txt", await loadPlainText(db, actor, id));
  return fileOf(text.name, format, await render(text, format));
}

/** One paragraph's options sheet as a file (the draft's readers only). */
export async function exportParagraph(
  db: Db,
  actor: Actor,
  id: string,
  paragraphId: string,
  format: "txt" | "docx" | "pdf",
): Promise<ExportedFile> {
  const text = await loadParagraphOptions(db, actor, id, paragraphId);
  return fileOf(text.name, format, await render(text, format));
}
