// The text's pure rules: numbering, splitting a bracketed body into segments, reading a plain-text
// statement as a person would, and writing one out with brackets as diplomats write them.
import type { BracketSnapshot, ParagraphKind, ParagraphSnapshot } from "../../../contracts/texts.ts";

const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/**
 * Operative paragraphs are numbered 1, 2, 3… in order, and annexes I, II…; preambular paragraphs and
 * headings carry no number. Computed on every read, so a move or an insertion renumbers without
 * touching the paragraphs' stable ids.
 */
export function numberParagraphs(
  paragraphs: readonly { id: string; kind: ParagraphKind }[],
): Map<string, string | null> {
  const numbers = new Map<string, string | null>();
  let operative = 0;
  let annex = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.kind === "operative") numbers.set(paragraph.id, `${++operative}.`);
    else if (paragraph.kind === "annex")
      numbers.set(paragraph.id, `Annex ${roman[annex++] ?? String(annex)}`);
    else numbers.set(paragraph.id, null);
  }
  return numbers;
}

export type Segment<Bracket> = { kind: "text"; text: string } | { kind: "bracket"; bracket: Bracket };

/** A body cut into plain runs and its open brackets, in order (brackets never overlap). */
export function segmentsOf<Bracket extends { start: number; end: number }>(
  body: string,
  brackets: readonly Bracket[],
): Segment<Bracket>[] {
  const segments: Segment<Bracket>[] = [];
  let cursor = 0;
  for (const bracket of [...brackets].sort((a, b) => a.start - b.start)) {
    if (bracket.start > cursor) segments.push({ kind: "text", text: body.slice(cursor, bracket.start) });
    segments.push({ kind: "bracket", bracket });
    cursor = Math.max(cursor, bracket.end);
  }
  if (cursor < body.length || segments.length === 0)
    segments.push({ kind: "text", text: body.slice(cursor) });
  return segments;
}

/** Whether two spans share a character, or both are the same empty point. */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start && a.end === b.end;
  return a.start < b.end && b.start < a.end;
}

/** Replaces [start, end) of a body, answering the new body and how far later offsets move. */
export function splice(
  body: string,
  start: number,
  end: number,
  text: string,
): { body: string; shift: number } {
  return { body: body.slice(0, start) + text + body.slice(end), shift: text.length - (end - start) };
}

// ---- import ---------------------------------------------------------------------------------------

const preambularOpenings = [
  /^(?:[A-Z][a-z]+ing|Having|Bearing in mind|Mindful|Convinced|Deeply|Guided by|Taking (?:note|into account)|Aware|Conscious|Determined|Committed)\b/,
  /^(?:Подтверждая|Ссылаясь|Приветствуя|Отмечая|Выражая|Подчеркивая|Подчёркивая|Признавая|Принимая во внимание|Будучи|Руководствуясь|Учитывая|Вновь подтверждая)/,
  /^(?:إذ|وإذ)\s|^(?:مؤكدين|مشيرين|مرحبين|معربين|تأكيدا|وتأكيدا)(?:\s|$)/u,
];
// Western, Arabic-Indic and Persian digits: Arabic statements number "١." or "۱-".
const numbered = /^\s*(?:\(?[0-9٠-٩۰-۹]{1,3}[.)-]|[IVX]{1,5}\.)\s+/u;
const annexTitle = /^(?:annex|appendix|приложение|ملحق)\b/iu;

/**
 * Reads a pasted statement as a person would: one paragraph per line (a line starting in lower case
 * continues the one before); numbered lines ("1.", "2)") are operative, with the number dropped, since
 * numbering is the text's own; lines opening with a participle ("Reaffirming…", "Recalling…",
 * "Welcoming…", and their Russian and Arabic forms) are preambular; a line ending in a colon or
 * without final punctuation before the first operative paragraph is a heading (the chapeau); "Annex…"
 * starts the annex; any other line is operative (imperative or past-tense verbs: "Decided…").
 */
export function splitPlainText(text: string): { kind: ParagraphKind; body: string }[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const merged: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line === "") {
      merged.push("");
      continue;
    }
    const previous = merged.at(-1);
    if (previous && /^[a-zа-яё]/.test(line) && !/[.:;]$/.test(previous))
      merged[merged.length - 1] = `${previous} ${line}`;
    else merged.push(line);
  }
  const paragraphs: { kind: ParagraphKind; body: string }[] = [];
  let inAnnex = false;
  let seenOperative = false;
  for (const line of merged) {
    if (line === "") continue;
    if (annexTitle.test(line)) {
      inAnnex = true;
      paragraphs.push({ kind: "annex", body: line });
      continue;
    }
    if (inAnnex) {
      paragraphs.push({ kind: "annex", body: line.replace(numbered, "") });
      continue;
    }
    if (numbered.test(line)) {
      seenOperative = true;
      paragraphs.push({ kind: "operative", body: line.replace(numbered, "") });
    } else if (preambularOpenings.some((pattern) => pattern.test(line))) {
      paragraphs.push({ kind: "preambular", body: line });
    } else if (!seenOperative && (/:$/.test(line) || !/[.;,!?»"”)،؛]$/.test(line))) {
      paragraphs.push({ kind: "heading", body: line });
    } else {
      seenOperative = true;
      paragraphs.push({ kind: "operative", body: line });
    }
  }
  return paragraphs;
}

// ---- export ---------------------------------------------------------------------------------------

/** A bracket's options as diplomats write them in plain text: `[Alt 1: … (Russia)] [Alt 2: delete (Iran)]`. */
export function renderBracket(
  options: readonly { text: string; isDelete: boolean; proposedBy: string[]; withdrawn: boolean }[],
  names: (participantId: string) => string,
): string {
  return options
    .filter((option) => !option.withdrawn)
    .map((option, index) => {
      const by = option.proposedBy.length > 0 ? ` (${option.proposedBy.map(names).join(", ")})` : "";
      return `[Alt ${index + 1}: ${option.isDelete ? "delete" : option.text}${by}]`;
    })
    .join(" ");
}

/** The whole text in plain text: title, then each paragraph numbered, brackets written out. */
export function renderPlainText(
  title: string,
  paragraphs: readonly ParagraphSnapshot[],
  names: (participantId: string) => string,
): string {
  const visible = paragraphs.filter((paragraph) => !paragraph.removed);
  const numbers = numberParagraphs(visible);
  const lines = [title, ""];
  for (const paragraph of visible) {
    const body = segmentsOf<BracketSnapshot>(paragraph.body, paragraph.brackets)
      .map((segment) =>
        segment.kind === "text" ? segment.text : renderBracket(segment.bracket.options, names),
      )
      .join("");
    const number = numbers.get(paragraph.id);
    lines.push(number && paragraph.kind === "operative" ? `${number} ${body}` : body, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
