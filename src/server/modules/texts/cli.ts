// `astana texts …`: a round's negotiated texts, opening one from a plain-text file, and plain-text export.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { UsageError } from "../../../cli/common.ts";
import { json, roundSelector } from "../../../cli/options.ts";
import { act, output } from "../../../cli/session.ts";
import * as contracts from "../../../contracts/texts.ts";
import { roundRef } from "../core/index.ts";
import { createDocument } from "./operations/create-document.ts";
import { loadPlainText } from "./reads/history.ts";
import { listRoundDocuments } from "./reads/views.ts";

type RoundOptions = { process?: string; number?: number };

/** `astana texts list|import|export`, each calling the same operation or read as its route. */
export function registerTextsCommands(program: Command): void {
  const texts = program
    .command("texts")
    .description("Negotiated texts of a round (joint statements, memoranda)");
  json(roundSelector(texts.command("list").description("A round's texts (texts.document.list)"))).action(
    act(async (s, o: RoundOptions, [number]) =>
      output(
        await listRoundDocuments(s.db, s.actor, await roundRef(s, number, o)),
        () => contracts.DocumentList,
        (list) =>
          list.items.length === 0
            ? "No text in this round."
            : list.items
                .map((item) => `${item.id}  ${item.status.padEnd(9)} v${item.version}  ${item.title}`)
                .join("\n"),
      ),
    ),
  );
  json(
    roundSelector(
      texts.command("import").description("Open a text from a plain-text file (texts.document.create)"),
    )
      .requiredOption("--title <title>", "the document's title")
      .requiredOption("--file <path>", "the plain-text statement to split into paragraphs")
      .option("--kind <kind>", "joint_statement, memorandum, communique or regulations", "joint_statement"),
  ).action(
    act(async (s, o: RoundOptions & { title: string; file: string; kind: string }, [number]) => {
      let plainText: string;
      try {
        plainText = readFileSync(o.file, "utf8");
      } catch {
        throw new UsageError(`Cannot read ${o.file}.`);
      }
      return output(
        await s.run(createDocument, {
          roundId: await roundRef(s, number, o),
          kind: o.kind as contracts.DocumentKind,
          title: o.title,
          plainText,
        }),
        () => contracts.CreatedDocument,
        (created) => `Opened text ${created.id} with ${created.paragraphs} paragraph(s).`,
      );
    }),
  );
  texts
    .command("export")
    .description("A text in plain text, numbered, brackets written out (texts.document.export-text)")
    .argument("<id>", "the text's id")
    .action(
      act(async (s, _o: object, [id]) =>
        output(await loadPlainText(s.db, s.actor, id ?? ""), null, (text) => text.trimEnd()),
      ),
    );
}
