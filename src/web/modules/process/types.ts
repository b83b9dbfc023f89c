// The shapes the process pages read. They follow src/contracts/process.ts (core) and
// src/contracts/record.ts (record) field for field; only what the pages use is typed.

import type { Disputed, DisputedField, ValueConflict } from "../../../contracts/disputes.ts";
import type {
  AccreditationState as AccreditationStatus,
  Attendance,
  DatePrecision,
  MeetingKind,
  ParticipantKind,
  ProcessDecisionKind,
  ProcessRole,
  ProcessStatus,
  RoleChangeKind,
  RoundStatus,
} from "../../../contracts/enums.ts";
import type { LocalizedText } from "../../../contracts/languages.ts";

export type { Disputed, DisputedField, LocalizedText, ValueConflict };

export type Names = { en: string; ru?: string; ar?: string };

export type { Attendance, DatePrecision, ProcessRole, ProcessStatus, RoundStatus };

export type ParticipantRef = {
  id: string;
  slug: string;
  kind: ParticipantKind;
  name: string;
  names: Names;
  localized: { name: LocalizedText };
};

export type ProcessDecision = Disputed & {
  id: string;
  kind: ProcessDecisionKind;
  fromStatus: ProcessStatus | null;
  toStatus: ProcessStatus;
  decidedOn: string;
  decidedBy: string;
  text: string;
  localized: { text: LocalizedText; decidedBy: LocalizedText };
};

export type RoleChange = Disputed & {
  id: string;
  processId: string;
  processSlug: string;
  participant: ParticipantRef;
  role: ProcessRole;
  change: RoleChangeKind;
  occurredOn: string | null;
  occurredPrecision: DatePrecision;
  roundNumber: number | null;
  statement: string | null;
  localized: { statement: LocalizedText | null };
};

export type RoleAssignment = Disputed & {
  id: string;
  processId: string;
  processSlug: string;
  participant: ParticipantRef;
  role: ProcessRole;
  fromDate: string | null;
  toDate: string | null;
  note: string | null;
};

export type ProcessSummary = {
  id: string;
  slug: string;
  name: string;
  names: Names;
  localized: { name: LocalizedText };
  status: ProcessStatus;
  host: ParticipantRef;
  defaultCity: string | null;
  defaultVenue: string | null;
  timezone: string;
  launchedOn: string | null;
  isDemo: boolean;
  version: number;
  can: Record<string, boolean>;
};

export type ProcessDetail = ProcessSummary & {
  decisions: ProcessDecision[];
  guarantors: ParticipantRef[];
  roles: RoleAssignment[];
  roleHistory: RoleAssignment[];
  roleChanges: RoleChange[];
};

export type ProcessList = { items: ProcessSummary[]; can: { create: boolean } };

export type RoundParticipantEntry = Disputed & {
  id: string;
  slug: string;
  name: string;
  names: Names;
  localized: { name: LocalizedText };
  attendance: Attendance;
};

export type RoundSummary = Disputed & {
  id: string;
  processId: string;
  processSlug: string;
  number: number;
  name: string;
  names: Names;
  status: RoundStatus;
  statusReason: string | null;
  startDate: string | null;
  endDate: string | null;
  city: string | null;
  venue: string | null;
  localized: { name: LocalizedText; city: LocalizedText | null; venue: LocalizedText | null };
  isDemo: boolean;
  version: number;
  participants: Record<ProcessRole, RoundParticipantEntry[]>;
  can: Record<string, boolean>;
};

export type RoundList = { processId: string; items: RoundSummary[]; can: { plan: boolean } };

export type RoundAnnouncement = {
  id: string;
  publishedOn: string;
  text: string;
  localized: { text: LocalizedText; announcedCity: LocalizedText | null };
  announcedStart: string | null;
  announcedEnd: string | null;
  announcedCity: string | null;
};

export type RoundParticipation = Disputed & {
  id: string;
  participant: ParticipantRef;
  role: ProcessRole;
  attendance: Attendance;
  note: string | null;
  citedText: string | null;
};

export type DelegationMember = {
  id: string;
  position: number;
  nameNative: string | null;
  nameLatin: string;
  localized: { name: LocalizedText; title: LocalizedText | null };
  title: string | null;
  isHead: boolean;
  /** Whether the sources leave it open that this person held the post (shown as uncertain). */
  uncertain?: boolean;
};

export type RoundDelegation = {
  id: string;
  roundId: string;
  roundNumber: number;
  processId: string;
  participant: ParticipantRef;
  delegationId: string | null;
  role: ProcessRole;
  status: AccreditationStatus;
  secretariatNote: string | null;
  version: number;
  head: DelegationMember | null;
  members: DelegationMember[];
  can: Record<string, boolean>;
};

export type NextRoundDecision = Disputed & {
  wording: string;
  city: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  localized: { wording: LocalizedText; city: LocalizedText | null };
};

