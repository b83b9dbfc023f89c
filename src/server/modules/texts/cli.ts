// `astana texts …`: a round's negotiated texts; opening one from a file and exporting it are in io/cli.ts.
import type { Command } from "commander";
import { json, roundSelector } from "../../../cli/options.ts";
import { act, output } from "../../../cli/session.ts";
import * as contracts from "../../../contracts/texts.ts";
import { roundRef } from "../core/index.ts";
import { registerTextsIoCommands } from "./io/cli.ts";
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
  registerTextsIoCommands(texts);
}
