// The contracts of negotiated texts (the texts module): documents, paragraphs, proposals, brackets,
// positions, approvals; shared by server, web and CLI.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import { tiers } from "./enums.ts";

export const documentKinds = ["joint_statement", "memorandum", "communique", "regulations"] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentStatuses = ["draft", "adopted", "published"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
/** The roles a consensus rule may name: every participant holding one of them must approve. */
export const ruleRoles = ["guarantor", "party", "host"] as const;
export type RuleRole = (typeof ruleRoles)[number];
export const paragraphKinds = ["preambular", "operative", "heading", "annex"] as const;
export type ParagraphKind = (typeof paragraphKinds)[number];
/** A paragraph is being drafted, has a bracket, is agreed pending capitals (ad referendum), or agreed. */
export const paragraphStates = ["draft", "bracketed", "ad_referendum", "agreed"] as const;
export type ParagraphState = (typeof paragraphStates)[number];
export const proposalKinds = ["insert", "delete", "replace", "alternative", "amend"] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalStates = [
  "open",
  "accepted",
  "bracketed",
  "withdrawn",
  "rejected",
  "deferred_capitals",
  "deferred_next_round",
] as const;
export type ProposalState = (typeof proposalStates)[number];
/** What the pen-holder does with a proposal. */
export const proposalDecisions = [
  "accept",
  "bracket",
  "reject",
  "defer_capitals",
  "defer_next_round",
] as const;
export type ProposalDecision = (typeof proposalDecisions)[number];
export const stances = ["supports", "objects", "reserves", "can_accept"] as const;
export type Stance = (typeof stances)[number];

/** A bracket as it stood in a snapshot or an event: its span and its options. */
export type BracketSnapshot = {
  id: string;
  start: number;
  end: number;
  options: { id: string; text: string; isDelete: boolean; proposedBy: string[]; withdrawn: boolean }[];
};
/** A paragraph as it stood after a change: what the history and "the text at a moment" are built from. */
export type ParagraphSnapshot = {
  id: string;
  eId: string;
  kind: ParagraphKind;
  orderKey: number;
  body: string;
  state: ParagraphState;
  removed: boolean;
  brackets: BracketSnapshot[];
};
/** The whole text at a version (a frozen adopted version, later ones for redlines). */
export type TextSnapshot = { title: string; version: number; paragraphs: ParagraphSnapshot[] };

export const DocumentKind = z.enum(documentKinds);
export const DocumentStatus = z.enum(documentStatuses);
export const RuleRole = z.enum(ruleRoles);
export const ParagraphKind = z.enum(paragraphKinds);
export const ParagraphState = z.enum(paragraphStates);
export const ProposalKind = z.enum(proposalKinds);
export const ProposalState = z.enum(proposalStates);
export const ProposalDecision = z.enum(proposalDecisions);
export const Stance = z.enum(stances);
export const Tier = z.enum(tiers);

/** The text version the change was based on: a change against an older one is refused (409 stale_version). */
export const BaseVersion = z.int().min(1).max(1_000_000_000);
/** One paragraph's wording; mixed scripts and directions are kept as typed. */
export const ParagraphBody = PlainText(20_000);
/** A whole statement pasted for import: at most 500,000 characters (a 5 MB paste is refused with a message). */
export const PlainTextImport = z
  .string()
  .max(500_000, "At most 500,000 characters: split the text and import it in parts.")
  .refine((value) => value.isWellFormed(), "Contains an invalid character (a lone surrogate).")
  .refine((value) => !value.includes("\u0000"), "Contains a NUL character.");
/** Acting for one of the caller's delegations (by participant); the operator (CLI) names any. */
const AsParticipant = { asParticipantId: RecordRef.optional() };
const Offset = z.int().min(0).max(20_000);

export const CreateDocumentInput = z.strictObject({
  kind: DocumentKind,
  title: PlainText(500),
  language: z.enum(["en", "ru", "ar"]).default("en"),
  tier: Tier.optional(),
  rule: z.array(RuleRole).min(1).max(3).optional(),
  facilitatorParticipantIds: z.array(RecordRef).max(10).optional(),
  plainText: PlainTextImport.optional(),
});
export const AddParagraphInput = z.strictObject({
  baseVersion: BaseVersion,
  kind: ParagraphKind,
  body: ParagraphBody,
  afterParagraphId: RecordRef.nullable().optional(),
});
export const EditParagraphInput = z.strictObject({
  baseVersion: BaseVersion,
  kind: ParagraphKind.optional(),
  body: ParagraphBody.optional(),
});
export const MoveParagraphInput = z.strictObject({
  baseVersion: BaseVersion,
  afterParagraphId: RecordRef.nullable(),
});
export const VersionOnlyInput = z.strictObject({ baseVersion: BaseVersion });
export const SetParagraphStateInput = z.strictObject({
  baseVersion: BaseVersion,
  state: z.enum(["draft", "ad_referendum", "agreed"]),
});
export const SubmitProposalInput = z.strictObject({
  baseVersion: BaseVersion,
  kind: z.enum(["insert", "delete", "replace", "alternative"]),
  paragraphId: RecordRef.optional(),
  afterParagraphId: RecordRef.nullable().optional(),
  paragraphKind: ParagraphKind.optional(),
  start: Offset.optional(),
  end: Offset.optional(),
  bracketId: RecordRef.optional(),
  text: ParagraphBody.optional(),
  deleteSpan: z.boolean().optional(),
  rationale: PlainText(4_000).optional(),
  ...AsParticipant,
});
export const AmendProposalInput = z.strictObject({
  baseVersion: BaseVersion,
  text: ParagraphBody,
  rationale: PlainText(4_000).optional(),
  ...AsParticipant,
});
export const WithdrawProposalInput = z.strictObject({ baseVersion: BaseVersion, ...AsParticipant });
export const DecideProposalInput = z.strictObject({
  baseVersion: BaseVersion,
  decision: ProposalDecision,
  note: PlainText(2_000).optional(),
});
export const TakePositionInput = z.strictObject({
  baseVersion: BaseVersion,
  optionId: RecordRef,
  stance: Stance,
  ...AsParticipant,
});
export const ApproveInput = z.strictObject({ baseVersion: BaseVersion, ...AsParticipant });
export const PublishInput = z.strictObject({
  baseVersion: BaseVersion,
  publishedOn: z.iso.date({ message: "Use a date written YYYY-MM-DD." }).optional(),
});

// ---- answers --------------------------------------------------------------------------------------

export const TextParticipant = z.object({ id: z.string(), name: z.string() });
export const Position = z.object({ participant: TextParticipant, stance: Stance });
export const BracketOption = z.object({
  id: z.string(),
  label: z.string(),
  text: z.string(),
  isDelete: z.boolean(),
  proposedBy: z.array(TextParticipant),
  proposalId: z.string().nullable(),
  withdrawn: z.boolean(),
  positions: z.array(Position),
});
export const TextSegment = z.union([
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("bracket"), bracketId: z.string(), options: z.array(BracketOption) }),
]);
export const ParagraphView = z.object({
  id: z.string(),
  eId: z.string(),
  kind: ParagraphKind,
  number: z.string().nullable(),
  state: ParagraphState,
  body: z.string(),
  segments: z.array(TextSegment),
  revisedInVersion: z.int(),
});
export type ParagraphView = z.infer<typeof ParagraphView>;
export const ProposalView = z.object({
  id: z.string(),
  kind: ProposalKind,
  state: ProposalState,
  author: TextParticipant,
  rationale: z.string().nullable(),
  baseVersion: z.int(),
  paragraphId: z.string().nullable(),
  afterParagraphId: z.string().nullable(),
  paragraphKind: ParagraphKind.nullable(),
  start: z.int().nullable(),
  end: z.int().nullable(),
  spanText: z.string().nullable(),
  text: z.string().nullable(),
  bracketId: z.string().nullable(),
  amendsProposalId: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ProposalView = z.infer<typeof ProposalView>;
export const RuleMember = z.object({
  participant: TextParticipant,
  approvedVersion: z.int().nullable(),
  approved: z.boolean(),
});
export const DocumentSummary = z.object({
  id: z.string(),
  processId: z.string(),
  roundId: z.string(),
  kind: DocumentKind,
  title: z.string(),
  language: z.string(),
  status: DocumentStatus,
  tier: Tier,
  version: z.int(),
  publishedOn: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  adoptedBy: z.array(TextParticipant),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentCan = z.object({
  edit: z.boolean(),
  propose: z.boolean(),
  decide: z.boolean(),
  takePosition: z.boolean(),
  approve: z.boolean(),
  adopt: z.boolean(),
  publish: z.boolean(),
});
export const DocumentList = z.object({
  items: z.array(DocumentSummary),
  can: z.object({ create: z.boolean() }),
});
export const CompilationView = z.object({
  document: DocumentSummary,
  rule: z.array(RuleMember),
  facilitators: z.array(TextParticipant),
  paragraphs: z.array(ParagraphView),
  proposals: z.array(ProposalView),
  openBrackets: z.int(),
  /** Why adoption is not possible yet, in words (empty when it is). */
  adoptionBlockers: z.array(z.string()),
  actingAs: z.array(TextParticipant),
  can: DocumentCan,
});
export type CompilationView = z.infer<typeof CompilationView>;
export const CleanView = z.object({
  document: DocumentSummary,
  paragraphs: z.array(
    z.object({
      id: z.string(),
      eId: z.string(),
      kind: ParagraphKind,
      number: z.string().nullable(),
      body: z.string(),
      state: ParagraphState,
    }),
  ),
});
export const OwnView = z.object({
  document: DocumentSummary,
  actingAs: z.array(TextParticipant),
  proposals: z.array(ProposalView),
  pendingPositions: z.array(
    z.object({ bracketId: z.string(), paragraphId: z.string(), number: z.string().nullable() }),
  ),
  approvalPending: z.boolean(),
});
export const ParagraphHistory = z.object({
  paragraph: z.object({ id: z.string(), eId: z.string() }),
  events: z.array(
    z.object({
      at: z.string(),
      version: z.int(),
      type: z.string(),
      participant: TextParticipant.nullable(),
      proposalId: z.string().nullable(),
      body: z.string().nullable(),
      state: ParagraphState.nullable(),
      removed: z.boolean(),
    }),
  ),
  proposals: z.array(ProposalView),
});
/** A moment of the negotiation (ISO date and time); now when left out. */
export const AsOfQuery = z.object({
  at: z.iso.datetime({ offset: true, message: "Use an ISO date and time." }).optional(),
});
export const AsOfView = z.object({
  documentId: z.string(),
  at: z.string(),
  version: z.int(),
  paragraphs: z.array(
    z.object({
      id: z.string(),
      eId: z.string(),
      kind: ParagraphKind,
      orderKey: z.number(),
      body: z.string(),
      state: ParagraphState,
      removed: z.boolean(),
      brackets: z.array(
        z.object({
          id: z.string(),
          start: z.int(),
          end: z.int(),
          options: z.array(
            z.object({
              id: z.string(),
              text: z.string(),
              isDelete: z.boolean(),
              proposedBy: z.array(z.string()),
              withdrawn: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
  text: z.string(),
});
export const ChangeResult = z.object({ id: z.string(), version: z.int() });
export const CreatedDocument = z.object({ id: z.string(), version: z.int(), paragraphs: z.int() });