export type AnnouncedVsHeld = Disputed & {
  decidedAtRound: { id: string; number: number };
  decision: NextRoundDecision;
  held: {
    city: string | null;
    startDate: string | null;
    endDate: string | null;
    localized: { city: LocalizedText | null };
  };
  cityMatches: boolean | null;
  datesWithinWindow: boolean | null;
};

export type RoundDetail = RoundSummary & {
  announcements: RoundAnnouncement[];
  participations: RoundParticipation[];
  delegations: RoundDelegation[];
  nextRound: NextRoundDecision | null;
  announcedVsHeld: AnnouncedVsHeld | null;
};

export type ParticipantSummary = {
  id: string;
  slug: string;
  kind: ParticipantKind;
  name: string;
  names: Names;
  localized: { name: LocalizedText };
  shortName: string | null;
  existsFrom: string | null;
  aliases: string[];
  isDemo: boolean;
  version: number;
  can: Record<string, boolean>;
};

export type ParticipantRoundRole = Disputed & {
  processId: string;
  processSlug: string;
  roundId: string;
  roundNumber: number;
  roundStatus: RoundStatus;
  role: ProcessRole;
  attendance: Attendance;
};

export type ParticipantDetail = ParticipantSummary & {
  roles: RoleAssignment[];
  rounds: ParticipantRoundRole[];
  roleChanges: RoleChange[];
};

export type ParticipantList = { items: ParticipantSummary[]; can: { create: boolean } };

export type Meeting = Disputed & {
  id: string;
  processId: string;
  processSlug: string;
  slug: string;
  kind: MeetingKind;
  level: string | null;
  name: string;
  names: Names;
  city: string | null;
  venue: string | null;
  localized: { name: LocalizedText; city: LocalizedText | null; venue: LocalizedText | null };
  host: string | null;
  startDate: string | null;
  endDate: string | null;
  datePrecision: DatePrecision;
  dateNote: string | null;
  isDemo: boolean;
  version: number;
  participants: { participant: ParticipantRef; role: ProcessRole }[];
  can: Record<string, boolean>;
};

// ---- the record (sources, facts, conflicts, timeline, attendance) ---------------------------------

export type Source = {
  id: string;
  url: string;
  title: string | null;
  publisher: string;
  publishedAsShown: string | null;
  published: string | null;
  language: string | null;
};

export type Fact = Disputed & {
  id: string;
  kind: "outcome" | "fact";
  text: string;
  localized: { text: LocalizedText };
  uncertain: boolean;
  sources: Source[];
};

export const conflictKinds = [
  "disagreement",
  "plan_changed",
  "naming_variant",
  "single_source",
  "ambiguity",
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export type ConflictValue = { id: string; value: string; sources: Source[] };

export type RecordConflict = {
  id: string;
  kind: ConflictKind;
  field: string | null;
  /** The stable key of the disputed field, labelled in the reader's language (`fields.disputed.*`). */
  fieldKey: DisputedField;
  fieldIndex: number | null;
  text: string;
  localized: { text: LocalizedText; note: LocalizedText | null };
  note: string | null;
  uncertain: boolean;
  sources: Source[];
  values: ConflictValue[];
};

export type SubjectRef = { subjectType: string; subjectId: string; label: string; processId: string | null };

export type SubjectRecordBody = {
  facts: Fact[];
  /** Sources by field ("dates", "city", …); "" or "subject" for the record as a whole. */
  citations: Record<string, Source[]>;
  conflicts: RecordConflict[];
};

export type SubjectRecord = SubjectRecordBody & {
  subject: SubjectRef;
  related: (SubjectRecordBody & { subject: SubjectRef })[];
};

export type TimelineItem = Disputed & {
  kind: "round" | "meeting" | "milestone" | "decision";
  subkind: string | null;
  id: string;
  label: string;
  number: number | null;
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision;
  city: string | null;
  localized: { label: LocalizedText; city: LocalizedText | null };
  status: string | null;
};

export type TimelineGap = {
  afterRoundId: string;
  afterNumber: number;
  beforeRoundId: string;
  beforeNumber: number;
  from: string;
  to: string;
  days: number;
};

export type TimelinePeriod = {
  kind: "active" | "suspended" | "concluded" | "resumed";
  from: string;
  to: string | null;
  decisionId: string;
};

export type Timeline = {
  processId: string;
  items: TimelineItem[];
  undated: TimelineItem[];
  gaps: TimelineGap[];
  periods: TimelinePeriod[];
};

export type AttendanceCell = Disputed & {
  participantId: string;
  roundId: string;
  participationId: string;
  role: string;
  attendance: Attendance;
  note: string | null;
  citedText: string | null;
  sourceCount: number;
};

export type AttendanceMatrix = {
  processId: string;
  rounds: (Disputed & { id: string; number: number; startDate: string | null; city: string | null })[];
  participants: { id: string; name: string; shortName: string | null; kind: string; role: string | null }[];
  cells: AttendanceCell[];
};

export type ProcessConflicts = { processId: string; items: (RecordConflict & { subject: SubjectRef })[] };

export type SourceDetail = Source & { citedBy: (SubjectRef & { field: string })[] };
