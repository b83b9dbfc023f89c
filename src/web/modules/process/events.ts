// The live events that change what the process pages show (operation name = event type).

/** The operations of the core module that change a process, its rounds, participants or meetings (operation name = event type). */
export const coreRecordEventTypes = [
  "core.process.update",
  "core.process.launch",
  "core.process.suspend",
  "core.process.conclude",
  "core.process.resume",
  "core.role.assign",
  "core.role-change.record",
  "core.participant.create",
  "core.participant.update",
  "core.round.plan",
  "core.round.update",
  "core.round.announce",
  "core.round.open",
  "core.round.conclude",
  "core.round.postpone",
  "core.round.cancel",
  "core.next-round-decision.record",
  "core.round-participation.record",
  "core.round-precedence.set",
  "core.round-delegation.invite",
  "core.round-delegation.accredit",
  "core.round-delegation.request-changes",
  "core.delegation-members.submit",
  "core.meeting.create",
  "core.meeting.update",
] as const;

/** The operations whose events change what these pages show: the record's changes and its sources. */
export const processEventTypes = [
  ...coreRecordEventTypes,
  "record.source.cite",
  "record.demo.load",
  "record.demo.reset",
  "record.conflict.record",
] as const;
