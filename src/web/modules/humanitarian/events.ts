// The live events that change what the humanitarian pages show (operation name = event type), and the
// matching job's progress. Events carry ids and counts only, never a name.
export const humanitarianEventTypes = [
  "humanitarian.case.create",
  "humanitarian.case.update",
  "humanitarian.case.change-status",
  "humanitarian.case.withdraw",
  "humanitarian.list.import",
  "humanitarian.list.withdraw",
  "humanitarian.matching.run",
  "humanitarian.matching.record",
  "humanitarian.candidate.decide",
  "humanitarian.exchange.plan",
  "humanitarian.exchange.add-person",
  "humanitarian.exchange.confirm-release",
  "humanitarian.exchange.withdraw-person",
  "humanitarian.exchange.complete",
  "humanitarian.exchange.cancel",
  "platform.job.progress",
  "platform.job.finish",
] as const;
