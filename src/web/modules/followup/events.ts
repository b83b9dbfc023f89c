// The live events that change what the follow-up's pages show (operation name = event type).
export const followupEventTypes = [
  "followup.zone.create",
  "followup.zone.record-status",
  "followup.zone.update-shape",
  "followup.commitment.create",
  "followup.commitment.update-status",
  "followup.incident.report",
  "followup.incident.verify",
  "followup.incident.declassify",
  "followup.incident.import-acled",
  "followup.link.decide",
] as const;
