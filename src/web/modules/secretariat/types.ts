// The core module's answers as these pages read them: the shared contracts (types only, so zod stays
// out of the browser bundle), and the lists of choices the forms offer, checked against the contracts.
import type { z } from "zod";
import type {
  AccreditationStatus as AccreditationStatusSchema,
  DatePrecision as DatePrecisionSchema,
  LocalizedNames as LocalizedNamesSchema,
  MeetingKind as MeetingKindSchema,
  MeetingList as MeetingListSchema,
  ParticipantKind as ParticipantKindSchema,
  ParticipantList as ParticipantListSchema,
  PrecedenceOrder as PrecedenceOrderSchema,
  ProcessList as ProcessListSchema,
  ProcessRole as ProcessRoleSchema,
  ProcessStatus as ProcessStatusSchema,
  RoleChangeKind as RoleChangeKindSchema,
  RoundDelegationList as RoundDelegationListSchema,
  RoundList as RoundListSchema,
  RoundStatus as RoundStatusSchema,
} from "../../../contracts/process.ts";

export type {
  DelegationMember,
  Meeting,
  ParticipantRef,
  ParticipantSummary,
  ParticipantsList,
  ProcessDetail,
  ProcessSummary,
  RoleAssignment,
  RoleChange,
  RoundDelegation,
  RoundDetail,
  RoundSummary,
} from "../../../contracts/process.ts";

export type ProcessRole = z.infer<typeof ProcessRoleSchema>;
export type ParticipantKind = z.infer<typeof ParticipantKindSchema>;
export type ProcessStatus = z.infer<typeof ProcessStatusSchema>;
export type RoundStatus = z.infer<typeof RoundStatusSchema>;
export type AccreditationStatus = z.infer<typeof AccreditationStatusSchema>;
export type MeetingKind = z.infer<typeof MeetingKindSchema>;
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;
export type PrecedenceOrder = z.infer<typeof PrecedenceOrderSchema>;
export type RoleChangeKind = z.infer<typeof RoleChangeKindSchema>;
export type LocalizedNames = z.infer<typeof LocalizedNamesSchema>;

// The lists of choices the forms offer are the contracts' own lists.
export {
  datePrecisions,
  meetingKinds,
  participantKinds,
  precedenceOrders,
  processRoles,
  roleChangeKinds,
} from "../../../contracts/enums.ts";

export type ProcessList = z.infer<typeof ProcessListSchema>;
export type RoundList = z.infer<typeof RoundListSchema>;
export type RoundDelegationList = z.infer<typeof RoundDelegationListSchema>;
export type ParticipantList = z.infer<typeof ParticipantListSchema>;
export type MeetingList = z.infer<typeof MeetingListSchema>;
