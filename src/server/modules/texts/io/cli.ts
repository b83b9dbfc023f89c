// `astana texts import|export`: open a text from a plain-text or Word file, and export a text (or one
// paragraph's options) in any format, each through the same operation or read as its route.
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { UsageError } from "../../../../cli/common.ts";
import { json, roundSelector } from "../../../../cli/options.ts";
import { act, output } from "../../../../cli/session.ts";
import * as contracts from "../../../../contracts/texts.ts";
import {
  type ExportFormat,
  type ExportView,
  exportFormats,
  exportViews,
} from "../../../../contracts/texts-io.ts";
import { roundRef } from "../../core/index.ts";
import { createDocument } from "../operations/create-document.ts";
import { readDocx } from "./docx-import.ts";
import { exportParagraph, exportText } from "./export.ts";

type RoundOptions = { process?: string; number?: number };

function readFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
}

/** `astana texts import` (plain text or .docx, by its content) and `astana texts export --format …`. */
export function registerTextsIoCommands(texts: Command): void {
  json(
    roundSelector(
      texts
        .command("import")
        .description("Open a text from a plain-text or Word (.docx) file (texts.document.create)"),
    )
      .option("--title <title>", "the document's title (a .docx's own Title is used when not given)")
      .requiredOption("--file <path>", "the statement to split into paragraphs: .txt or .docx")
      .option("--kind <kind>", "joint_statement, memorandum, communique or regulations", "joint_statement")
      .option("--language <language>", "en, ru or ar", "en"),
  ).action(
    act(
      async (
        s,
        o: RoundOptions & { title?: string; file: string; kind: string; language: string },
        [number],
      ) => {
        const bytes = readFile(o.file);
        // A .docx is a ZIP: it starts with "PK".
        const isDocx = o.file.toLowerCase().endsWith(".docx") || (bytes[0] === 0x50 && bytes[1] === 0x4b);
        const statement = isDocx ? await readDocx(bytes) : { title: null, plainText: bytes.toString("utf8") };
        const title = o.title ?? statement.title;
        if (!title) throw new UsageError("Give the text a title with --title.");
        return output(
          await s.run(createDocument, {
            roundId: await roundRef(s, number, o),
            kind: o.kind as contracts.DocumentKind,
            language: o.language as "en" | "ru" | "ar",
            title,
            plainText: statement.plainText,
          }),
          () => contracts.CreatedDocument,
          (created) => `Opened text ${created.id} with ${created.paragraphs} paragraph(s).`,
        );
      },
    ),
  );
  texts
    .command("export")
    .description(
      "A text as a file: txt, docx, pdf (compilation or clean) or akn (the adopted text) (texts.document.export)",
    )
    .argument("<id>", "the text's id")
    .option("--format <format>", exportFormats.join(", "), "txt")
    .option("--view <view>", exportViews.join(", "), "compilation")
    .option(
      "--paragraph <paragraphId>",
      "one paragraph's options instead of the whole text (txt, docx or pdf)",
    )
    .option("--out <path>", "where to write the file (txt and akn go to standard output without it)")
    .action(
      act(async (s, o: { format: string; view: string; paragraph?: string; out?: string }, [id]) => {
        if (!(exportFormats as readonly string[]).includes(o.format))
          throw new UsageError(`--format is one of ${exportFormats.join(", ")}.`);
        if (!(exportViews as readonly string[]).includes(o.view))
          throw new UsageError(`--view is one of ${exportViews.join(", ")}.`);
        const format = o.format as ExportFormat;
        if (o.paragraph && format === "akn") throw new UsageError("A paragraph exports as txt, docx or pdf.");
        const file = o.paragraph
          ? await exportParagraph(s.db, s.actor, id ?? "", o.paragraph, format as "txt" | "docx" | "pdf")
          : await exportText(s.db, s.actor, id ?? "", format, o.view as ExportView);
        const binary = format === "docx" || format === "pdf";
        const target = o.out ?? (binary ? file.filename : null);
        if (target === null)
          return output(new TextDecoder().decode(file.body), null, (text) => text.trimEnd());
        writeFileSync(target, file.body);
        return output(`Wrote ${target} (${file.body.length} bytes).`, null, (said) => said);
      }),
    );
}
