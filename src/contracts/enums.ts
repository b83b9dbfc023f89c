// The closed lists of values the platform stores and the API speaks, written once: the database schemas
// (src/server/**/schema.ts), the zod contracts, the web app and the CLI all take them from here, so a
// value added in one place cannot be missing in another.

/** The confidentiality tiers, widest first (DESIGN §1). */
export const tiers = [
  "public",
  "process",
  "observers-excluded",
  "guarantors",
  "delegation",
  "intermediary",
] as const;
export type Tier = (typeof tiers)[number];

/** The roles a participant can hold in a process (DESIGN §1), in order of precedence; `host` is the host secretariat. */
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

export const processStatuses = ["active", "suspended", "concluded"] as const;
export type ProcessStatus = (typeof processStatuses)[number];

/** The transitions of a process's lifecycle, each recorded as a decision. */
export const processDecisionKinds = ["launch", "suspend", "conclude", "resume"] as const;
export type ProcessDecisionKind = (typeof processDecisionKinds)[number];

export const roundStatuses = [
  "planned",
  "announced",
  "in_session",
  "concluded",
  "postponed",
  "cancelled",
] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** How precisely a date is known: the day, only the month, or only the year (the rest of the date is padding). */
export const datePrecisions = ["day", "month", "year"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/**
 * How a round's list of participants is ordered: by the participants' English names, by role and then
 * by name, or in an explicit order the secretariat stored on the round (`precedence_custom`).
 */
export const precedenceOrders = ["english_alphabetical", "role_then_alphabetical", "custom"] as const;
export type PrecedenceOrder = (typeof precedenceOrders)[number];

export const attendanceStates = ["attended", "absent", "declined", "boycotted", "unknown"] as const;
export type Attendance = (typeof attendanceStates)[number];

/** A change of a participant's standing in a process, as reported. */
export const roleChangeKinds = [
  "granted",
  "withdrawn",
  "boycott_declared",
  "boycott_ended",
  "absent",
  "statement",
] as const;
export type RoleChangeKind = (typeof roleChangeKinds)[number];

/** A round delegation's way through accreditation: invited, its list submitted, then accredited. */
export const accreditationStates = [
  "invited",
  "submitted",
  "changes_requested",
  "accredited",
  "declined",
] as const;
export type AccreditationState = (typeof accreditationStates)[number];

export const meetingKinds = ["ministerial", "summit", "quadrilateral", "congress", "technical"] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** disagreement: sources differ; plan_changed: announced, then changed; the rest qualify one source or name. */
export const conflictKinds = [
  "disagreement",
  "plan_changed",
  "naming_variant",
  "single_source",
  "ambiguity",
] as const;
export type ConflictKind = (typeof conflictKinds)[number];
