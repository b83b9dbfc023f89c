// What every export format writes, loaded through the texts' own reads (so an export never shows what
// the page does not, and a hidden draft answers 404 as the page does): the compilation with its
// brackets and attributions, the clean text, one paragraph's options, the adopted (frozen) text.
import { and, desc, eq } from "drizzle-orm";
import type { ParagraphKind, ParagraphState, Stance } from "../../../../contracts/texts.ts";
import type { ExportView } from "../../../../contracts/texts-io.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict, NotFound } from "../../../platform/errors.ts";
import { numberParagraphs, segmentsOf } from "../model.ts";
import { canSeeDraft } from "../policies.ts";
import type { BracketWithProposals, PositionRow } from "../presenters.ts";
import { bracketsOf, findDocument, liveParagraphs, namesFor } from "../reads/load.ts";
import { loadClean } from "../reads/views.ts";
import { textVersions } from "../schema.ts";

/** One option of a bracket as written: its letter, wording (or deletion) and who proposed it. */
export type ExportOption = {
  label: string;
  text: string;
  isDelete: boolean;
  proposedBy: string[];
  positions: { participant: string; stance: Stance }[];
};
export type ExportPiece = { kind: "text"; text: string } | { kind: "bracket"; options: ExportOption[] };
export type ExportParagraph = {
  eId: string;
  /** `detail`: a line of a paragraph's options sheet, not a paragraph of the text. */
  kind: ParagraphKind | "detail";
  number: string | null;
  state: ParagraphState | null;
  pieces: ExportPiece[];
};
export type ExportText = {
  documentId: string;
  title: string;
  /** What the file holds: "Compilation text, version 7 (draft)". */
  subtitle: string;
  language: "en" | "ru" | "ar";
  /** The file name without extension. */
  name: string;
  paragraphs: ExportParagraph[];
};

const stanceWords: Record<Stance, string> = {
  supports: "supports",
  objects: "objects",
  reserves: "reserves",
  can_accept: "can accept",
};

/** "Alt B: proposed by Iran; Russia supports, Türkiye objects." — a footnote or an inline attribution. */
export function attribution(option: ExportOption): string {
  const by =
    option.proposedBy.length > 0 ? `proposed by ${option.proposedBy.join(", ")}` : "the draft's wording";
  const positions = option.positions.map((p) => `${p.participant} ${stanceWords[p.stance]}`).join(", ");
  return `Alt ${option.label}: ${by}${positions ? `; ${positions}` : ""}.`;
}

type CompiledParagraph = ExportParagraph & { id: string };

/**
 * The compilation's paragraphs for a file, from the same tier-filtered loaders as the compilation view
 * (`findDocument`, `canSeeDraft`: the public gets a published text's wording and no bracket), the
 * options lettered as the view letters them (A for the standing words), withdrawn ones left out.
 * Built here rather than from the whole compilation view, which also loads proposals and approvals a
 * file does not show; positions are grouped by option once.
 */
async function loadCompiled(db: Db, actor: Actor, id: string) {
  const document = await findDocument(db, actor, id);
  const insider = canSeeDraft(actor, document);
  const paragraphs = await liveParagraphs(db, document.id);
  const { brackets, positions } = insider
    ? await bracketsOf(db, document.id)
    : { brackets: new Map<string, BracketWithProposals[]>(), positions: [] };
  const byOption = new Map<string, PositionRow[]>();
  for (const position of positions)
    byOption.set(position.optionId, [...(byOption.get(position.optionId) ?? []), position]);
  const names = await namesFor(db, [
    ...[...brackets.values()].flat().flatMap((b) => b.options.flatMap((o) => o.proposedBy)),
    ...positions.map((p) => p.participantId),
  ]);
  const numbers = numberParagraphs(paragraphs);
  const compiled: CompiledParagraph[] = paragraphs.map((paragraph) => ({
    id: paragraph.id,
    eId: paragraph.eId,
    kind: paragraph.kind,
    number: numbers.get(paragraph.id) ?? null,
    state: paragraph.state,
    pieces: segmentsOf(paragraph.body, brackets.get(paragraph.id) ?? []).map(
      (segment): ExportPiece =>
        segment.kind === "text"
          ? segment
          : {
              kind: "bracket",
              options: segment.bracket.options.flatMap((option, index) =>
                option.withdrawn
                  ? []
                  : [
                      {
                        label: String.fromCharCode(65 + (index % 26)),
                        text: option.text,
                        isDelete: option.isDelete,
                        proposedBy: option.proposedBy.map((p) => names(p).name),
                        positions: (byOption.get(option.id) ?? []).map((p) => ({
                          participant: names(p.participantId).name,
                          stance: p.stance,
                        })),
                      },
                    ],
              ),
            },
    ),
  }));
  return { document, insider, paragraphs: compiled };
}

const statusWords = { draft: "draft", adopted: "adopted", published: "published" } as const;

