// What the follow-up module offers: its operations (one name each) and reads, never its tables.

export { createCommitment } from "./operations/create-commitment.ts";
export { createZone } from "./operations/create-zone.ts";
export { decideLink } from "./operations/decide-link.ts";
export { declassifyIncident } from "./operations/declassify-incident.ts";
export { importAcled } from "./operations/import-acled.ts";
export { recordZoneStatus } from "./operations/record-zone-status.ts";
export { reportIncident } from "./operations/report-incident.ts";
export { updateCommitmentStatus } from "./operations/update-commitment-status.ts";
export { verifyIncident } from "./operations/verify-incident.ts";
export { getCommitment, listCommitments } from "./reads/commitments.ts";
// The commitments of given texts, tier-filtered: the programme shows them on the agenda items those texts serve.
export { type CommitmentOfDocument, commitmentsOfDocuments } from "./reads/commitments-of-documents.ts";
export { getIncident, listIncidents } from "./reads/incidents.ts";
export { monthCounts, sinceLastRound } from "./reads/report.ts";
export { getZone, listZones } from "./reads/zones.ts";
