// Responses of processes, rounds, participants, meetings and delegations (the core module).
import { z } from "zod";
import { Disputed } from "./disputes.ts";
import { type ProcessRole as ProcessRoleName, processRoles } from "./enums.ts";
import { localizedTexts, TextVersionsView } from "./languages.ts";
import {
  AccreditationStatus,
  Attendance,
  DatePrecision,
  LocalizedNames,
  MeetingKind,
  ParticipantKind,
  PrecedenceOrder,
  ProcessDecisionKind,
  ProcessRole,
  ProcessStatus,
  RoleChangeKind,
  RoundStatus,
} from "./process-requests.ts";

// ---- responses ------------------------------------------------------------------------------------

export const ParticipantRef = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: ParticipantKind,
    name: z.string(),
    names: LocalizedNames,
    localized: localizedTexts(["name"]),
  })
  .meta({ id: "ParticipantRef" });
export type ParticipantRef = z.infer<typeof ParticipantRef>;

const can = <T extends string>(...keys: T[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.boolean()])) as Record<T, z.ZodBoolean>);

export const ProcessCan = can(
  "update",
  "launch",
  "suspend",
  "conclude",
  "resume",
  "planRound",
  "createMeeting",
  "assignRole",
  "recordRoleChange",
);
export const RoundCan = can(
  "update",
  "announce",
  "open",
  "conclude",
  "postpone",
  "cancel",
  "decideNext",
  "invite",
  "setPrecedence",
  "recordParticipation",
);
export const RoundDelegationCan = can("submitMembers", "accredit", "requestChanges");

/** A list answer: whose list it is (if anyone's), its items, and whether the caller may add to it. */
const listOf = <
  Item extends z.ZodType,
  Action extends string,
  Owner extends z.ZodRawShape = Record<never, never>,
>(
  item: Item,
  action: Action,
  owner: Owner = {} as Owner,
) => z.object({ ...owner, items: z.array(item), can: can(action) });

/** Where and when a round is held, as far as known. */
const placeAndDates = {
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
};

export const ProcessDecision = z.object({
  id: z.string(),
  kind: ProcessDecisionKind,
  fromStatus: ProcessStatus.nullable(),
  toStatus: ProcessStatus,
  decidedOn: z.string(),
  decidedBy: z.string(),
  text: z.string(),
  ...Disputed,
  localized: localizedTexts(["text", "decidedBy"]),
});
export const RoleAssignment = z.object({
  id: z.string(),
  processId: z.string(),
  processSlug: z.string(),
  participant: ParticipantRef,
  role: ProcessRole,
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  note: z.string().nullable(),
  ...Disputed,
});
export const RoleChange = z.object({
  id: z.string(),
  processId: z.string(),
  processSlug: z.string(),
  participant: ParticipantRef,
  role: ProcessRole,
  change: RoleChangeKind,
  occurredOn: z.string().nullable(),
  occurredPrecision: DatePrecision,
  roundNumber: z.number().nullable(),
  statement: z.string().nullable(),
  localized: localizedTexts([], ["statement"]),
  ...Disputed,
});

export const ProcessSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    names: LocalizedNames,
    localized: localizedTexts(["name"]),
    status: ProcessStatus,
    host: ParticipantRef,
    defaultCity: z.string().nullable(),
    defaultVenue: z.string().nullable(),
    timezone: z.string(),
    launchedOn: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number(),
    can: ProcessCan,
  })
  .meta({ id: "ProcessSummary" });
export const ProcessDetail = ProcessSummary.extend({
  decisions: z.array(ProcessDecision),
  guarantors: z.array(ParticipantRef),
  roles: z.array(RoleAssignment).describe("roles held today"),
  roleHistory: z.array(RoleAssignment),
  roleChanges: z.array(RoleChange),
}).meta({ id: "ProcessDetail" });
export const ProcessList = listOf(ProcessSummary, "create");

