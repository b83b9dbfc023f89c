// A text in plain text, for the clean view and one paragraph's options sheet (the compilation's plain
// text is the texts module's own `renderPlainText`, reached through `loadPlainText`).
import { renderBracket } from "../model.ts";
import type { ExportText } from "./export-model.ts";

/** Title, what the file holds, then each paragraph numbered, brackets written `[Alt A: … (Russia)]`. */
export function exportTxt(text: ExportText): string {
  const lines = [text.title, text.subtitle, ""];
  for (const paragraph of text.paragraphs) {
    const body = paragraph.pieces
      .map((piece) =>
        piece.kind === "text"
          ? piece.text
          : renderBracket(
              piece.options.map((option) => ({ ...option, withdrawn: false })),
              (name) => name,
            ),
      )
      .join("");
    lines.push(
      paragraph.number && paragraph.kind !== "preambular" ? `${paragraph.number} ${body}` : body,
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
