// The shapes of the core module's answers the secretariat's pages read, as src/contracts/process.ts
// (branch `core`) defines them. Kept here, field for field, until that contract reaches this branch;
// then this file becomes `export type { … } from "../../../contracts/process.ts"`.

export const processRoles = [
  "host",
  "guarantor",
  "party",
  "observer",
  "international_organization",
  "intermediary",
  "monitor",
] as const;
export type ProcessRole = (typeof processRoles)[number];
export const participantKinds = ["state", "party", "organization"] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export type ProcessStatus = "active" | "suspended" | "concluded";
export type RoundStatus = "planned" | "announced" | "in_session" | "concluded" | "postponed" | "cancelled";
export type AccreditationStatus = "invited" | "submitted" | "changes_requested" | "accredited" | "declined";
export const meetingKinds = ["ministerial", "summit", "quadrilateral", "congress", "technical"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const datePrecisions = ["day", "month", "year"] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export const precedenceOrders = ["english_alphabetical", "role_then_alphabetical", "custom"] as const;
export type PrecedenceOrder = (typeof precedenceOrders)[number];
export const roleChangeKinds = [
  "granted",
  "withdrawn",
  "boycott_declared",
  "boycott_ended",
  "absent",
  "statement",
] as const;
export type RoleChangeKind = (typeof roleChangeKinds)[number];

export type LocalizedNames = { en: string; ru?: string; ar?: string };

export type ParticipantRef = {
  id: string;
  slug: string;
  kind: ParticipantKind;
  name: string;
  names: LocalizedNames;
};

export type ProcessCan = {
  update: boolean;
  launch: boolean;
  suspend: boolean;
  conclude: boolean;
  resume: boolean;
  planRound: boolean;
  createMeeting: boolean;
  assignRole: boolean;
  recordRoleChange: boolean;
};

export type ProcessDecision = {
  id: string;
  kind: "launch" | "suspend" | "conclude" | "resume";
  fromStatus: ProcessStatus | null;
  toStatus: ProcessStatus;
  decidedOn: string;
  decidedBy: string;
  text: string;
};

export type RoleAssignment = {
  id: string;
  processId: string;
  processSlug: string;
  participant: ParticipantRef;
  role: ProcessRole;
  fromDate: string | null;
  toDate: string | null;
  note: string | null;
};

export type RoleChange = {
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
};

export type ProcessSummary = {
  id: string;
  slug: string;
  name: string;
  names: LocalizedNames;
  status: ProcessStatus;
  host: ParticipantRef;
  defaultCity: string | null;
  defaultVenue: string | null;
  timezone: string;
  launchedOn: string | null;
  isDemo: boolean;
  version: number;
  can: ProcessCan;
};

export type ProcessDetail = ProcessSummary & {
  decisions: ProcessDecision[];
  guarantors: ParticipantRef[];
  roles: RoleAssignment[];
  roleHistory: RoleAssignment[];
  roleChanges: RoleChange[];
};

export type ProcessList = { items: ProcessSummary[]; can: { create: boolean } };

export type RoundCan = {
  update: boolean;
  announce: boolean;
  open: boolean;
  conclude: boolean;
  postpone: boolean;
  cancel: boolean;
  decideNext: boolean;
  invite: boolean;
  setPrecedence: boolean;
  recordParticipation: boolean;
};

export type RoundSummary = {
  id: string;
  processId: string;
  processSlug: string;
  number: number;
  name: string;
  names: LocalizedNames;
  status: RoundStatus;
  statusReason: string | null;
  startDate: string | null;
  endDate: string | null;
  city: string | null;
  venue: string | null;
  isDemo: boolean;
  version: number;
  can: RoundCan;
};

export type RoundList = { processId: string; items: RoundSummary[]; can: { plan: boolean } };

export type RoundAnnouncement = {
  id: string;
  publishedOn: string;
  text: string;
  announcedStart: string | null;
  announcedEnd: string | null;
  announcedCity: string | null;
};

export type DelegationMember = {
  id: string;
  position: number;
  nameNative: string | null;
  nameLatin: string;
  title: string | null;
  isHead: boolean;
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
  can: { submitMembers: boolean; accredit: boolean; requestChanges: boolean };
};

export type RoundDelegationList = { roundId: string; items: RoundDelegation[]; can: { invite: boolean } };

export type NextRoundDecision = {
  wording: string;
  city: string | null;
  windowStart: string | null;
  windowEnd: string | null;
};

export type RoundDetail = RoundSummary & {
  announcements: RoundAnnouncement[];
  delegations: RoundDelegation[];
  nextRound: NextRoundDecision | null;
  precedence: { order: PrecedenceOrder; customOrder: string[] | null };
};

export type ParticipantsList = {
  roundId: string;
  roundNumber: number;
  order: PrecedenceOrder;
  entries: {
    position: number;
    participant: ParticipantRef;
    role: ProcessRole;
    head: DelegationMember | null;
    members: DelegationMember[];
  }[];
  can: { setPrecedence: boolean };
};

export type ParticipantSummary = ParticipantRef & {
  shortName: string | null;
  existsFrom: string | null;
  aliases: string[];
  isDemo: boolean;
  version: number;
  can: { update: boolean };
};

export type ParticipantList = { items: ParticipantSummary[]; can: { create: boolean } };

export type Meeting = {
  id: string;
  processId: string;
  processSlug: string;
  slug: string;
  kind: MeetingKind;
  level: string | null;
  name: string;
  names: LocalizedNames;
  city: string | null;
  venue: string | null;
  host: string | null;
  startDate: string | null;
  endDate: string | null;
  datePrecision: DatePrecision;
  dateNote: string | null;
  isDemo: boolean;
  version: number;
  participants: { participant: ParticipantRef; role: ProcessRole }[];
  can: { update: boolean };
};

export type MeetingList = { processId: string; items: Meeting[]; can: { create: boolean } };
