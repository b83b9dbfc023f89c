import { z } from "zod";
import { PlainText, RecordRef, SearchText } from "./common.ts";
import { Disputed, DisputedField } from "./disputes.ts";
import { conflictKinds } from "./enums.ts";
import { localizedTexts } from "./languages.ts";

/**
 * What a fact, citation or conflict is about: a record of any module, named by type and id. The
 * types are contributed by the modules' manifests, so the contract takes a name and the record
 * checks it against its registry (an unknown type is a 400 naming the known ones).
 */
export const RecordSubjectType = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "A subject type: lower-case letters, digits and _, e.g. round.")
  .describe("a subject type given by a module: process, round, round_participation, fact, conflict, …");
export type RecordSubjectType = z.infer<typeof RecordSubjectType>;
export const ConflictKind = z.enum(conflictKinds);

const IsoDate = z.iso.date("A date as YYYY-MM-DD.");

export const Source = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    publisher: z.string().describe("the host name of the address, without www."),
    publishedAsShown: z.string().nullable().describe("the page's date exactly as shown"),
    published: z.string().nullable().describe("ISO date where the shown date is unambiguous"),
    language: z.string().nullable(),
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof Source>;

export const Fact = z.object({
  id: z.string(),
  kind: z.enum(["outcome", "fact"]),
  text: z.string(),
  localized: localizedTexts(["text"]),
  uncertain: z.boolean(),
  sources: z.array(Source),
  ...Disputed,
});

export const ConflictValue = z.object({ id: z.string(), value: z.string(), sources: z.array(Source) });

export const RecordConflict = z
  .object({
    id: z.string(),
    kind: ConflictKind,
    field: z.string().nullable().describe("the field as the record words it; readers see fieldKey's label"),
    fieldKey: DisputedField,
    fieldIndex: z.number().int().nullable().describe("which outcome or fact, from 0"),
    text: z.string(),
    note: z.string().nullable(),
    localized: localizedTexts(["text"], ["note"]),
    uncertain: z.boolean(),
    sources: z.array(Source).describe("the sources of the conflict as a whole"),
    values: z.array(ConflictValue).describe("each value with the sources that give it"),
  })
  .meta({ id: "RecordConflict" });
export type RecordConflict = z.infer<typeof RecordConflict>;

export const SubjectRef = z.object({
  subjectType: RecordSubjectType,
  subjectId: z.string(),
  label: z.string(),
  processId: z.string().nullable(),
});
export type SubjectRef = z.infer<typeof SubjectRef>;

const SubjectRecordBody = {
  facts: z.array(Fact),
  citations: z
    .record(z.string(), z.array(Source))
    .describe('sources by field ("dates", "city", "venue", "host", …); "subject" for the record as a whole'),
  conflicts: z.array(RecordConflict),
};

/** The sourced record of one subject: its facts, its sources by field, its conflicts, and those of its parts. */
export const SubjectRecord = z
  .object({
    subject: SubjectRef,
    ...SubjectRecordBody,
    related: z
      .array(z.object({ subject: SubjectRef, ...SubjectRecordBody }))
      .describe(
        "the record of its parts: a round's participations, heads and announcements; a process's decisions",
      ),
  })
  .meta({ id: "SubjectRecord" });
export type SubjectRecord = z.infer<typeof SubjectRecord>;

export const SubjectParams = z.object({
  subjectType: RecordSubjectType,
  subjectId: RecordRef,
});
export const ProcessParams = z.object({ id: RecordRef.describe("the process id or slug") });
/** A source named in the path by its id. */
export const SourceParams = z.object({ id: RecordRef });

export const TimelineQuery = z.object({
  minGapDays: z.coerce.number().int().min(1).max(3650).default(180),
});

export const TimelineItem = z.object({
  kind: z.enum(["round", "meeting", "milestone", "decision"]),
  subkind: z
    .string()
    .nullable()
    .describe("meeting kind (ministerial, summit…) or decision kind (launch, conclude…)"),
  id: z.string(),
  label: z.string(),
  number: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  precision: z.enum(["day", "month", "year"]),
  city: z.string().nullable(),
  localized: localizedTexts(["label"], ["city"]),
  status: z.string().nullable(),
  ...Disputed,
});

export const Timeline = z
  .object({
    processId: z.string(),
    items: z.array(TimelineItem).describe("dated items, in date order"),
    undated: z.array(TimelineItem).describe("items whose date is not known (gaps stay gaps)"),
    gaps: z.array(
      z.object({
        afterRoundId: z.string(),
        afterNumber: z.number().int(),
        beforeRoundId: z.string(),
        beforeNumber: z.number().int(),
        from: z.string(),
        to: z.string(),
        days: z.number().int(),
      }),
    ),
    periods: z.array(
      z.object({
        kind: z.enum(["active", "suspended", "concluded", "resumed"]),
        from: z.string(),
        to: z.string().nullable(),
        decisionId: z.string(),
      }),
    ),
  })
  .meta({ id: "Timeline" });
