// Requests of processes, rounds, participants, meetings and delegations (the core module).
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import {
  accreditationStates,
  attendanceStates,
  datePrecisions,
  meetingKinds,
  participantKinds,
  precedenceOrders,
  processDecisionKinds,
  processRoles,
  processStatuses,
  roleChangeKinds,
  roundStatuses,
} from "./enums.ts";
import { TextInput } from "./languages.ts";

export const ProcessRole = z.enum(processRoles);
export const ParticipantKind = z.enum(participantKinds);
export const ProcessStatus = z.enum(processStatuses);
export const RoundStatus = z.enum(roundStatuses);
export const Attendance = z.enum(attendanceStates);
export const AccreditationStatus = z.enum(accreditationStates);
export const MeetingKind = z.enum(meetingKinds);
export const DatePrecision = z.enum(datePrecisions);
export const PrecedenceOrder = z.enum(precedenceOrders);
export const RoleChangeKind = z.enum(roleChangeKinds);
export const ProcessDecisionKind = z.enum(processDecisionKinds);

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ message: "Use a date written YYYY-MM-DD." });
export { RecordRef };
export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Required.")
  .max(80, "At most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.");
/** The version the client last read; a write based on an older one is refused (409 stale_version). */
export const Version = z.int().min(1);
const LongText = (max: number) => PlainText(max);
const OptionalText = (max: number) => PlainText(max).nullable().optional();

export const LocalizedNamesInput = z.strictObject({
  en: PlainText(
    300,
    "Give the name in English: the record shows it wherever a language has no name of its own.",
  ),
  ru: PlainText(300).optional(),
  ar: PlainText(300).optional(),
});
export const LocalizedNames = z.object({
  en: z.string(),
  ru: z.string().optional(),
  ar: z.string().optional(),
});

// ---- requests -------------------------------------------------------------------------------------

export const CreateParticipantInput = z.strictObject({
  slug: Slug,
  kind: ParticipantKind,
  names: LocalizedNamesInput,
  shortName: OptionalText(80),
  existsFrom: IsoDate.nullable().optional(),
  aliases: z.array(PlainText(300)).max(50).optional(),
});
/** Any field of a participant, from the version read. */
export const UpdateParticipantInput = z.strictObject({
  version: Version,
  ...CreateParticipantInput.partial().shape,
});

export const CreateProcessInput = z.strictObject({
  slug: Slug,
  names: LocalizedNamesInput,
  hostParticipantId: RecordRef.describe("the host participant, by id or slug"),
  guarantorIds: z.array(RecordRef).max(20).optional().describe("guarantor participants, by id or slug"),
  defaultCity: OptionalText(200),
  defaultVenue: OptionalText(300),
  timezone: PlainText(64).optional(),
  launchedOn: IsoDate.nullable().optional(),
});
/** A process's names and defaults, from the version read; its slug and host stay. */
const editableOfProcess = { names: true, defaultCity: true, defaultVenue: true, timezone: true } as const;
export const UpdateProcessInput = z.strictObject({
  version: Version,
  ...CreateProcessInput.pick(editableOfProcess).partial().shape,
});
/** A lifecycle decision: when, who decided or requested it, and its text. */
export const ProcessDecisionInput = z.strictObject({
  decidedOn: IsoDate,
  decidedBy: PlainText(300),
  text: TextInput(10000).describe("one English text, or the text in several languages with its original"),
  version: Version.optional(),
});

export const AssignRoleInput = z.strictObject({
  participantId: RecordRef,
  role: ProcessRole,
  fromDate: IsoDate.nullable().optional(),
  toDate: IsoDate.nullable().optional(),
  note: OptionalText(1000),
});
export const RecordRoleChangeInput = z.strictObject({
  participantId: RecordRef,
  role: ProcessRole,
  change: RoleChangeKind,
  occurredOn: IsoDate,
  occurredPrecision: DatePrecision.optional(),
  roundNumber: z.int().min(1).max(10000).nullable().optional(),
  statement: TextInput(10000)
    .nullable()
    .optional()
    .describe("one English text, or the statement in several languages with its original"),
});