/**
 * The compilation (every open bracket with its options and attributions; the public, for a published
 * text, gets the adopted wording only) or the clean text (agreed and ad referendum paragraphs).
 */
export async function loadExportText(
  db: Db,
  actor: Actor,
  id: string,
  view: ExportView,
): Promise<ExportText> {
  if (view === "clean") {
    const clean = await loadClean(db, actor, id);
    return {
      documentId: clean.document.id,
      title: clean.document.title,
      subtitle: `Clean text (agreed paragraphs), version ${clean.document.version} (${statusWords[clean.document.status]})`,
      language: clean.document.language as ExportText["language"],
      name: `${clean.document.title}-clean-v${clean.document.version}`,
      paragraphs: clean.paragraphs.map((p) => ({
        eId: p.eId,
        kind: p.kind,
        number: p.number,
        state: p.state,
        pieces: [{ kind: "text", text: p.body }],
      })),
    };
  }
  const { document, paragraphs } = await loadCompiled(db, actor, id);
  return {
    documentId: document.id,
    title: document.title,
    subtitle: `Compilation text, version ${document.textVersion} (${statusWords[document.status]})`,
    language: document.language as ExportText["language"],
    name: `${document.title}-v${document.textVersion}`,
    paragraphs: paragraphs.map(({ id: _id, ...paragraph }) => paragraph),
  };
}

/**
 * One paragraph's options sheet: the paragraph as it stands with its brackets, then each bracket's
 * options one per line with who proposed them and every position taken. Only the draft's readers see
 * options, so anyone else finds no paragraph (404), as on the page.
 */
export async function loadParagraphOptions(
  db: Db,
  actor: Actor,
  id: string,
  paragraphId: string,
): Promise<ExportText> {
  const { document, insider, paragraphs } = await loadCompiled(db, actor, id);
  const paragraph = paragraphs.find((p) => p.id === paragraphId);
  if (!paragraph || !insider) throw new NotFound("Paragraph", paragraphId);
  const pieces = paragraph.pieces;
  const label = paragraph.number ?? (paragraph.kind === "preambular" ? "Preambular paragraph" : "Paragraph");
  const details: ExportParagraph[] = [];
  pieces.forEach((piece, index) => {
    if (piece.kind !== "bracket") return;
    for (const option of piece.options)
      details.push({
        eId: `${paragraph.eId}__bracket_${index}__${option.label}`,
        kind: "detail",
        number: `${option.label}.`,
        state: null,
        pieces: [
          { kind: "text", text: option.isDelete ? "(delete)" : option.text },
          { kind: "text", text: ` — ${attribution(option)}` },
        ],
      });
  });
  return {
    documentId: document.id,
    title: document.title,
    subtitle: `${label}: ${details.length} option(s), version ${document.textVersion}`,
    language: document.language as ExportText["language"],
    name: `${document.title}-${paragraph.number ?? paragraph.eId}-options`,
    paragraphs: [
      { eId: paragraph.eId, kind: paragraph.kind, number: paragraph.number, state: paragraph.state, pieces },
      ...details,
    ],
  };
}

export type AdoptedText = {
  documentId: string;
  kind: string;
  title: string;
  language: "en" | "ru" | "ar";
  version: number;
  adoptedAt: Date;
  publishedOn: string | null;
  adoptedBy: { id: string; name: string }[];
  paragraphs: { eId: string; kind: ParagraphKind; number: string | null; body: string }[];
};

/**
 * The adopted text as frozen at adoption (`text_document_versions`), for whoever may read the
 * document; a text not adopted yet has no adopted version: 409.
 */
export async function loadAdoptedText(db: Db, actor: Actor, id: string): Promise<AdoptedText> {
  const document = await findDocument(db, actor, id);
  const [frozen] = await db
    .select()
    .from(textVersions)
    .where(and(eq(textVersions.documentId, document.id), eq(textVersions.kind, "adopted")))
    .orderBy(desc(textVersions.number))
    .limit(1);
  if (!frozen || !document.adoptedAt)
    throw new Conflict(
      "This text has not been adopted yet: Akoma Ntoso is exported from the adopted text.",
      null,
      "not_adopted",
    );
  const names = await namesFor(db, frozen.adoptedBy ?? []);
  const paragraphs = frozen.snapshot.paragraphs
    .filter((p) => !p.removed)
    .sort((a, b) => a.orderKey - b.orderKey);
  const numbers = numberParagraphs(paragraphs);
  return {
    documentId: document.id,
    kind: document.kind,
    title: frozen.snapshot.title,
    language: document.language as AdoptedText["language"],
    version: frozen.number,
    adoptedAt: document.adoptedAt,
    publishedOn: document.publishedOn,
    adoptedBy: (frozen.adoptedBy ?? []).map(names).sort((a, b) => a.name.localeCompare(b.name, "en")),
    paragraphs: paragraphs.map((p) => ({
      eId: p.eId,
      kind: p.kind,
      number: numbers.get(p.id) ?? null,
      body: p.body,
    })),
  };
}
