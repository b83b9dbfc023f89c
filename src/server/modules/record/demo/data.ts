import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { projectPath } from "../../../paths.ts";

/**
 * The shape of `src/data/astana-record.json` as the importer reads it (see the data's README). Parsed
 * with zod so a change in the data fails loudly at load time instead of importing half a record.
 */

const Refs = z.array(z.int().nonnegative());
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const IsoDayOrMonth = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

export const DemoSource = z.object({
  ref: z.int(),
  url: z.string().min(1),
  title: z.string().nullable(),
  published_as_shown: z.string().nullable(),
  published: IsoDay.nullable(),
  language: z.string().nullable(),
});
export type DemoSource = z.infer<typeof DemoSource>;

export const DemoFact = z.object({ text: z.string(), source_refs: Refs, uncertain: z.boolean().optional() });
export type DemoFact = z.infer<typeof DemoFact>;

export const DemoConflict = z.object({
  text: z.string(),
  source_refs: Refs,
  uncertain: z.boolean().optional(),
  kind: z.enum(["disagreement", "plan_changed", "naming_variant", "single_source", "ambiguity"]),
  field: z.string(),
  values: z.array(z.object({ value: z.string(), source_refs: Refs })).optional(),
  note: z.string().optional(),
});
export type DemoConflict = z.infer<typeof DemoConflict>;

const common = {
  id: z.string(),
  sources: z.array(DemoSource),
  conflicts_and_uncertainties: z.array(DemoConflict).optional(),
};

const ParticipantsEntry = z.object({ text: z.string(), source_refs: Refs }).nullable();

export const DemoRound = z.object({
  ...common,
  record_type: z.literal("round"),
  number: z.int().positive(),
  name: z.string(),
  start_date: IsoDay.nullable(),
  end_date: IsoDay.nullable(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  host: z.string().nullable(),
  dates_source_refs: Refs,
  city_source_refs: Refs,
  venue_source_refs: Refs,
  host_source_refs: Refs,
  participants: z.object({
    guarantors: ParticipantsEntry.optional(),
    parties: ParticipantsEntry.optional(),
    observers: ParticipantsEntry.optional(),
    international_organizations: ParticipantsEntry.optional(),
  }),
  heads_of_delegations: z.array(
    z.object({
      delegation: z.string(),
      name: z.string(),
      title_as_reported: z.string().nullable(),
      source_refs: Refs,
      uncertain: z.boolean().optional(),
    }),
  ),
  key_outcomes: z.array(DemoFact),
  next_round_decision: z.object({ text: z.string(), source_refs: Refs }).nullable(),
  completeness: z.record(z.string(), z.unknown()),
});
export type DemoRound = z.infer<typeof DemoRound>;

export const DemoMeeting = z.object({
  ...common,
  record_type: z.enum(["ministerial", "summit", "congress", "technical_meeting"]),
  name: z.string(),
  start_date: IsoDay.nullable(),
  end_date: IsoDay.nullable(),
  city: z.string().nullable(),
  host: z.string().nullable().optional(),
  level: z.string().optional(),
  date_note: z.string().optional(),
  dates_source_refs: Refs.optional(),
  city_source_refs: Refs.optional(),
  host_source_refs: Refs.optional(),
  facts: z.array(DemoFact),
});
export type DemoMeeting = z.infer<typeof DemoMeeting>;

export const DemoMilestone = z.object({
  ...common,
  record_type: z.literal("milestone"),
  date: IsoDay,
  facts: z.array(DemoFact),
});
export type DemoMilestone = z.infer<typeof DemoMilestone>;

export const DemoUsStatus = z.object({
  ...common,
  record_type: z.literal("us_observer_status"),
  date: IsoDayOrMonth,
  date_note: z.string().optional(),
  date_source_refs: Refs.optional(),
  round: z.int().nullable(),
  status: z.string(),
  facts: z.array(DemoFact),
});
export type DemoUsStatus = z.infer<typeof DemoUsStatus>;

export const DemoMemorandum = z.object({
  ...common,
  record_type: z.literal("memorandum"),
  name: z.string(),
  date: IsoDay,
  date_source_refs: Refs,
  signatories: z.array(z.string()),
  signed_at: z.string(),
  zones: z.array(z.string()),
  facts: z.array(DemoFact),
});
export type DemoMemorandum = z.infer<typeof DemoMemorandum>;

export const DemoZone = z.object({
  ...common,
  record_type: z.literal("de_escalation_zone"),
  name: z.string(),
  area: z.string(),
  area_source_refs: Refs,
  established: IsoDay,
  established_source_refs: Refs,
  history: z.array(DemoFact),
});
export type DemoZone = z.infer<typeof DemoZone>;

export const DemoWorkingGroup = z.object({
  ...common,
  record_type: z.literal("working_group"),
  name: z.string(),
  established: IsoDay,
  members: z.array(z.string()),
  ad_hoc: z.array(z.string()),
  facts: z.array(DemoFact),
});
export type DemoWorkingGroup = z.infer<typeof DemoWorkingGroup>;

export const DemoExchange = z.object({
  ...common,
  record_type: z.literal("detainee_exchange"),
  sequence: z.int(),
  working_group_project: z.string(),
  date: IsoDay.nullable(),
  date_note: z.string().optional(),
  place: z.string().nullable(),
  released_by_government_side: z.int().nullable(),
  released_by_opposition_side: z.int().nullable(),
  counts_note: z.string().optional(),
  facts: z.array(DemoFact),
});
export type DemoExchange = z.infer<typeof DemoExchange>;

export const DemoNaming = z.object({ ...common, record_type: z.literal("naming"), facts: z.array(DemoFact) });
export const DemoAliases = z.object({
  ...common,
  record_type: z.literal("aliases"),
  facts: z.array(DemoFact),
  entries: z.array(
    z.object({
      kind: z.string(),
      canonical: z.string(),
      variants: z.array(z.object({ name: z.string(), seen_in: z.array(z.string()) })),
    }),
  ),
});

export const DemoRecordEntry = z.discriminatedUnion("record_type", [
  DemoRound,
  DemoMeeting,
  DemoMilestone,
  DemoUsStatus,
  DemoMemorandum,
  DemoZone,
  DemoWorkingGroup,
  DemoExchange,
  DemoNaming,
  DemoAliases,
]);
export type DemoRecordEntry = z.infer<typeof DemoRecordEntry>;

/** Where the embedded demonstration record lives, inside the project (it must work without ../shared). */
export const demoRecordFile = pathToFileURL(projectPath("src", "data", "astana-record.json"));

/** Reads and validates the demonstration record; throws naming the first entry that does not fit. */
export function readDemoRecord(file: URL = demoRecordFile): DemoRecordEntry[] {
  return z.array(DemoRecordEntry).parse(JSON.parse(readFileSync(file, "utf8")));
}