export type Timeline = z.infer<typeof Timeline>;

export const AttendanceMatrix = z
  .object({
    processId: z.string(),
    rounds: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        startDate: z.string().nullable(),
        city: z.string().nullable(),
        ...Disputed,
      }),
    ),
    participants: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        shortName: z.string().nullable(),
        kind: z.string(),
        role: z.string().nullable().describe("the participant's standing role in the process"),
      }),
    ),
    cells: z
      .array(
        z.object({
          participantId: z.string(),
          roundId: z.string(),
          participationId: z.string(),
          role: z.string(),
          attendance: z.enum(["attended", "absent", "declined", "boycotted", "unknown"]),
          note: z.string().nullable(),
          citedText: z.string().nullable(),
          sourceCount: z.number().int(),
          ...Disputed,
        }),
      )
      .describe(
        "one cell per participation: a participant may hold two roles in a round (Russia, guarantor and host)",
      ),
  })
  .meta({ id: "AttendanceMatrix" });
export type AttendanceMatrix = z.infer<typeof AttendanceMatrix>;

export const ConflictsQuery = z.object({ kind: ConflictKind.optional() });
export const ProcessConflicts = z.object({
  processId: z.string(),
  items: z.array(RecordConflict.extend({ subject: SubjectRef })),
});

export const SourcesQuery = z.object({
  q: SearchText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const SourceList = z.object({ total: z.number().int(), items: z.array(Source) });
export const SourceDetail = Source.extend({
  citedBy: z.array(SubjectRef.extend({ field: z.string() })),
});

/** A source named by its id, or given in full (reused if its address is already known). */
export const SourceInput = z
  .strictObject({
    id: RecordRef.optional(),
    url: z
      .url({ protocol: /^https?$/, message: "An http(s) address." })
      .max(2000)
      .optional(),
    title: PlainText(500).nullable().optional(),
    publishedAsShown: PlainText(100).nullable().optional(),
    published: IsoDate.nullable().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "A language code such as en, ru, ar.")
      .nullable()
      .optional(),
  })
  .refine((source) => (source.id === undefined) !== (source.url === undefined), {
    message: "Give either the id of a known source or the address (url) of a new one.",
    path: ["url"],
  });
export type SourceInput = z.infer<typeof SourceInput>;

const FieldName = z
  .string()
  .max(64)
  .regex(/^([A-Za-z][A-Za-z0-9_]*)?$/, "A field name such as dates, city, venue (letters, digits, _).");

export const CiteSourceInput = z.strictObject({
  subjectType: RecordSubjectType,
  subjectId: RecordRef,
  field: FieldName.default("").describe('the field the source supports; "" for the subject as a whole'),
  source: SourceInput,
});
export type CiteSourceInput = z.infer<typeof CiteSourceInput>;

export const CitationCreated = z.object({
  id: z.string(),
  subjectType: RecordSubjectType,
  subjectId: z.string(),
  field: z.string(),
  source: Source,
});

const valuesNeeded: Record<string, number> = { disagreement: 2, plan_changed: 2, naming_variant: 2 };

export const RecordConflictInput = z
  .strictObject({
    subjectType: RecordSubjectType,
    subjectId: RecordRef,
    kind: ConflictKind,
    field: PlainText(200).optional(),
    text: PlainText(4000),
    note: PlainText(2000).optional(),
    uncertain: z.boolean().default(true),
    sources: z.array(SourceInput).max(50).default([]),
    values: z
      .array(z.strictObject({ value: PlainText(1000), sources: z.array(SourceInput).min(1).max(50) }))
      .max(20)
      .default([]),
  })
  .superRefine((input, context) => {
    const needed = valuesNeeded[input.kind] ?? 0;
    if (input.values.length < needed) {
      context.addIssue({
        code: "custom",
        path: ["values"],
        message: `A ${input.kind.replace("_", " ")} sets at least ${needed} values side by side, each with its sources.`,
      });
    }
    if (input.values.length === 0 && input.sources.length === 0) {
      context.addIssue({ code: "custom", path: ["sources"], message: "Cite at least one source." });
    }
  });
export type RecordConflictInput = z.infer<typeof RecordConflictInput>;

export const DemoCounts = z.record(z.string(), z.number().int());
export const DemoLoaded = z.object({ processId: z.string(), counts: DemoCounts, milliseconds: z.number() });
export const DemoReset = DemoLoaded.extend({ deleted: DemoCounts });