/** A round's names: the English one required (every reader falls back on it), as the form says. */
const RoundNamesInput = z.strictObject(LocalizedNamesInput.shape, {
  error: (issue) =>
    issue.input === undefined
      ? 'Give the round\'s name, at least in English (names.en, e.g. "Astana 23"): the record shows it wherever a language has no name of its own.'
      : undefined,
});

export const PlanRoundInput = z.strictObject({
  number: z.int().min(1).max(10000),
  names: RoundNamesInput,
  city: OptionalText(200),
  venue: OptionalText(300),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
});
/** A round's names, place and dates, from the version read; its number stays. */
export const UpdateRoundInput = z.strictObject({
  version: Version,
  ...PlanRoundInput.omit({ number: true }).partial().shape,
});
export const AnnounceRoundInput = z.strictObject({
  publishedOn: IsoDate,
  text: TextInput(10000).describe("one English text, or the text in several languages with its original"),
  version: Version.optional(),
});
export const RoundStatusChangeInput = z.strictObject({ version: Version.optional() });
export const PostponeRoundInput = z.strictObject({
  reason: LongText(2000),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  version: Version.optional(),
});
export const CancelRoundInput = z.strictObject({ reason: LongText(2000), version: Version.optional() });
export const NextRoundDecisionInput = z.strictObject({
  wording: TextInput(2000).describe(
    "the decision as worded, e.g. 'in Astana, in the second half of 2024': one English text, or the wording in several languages with its original",
  ),
  city: TextInput(200)
    .nullable()
    .optional()
    .describe("the city decided: its English name, or the name in several languages with its original"),
  windowStart: IsoDate.nullable().optional(),
  windowEnd: IsoDate.nullable().optional(),
});
export const RecordParticipationInput = z.strictObject({
  participantId: RecordRef,
  role: ProcessRole,
  attendance: Attendance,
  note: OptionalText(2000),
  citedText: OptionalText(2000),
});
export const SetPrecedenceInput = z.strictObject({
  order: PrecedenceOrder,
  customOrder: z
    .array(RecordRef)
    .max(500)
    .optional()
    .describe("participant ids, first to last (custom only)"),
});

export const MeetingParticipantInput = z.strictObject({ participantId: RecordRef, role: ProcessRole });
export const CreateMeetingInput = z.strictObject({
  slug: Slug,
  kind: MeetingKind,
  level: OptionalText(200),
  names: LocalizedNamesInput,
  city: OptionalText(200),
  venue: OptionalText(300),
  host: OptionalText(300),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  datePrecision: DatePrecision.optional(),
  dateNote: OptionalText(1000),
  participants: z.array(MeetingParticipantInput).max(200).optional(),
});
/** Any field of a meeting but its slug (and, if given, its whole list of participants), from the version read. */
export const UpdateMeetingInput = z.strictObject({
  version: Version,
  ...CreateMeetingInput.omit({ slug: true }).partial().shape,
});

export const InviteDelegationInput = z.strictObject({
  participantId: RecordRef,
  role: ProcessRole.optional().describe("defaults to the participant's current role in the process"),
});
export const InviteDelegationsByRoleInput = z.strictObject({
  roles: z
    .array(ProcessRole)
    .min(1, "Choose at least one role: every participant holding it is invited.")
    .max(20)
    .describe("every participant whose current role in the process is one of these is invited in it"),
});
export const DelegationMemberInput = z.strictObject({
  nameNative: OptionalText(300),
  nameLatin: PlainText(300),
  title: OptionalText(300),
  isHead: z.boolean().default(false),
});
export const SubmitMembersInput = z.strictObject({
  members: z.array(DelegationMemberInput).min(1, "List at least one member.").max(200),
  version: Version.optional(),
});
export const AccreditInput = z.strictObject({ note: OptionalText(2000), version: Version.optional() });
export const RequestChangesInput = z.strictObject({ note: LongText(2000), version: Version.optional() });