export const RoundParticipantEntry = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  names: LocalizedNames,
  localized: localizedTexts(["name"]),
  attendance: Attendance,
  ...Disputed,
});
export const ParticipantsByRole = z.object(
  Object.fromEntries(processRoles.map((role) => [role, z.array(RoundParticipantEntry)])) as Record<
    ProcessRoleName,
    z.ZodArray<typeof RoundParticipantEntry>
  >,
);
export const RoundSummary = z
  .object({
    id: z.string(),
    processId: z.string(),
    processSlug: z.string(),
    number: z.number(),
    name: z.string(),
    names: LocalizedNames,
    status: RoundStatus,
    statusReason: z.string().nullable(),
    ...placeAndDates,
    localized: localizedTexts(["name"], ["city", "venue"]),
    isDemo: z.boolean(),
    version: z.number(),
    participants: ParticipantsByRole,
    can: RoundCan,
    ...Disputed,
  })
  .meta({ id: "RoundSummary" });
export const RoundList = listOf(RoundSummary, "plan", { processId: z.string() });

export const RoundAnnouncement = z.object({
  id: z.string(),
  publishedOn: z.string(),
  text: z.string(),
  announcedStart: z.string().nullable(),
  announcedEnd: z.string().nullable(),
  announcedCity: z.string().nullable(),
  localized: localizedTexts(["text"], ["announcedCity"]),
});
export const RoundParticipation = z.object({
  id: z.string(),
  participant: ParticipantRef,
  role: ProcessRole,
  attendance: Attendance,
  note: z.string().nullable(),
  citedText: z.string().nullable(),
  ...Disputed,
});
export const DelegationMember = z.object({
  id: z.string(),
  position: z.number(),
  nameNative: z.string().nullable(),
  nameLatin: z.string(),
  title: z.string().nullable(),
  localized: localizedTexts(["name"], ["title"]),
  isHead: z.boolean(),
  /** The record marks this person as uncertain (contested, or one ambiguous source). */
  uncertain: z.boolean(),
});
export const RoundDelegation = z
  .object({
    id: z.string(),
    roundId: z.string(),
    roundNumber: z.number(),
    processId: z.string(),
    participant: ParticipantRef,
    delegationId: z.string().nullable(),
    role: ProcessRole,
    status: AccreditationStatus,
    secretariatNote: z.string().nullable().describe("shown to the secretariat and the delegation only"),
    version: z.number(),
    head: DelegationMember.nullable(),
    members: z.array(DelegationMember),
    can: RoundDelegationCan,
  })
  .meta({ id: "RoundDelegation" });
export const RoundDelegationList = listOf(RoundDelegation, "invite", { roundId: z.string() });
/** What inviting by role did: the delegations it invited now, and the participants it found invited already. */
export const InviteByRoleResult = z.object({
  roundId: z.string(),
  invited: z.array(RoundDelegation),
  alreadyInvited: z.array(ParticipantRef),
});
export const NextRoundDecision = z.object({
  wording: z.string(),
  city: z.string().nullable(),
  localized: localizedTexts(["wording"], ["city"]),
  versions: z
    .object({ wording: TextVersionsView, city: TextVersionsView.nullable() })
    .describe("every version of the wording and the city, as written: what the secretariat's form edits"),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  ...Disputed,
});
/** The previous round's decision on this one, set against where and when this round was held. */
export const AnnouncedVsHeld = z.object({
  decidedAtRound: z.object({ id: z.string(), number: z.number() }),
  decision: NextRoundDecision,
  held: z.object({
    city: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    localized: localizedTexts([], ["city"]),
  }),
  cityMatches: z.boolean().nullable().describe("null when either city is unknown"),
  datesWithinWindow: z.boolean().nullable().describe("null when the window or the dates are unknown"),
  ...Disputed,
});
export const RoundDetail = RoundSummary.extend({
  announcements: z.array(RoundAnnouncement),
  participations: z.array(RoundParticipation),
  delegations: z.array(RoundDelegation),
  nextRound: NextRoundDecision.nullable(),
  announcedVsHeld: AnnouncedVsHeld.nullable(),
  precedence: z.object({ order: PrecedenceOrder, customOrder: z.array(z.string()).nullable() }),
}).meta({ id: "RoundDetail" });

