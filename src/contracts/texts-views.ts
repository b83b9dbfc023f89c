// The contracts of the negotiated texts' views beyond the compilation: the redline between two versions,
// the four-column (trilogue) layout with compromises and comments, and parallel languages.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import { TextLanguage } from "./languages.ts";
import {
  BaseVersion,
  ParagraphBody,
  ParagraphKind,
  ParagraphState,
  ProposalView,
  TextParticipant,
  TextSegment,
} from "./texts.ts";

// ---- redline --------------------------------------------------------------------------------------

/**
 * One end of a comparison: a version number (`7`), `current`, `adopted` (the frozen adopted text), or an
 * ISO date and time (the text as it stood at that moment).
 */
export const TextPoint = z
  .string()
  .trim()
  .max(40)
  .refine(
    (value) =>
      /^\d{1,9}$/.test(value) ||
      value === "current" ||
      value === "adopted" ||
      z.iso.datetime({ offset: true }).safeParse(value).success,
    "Use a version number, “current”, “adopted”, or an ISO date and time.",
  );
export const RedlineQuery = z.strictObject({
  from: TextPoint.default("1"),
  to: TextPoint.default("current"),
});

/** A run of words: the same in both, inserted by the later text, or deleted from the earlier one. */
export const RedlinePart = z.object({ kind: z.enum(["equal", "insert", "delete"]), text: z.string() });
export type RedlinePart = z.infer<typeof RedlinePart>;
export const RedlineChange = z.enum(["added", "removed", "changed", "unchanged"]);
export const RedlineParagraph = z.object({
  eId: z.string(),
  kind: ParagraphKind,
  change: RedlineChange,
  /** Its place among the paragraphs of both texts changed. */
  moved: z.boolean(),
  numberBefore: z.string().nullable(),
  numberAfter: z.string().nullable(),
  parts: z.array(RedlinePart),
});
export type RedlineParagraph = z.infer<typeof RedlineParagraph>;
export const RedlineEnd = z.object({ point: z.string(), version: z.int(), at: z.string().nullable() });
export const RedlineView = z.object({
  documentId: z.string(),
  language: z.string(),
  from: RedlineEnd,
  to: RedlineEnd,
  paragraphs: z.array(RedlineParagraph),
  summary: z.object({
    added: z.int(),
    removed: z.int(),
    changed: z.int(),
    moved: z.int(),
    unchanged: z.int(),
  }),
  /** The versions one may compare: each change's version and when it was made. */
  versions: z.array(z.object({ version: z.int(), at: z.string(), frozen: z.boolean() })),
});
export type RedlineView = z.infer<typeof RedlineView>;

// ---- four columns ---------------------------------------------------------------------------------

export const SetCompromiseInput = z.strictObject({
  baseVersion: BaseVersion,
  body: ParagraphBody,
  note: PlainText(2_000).optional(),
});
export const AddCommentInput = z.strictObject({
  body: PlainText(4_000),
  asParticipantId: RecordRef.optional(),
});

export const CommentView = z.object({
  id: z.string(),
  author: TextParticipant,
  person: z.string(),
  body: z.string(),
  onVersion: z.int(),
  createdAt: z.string(),
});
export const CompromiseView = z.object({
  id: z.string(),
  body: z.string(),
  note: z.string().nullable(),
  author: TextParticipant.nullable(),
  onVersion: z.int(),
  createdAt: z.string(),
});
export const FourColumnRow = z.object({
  paragraph: z.object({
    id: z.string(),
    eId: z.string(),
    kind: ParagraphKind,
    number: z.string().nullable(),
    state: ParagraphState,
    body: z.string(),
    segments: z.array(TextSegment),
  }),
  proposals: z.array(ProposalView),
  /** The pen-holder's column: the compromise wording written last (earlier ones below it) and the brackets made. */
  compromise: CompromiseView.nullable(),
  earlierCompromises: z.array(CompromiseView),
  comments: z.array(CommentView),
});
export const FourColumnView = z.object({
  documentId: z.string(),
  version: z.int(),
  rows: z.array(FourColumnRow),
  /** Proposals tied to no paragraph still in the text (an insertion at the very start, one on a removed paragraph). */
  otherProposals: z.array(ProposalView),
  can: z.object({ comment: z.boolean(), compromise: z.boolean() }),
});
export type FourColumnView = z.infer<typeof FourColumnView>;

// ---- parallel languages -----------------------------------------------------------------------------

export const SetTranslationInput = z.strictObject({
  language: TextLanguage,
  body: ParagraphBody,
  /** The authoritative paragraph's `revisedInVersion` the translation was made from: a later one is refused (409). */
  sourceVersion: BaseVersion,
});
export const TranslationsQuery = z.strictObject({ language: TextLanguage.optional() });
export const TranslationRow = z.object({
  paragraph: z.object({
    id: z.string(),
    eId: z.string(),
    kind: ParagraphKind,
    number: z.string().nullable(),
    body: z.string(),
    revisedInVersion: z.int(),
  }),
  translation: z
    .object({
      body: z.string(),
      sourceVersion: z.int(),
      /** The authoritative paragraph changed after this translation was made. */
      stale: z.boolean(),
      sourceBody: z.string(),
      translatedBy: TextParticipant.nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export const TranslationsView = z.object({
  documentId: z.string(),
  authoritative: z.string(),
  language: z.string(),
  /** The languages a translation may be made into (every platform language but the authoritative one). */
  languages: z.array(z.string()),
  rows: z.array(TranslationRow),
  stale: z.int(),
  missing: z.int(),
  can: z.object({ translate: z.boolean() }),
});
export type TranslationsView = z.infer<typeof TranslationsView>;

// ---- presence -------------------------------------------------------------------------------------

/** Who views a draft now, as the `presence` live message lists them: the person and their delegation. */
export const Viewer = z.object({ person: z.string(), delegation: z.string() });
export type Viewer = z.infer<typeof Viewer>;
