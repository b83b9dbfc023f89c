// What the core module offers the others (re-exported by index.ts, the only file they may import),
// and what its own CLI commands use: operations, reads and helpers, never its tables.
export { loadActor } from "./actor.ts";
// How every module's commands name a process (--process) and a round (its number).
export { processRef, roundRef } from "./cli/refs.ts";
// The demonstration record: core's part provides the data and its sourcing statements to the record's.
export {
  demoProcessId,
  demoProcessSlug,
  type SourcedRecord,
  type SourcingStatement,
} from "./demo/builder.ts";
export type {
  DemoConflict,
  DemoExchange,
  DemoMemorandum,
  DemoMilestone,
  DemoRecordEntry,
  DemoWorkingGroup,
  DemoZone,
} from "./demo/data.ts";
export { anyProcessExists, type CoreDemoOutput, type CoreDemoRemoval } from "./demo/part.ts";
// The demonstration record's translations as `text_versions` rows (the record's part adds its own).
export { versionRows as demoTextVersionRows } from "./demo/translations.ts";
// Processes, rounds, participants, meetings and delegations: operations (one name each) and reads.
export { accreditDelegation } from "./operations/accredit-delegation.ts";
export { addMembership } from "./operations/add-membership.ts";
export { announceRound } from "./operations/announce-round.ts";
export { assignRole } from "./operations/assign-role.ts";
export { cancelRound } from "./operations/cancel-round.ts";
export { concludeProcess } from "./operations/conclude-process.ts";
export { concludeRound } from "./operations/conclude-round.ts";
export { createAccount } from "./operations/create-account.ts";
export { createApiToken } from "./operations/create-api-token.ts";
export { createMeeting } from "./operations/create-meeting.ts";
export { createParticipant } from "./operations/create-participant.ts";
export { createProcess } from "./operations/create-process.ts";
export { disableAccount } from "./operations/disable-account.ts";
export { enableAccount } from "./operations/enable-account.ts";
export { inviteDelegation } from "./operations/invite-delegation.ts";
export { inviteDelegationsByRole } from "./operations/invite-delegations-by-role.ts";
export { issueSetupToken } from "./operations/issue-setup-token.ts";
export { launchProcess } from "./operations/launch-process.ts";
export { openRound } from "./operations/open-round.ts";
export { planRound } from "./operations/plan-round.ts";
export { postponeRound } from "./operations/postpone-round.ts";
export { recordNextRoundDecision } from "./operations/record-next-round-decision.ts";
export { recordRoleChange } from "./operations/record-role-change.ts";
export { recordRoundParticipation } from "./operations/record-round-participation.ts";
export { removeMembership } from "./operations/remove-membership.ts";
export { requestDelegationChanges } from "./operations/request-delegation-changes.ts";
export { resumeProcess } from "./operations/resume-process.ts";
export { revokeApiToken } from "./operations/revoke-api-token.ts";
export { setAccountLocale } from "./operations/set-account-locale.ts";
export { setRoundPrecedence } from "./operations/set-round-precedence.ts";
export { needsFirstAdministrator, setUpFirstAdministrator } from "./operations/set-up-first-administrator.ts";
export { submitDelegationMembers } from "./operations/submit-delegation-members.ts";
export { suspendProcess } from "./operations/suspend-process.ts";
export { updateAccount } from "./operations/update-account.ts";
export { updateMeeting } from "./operations/update-meeting.ts";
export { updateParticipant } from "./operations/update-participant.ts";
export { updateProcess } from "./operations/update-process.ts";
export { updateRound } from "./operations/update-round.ts";
export {
  canManageAccounts,
  canManageMemberships,
  canSeeRound,
  canSeeRoundDelegation,
  isSecretariat,
  roundDelegationsVisibleTo,
  roundDelegationTier,
  roundsVisibleTo,
  roundTier,
} from "./policies.ts";
export { printLanguages, renderParticipantsListHtml } from "./presenters/participants-list-html.ts";
// Places (cities) in the reader's language, for every module that names where something happened.
export { localPlace, preloadPlaces } from "./presenters/process.ts";
export { listAccounts, listOwnApiTokens } from "./reads/accounts.ts";
export { findProcess, findVisibleRound } from "./reads/common.ts";
export { getParticipantsList, getRoundDelegation, listRoundDelegations } from "./reads/delegations.ts";
export { getMeeting, listMeetings } from "./reads/meetings.ts";
export { getParticipant, listParticipants } from "./reads/participants.ts";
export {
  announcementsOfRounds,
  decisionsOfProcess,
  delegationInProcess,
  meetingsOfProcess,
  nextRoundDecisionsOfRounds,
  participantsWithIds,
  participationsInRounds,
  processIdsOfParticipant,
  roleAssignmentsOfProcess,
  roleChangesOfProcess,
  standingDelegationIdsOf,
} from "./reads/process-record.ts";
export { getProcess, listProcesses } from "./reads/processes.ts";
export {
  compareAnnouncedWithHeld,
  findRoundIdByNumber,
  getRound,
  listProcessRounds,
  visibleRoundsOf,
} from "./reads/rounds.ts";
export { announceSetupLink, setupLinkFor } from "./setup-link.ts";
