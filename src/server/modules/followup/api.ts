// What the follow-up module offers: its operations (one name each) and reads, never its tables.

export { importAcledFile } from "./acled-file.ts";
export { bulkUpdateCommitmentStatus } from "./operations/bulk-update-commitment-status.ts";
export { createCommitment } from "./operations/create-commitment.ts";
export { createZone } from "./operations/create-zone.ts";
export { decideLink } from "./operations/decide-link.ts";
export { declassifyIncident } from "./operations/declassify-incident.ts";
export { importAcled } from "./operations/import-acled.ts";
export { importZones } from "./operations/import-zones.ts";
export { recordZoneStatus } from "./operations/record-zone-status.ts";
export { reportIncident } from "./operations/report-incident.ts";
export { startImport } from "./operations/start-import.ts";
export { updateCommitmentStatus } from "./operations/update-commitment-status.ts";
export { updateZoneShape } from "./operations/update-zone-shape.ts";
export { verifyIncident } from "./operations/verify-incident.ts";
export { getCommitment, listCommitments } from "./reads/commitments.ts";
// The commitments of given texts, tier-filtered: the programme shows them on the agenda items those texts serve.
export { type CommitmentOfDocument, commitmentsOfDocuments } from "./reads/commitments-of-documents.ts";
export { getImport, listImports } from "./reads/imports.ts";
export { getIncident, listIncidents } from "./reads/incidents.ts";
export { monthCounts, sinceLastRound } from "./reads/report.ts";
export { getZone, listZones, zonesGeoJson } from "./reads/zones.ts";