export const ParticipantsListEntry = z.object({
  position: z.number(),
  participant: ParticipantRef,
  role: ProcessRole,
  head: DelegationMember.nullable(),
  members: z.array(DelegationMember),
});
export const ParticipantsList = z.object({
  roundId: z.string(),
  roundNumber: z.number(),
  roundName: z.string(),
  roundNames: LocalizedNames,
  processName: z.string(),
  processNames: LocalizedNames,
  ...placeAndDates,
  order: PrecedenceOrder,
  entries: z.array(ParticipantsListEntry),
  can: z.object({ setPrecedence: z.boolean() }),
});

export const ParticipantSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: ParticipantKind,
    name: z.string(),
    names: LocalizedNames,
    localized: localizedTexts(["name"]),
    shortName: z.string().nullable(),
    existsFrom: z.string().nullable(),
    aliases: z.array(z.string()),
    isDemo: z.boolean(),
    version: z.number(),
    can: z.object({ update: z.boolean() }),
  })
  .meta({ id: "ParticipantSummary" });
export const ParticipantRoundRole = z.object({
  processId: z.string(),
  processSlug: z.string(),
  roundId: z.string(),
  roundNumber: z.number(),
  roundStatus: RoundStatus,
  role: ProcessRole,
  attendance: Attendance,
  ...Disputed,
});
export const ParticipantDetail = ParticipantSummary.extend({
  roles: z.array(RoleAssignment),
  rounds: z.array(ParticipantRoundRole),
  roleChanges: z.array(RoleChange),
}).meta({ id: "ParticipantDetail" });
export const ParticipantList = listOf(ParticipantSummary, "create");

export const Meeting = z
  .object({
    id: z.string(),
    processId: z.string(),
    processSlug: z.string(),
    slug: z.string(),
    kind: MeetingKind,
    level: z.string().nullable(),
    name: z.string(),
    names: LocalizedNames,
    city: z.string().nullable(),
    venue: z.string().nullable(),
    host: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    localized: localizedTexts(["name"], ["city", "venue"]),
    datePrecision: DatePrecision,
    dateNote: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number(),
    participants: z.array(z.object({ participant: ParticipantRef, role: ProcessRole })),
    can: z.object({ update: z.boolean() }),
    ...Disputed,
  })
  .meta({ id: "Meeting" });
export const MeetingList = listOf(Meeting, "create", { processId: z.string() });

export type ProcessSummary = z.infer<typeof ProcessSummary>;
export type ProcessDetail = z.infer<typeof ProcessDetail>;
export type RoundSummary = z.infer<typeof RoundSummary>;
export type RoundDetail = z.infer<typeof RoundDetail>;
export type RoundDelegation = z.infer<typeof RoundDelegation>;
export type InviteByRoleResult = z.infer<typeof InviteByRoleResult>;
export type DelegationMember = z.infer<typeof DelegationMember>;
export type ParticipantsList = z.infer<typeof ParticipantsList>;
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;
export type ParticipantDetail = z.infer<typeof ParticipantDetail>;
export type Meeting = z.infer<typeof Meeting>;
export type RoleAssignment = z.infer<typeof RoleAssignment>;
export type RoleChange = z.infer<typeof RoleChange>;
export type AnnouncedVsHeld = z.infer<typeof AnnouncedVsHeld>;
export type RoundCan = z.infer<typeof RoundCan>;
export type ProcessCan = z.infer<typeof ProcessCan>;

/** A participant's standing delegation in a process, with the accounts that belong to it. */
export const StandingDelegation = z
  .object({
    id: z.string(),
    processId: z.string(),
    participant: ParticipantRef,
    members: z.array(
      z.object({ accountId: z.string(), name: z.string(), email: z.string(), position: z.string() }),
    ),
  })
  .meta({ id: "StandingDelegation" });
export const StandingDelegationList = z.object({
  items: z.array(StandingDelegation),
  can: z.object({ manageMembers: z.boolean() }),
});
export type StandingDelegationList = z.infer<typeof StandingDelegationList>;
