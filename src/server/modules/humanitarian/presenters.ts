// How the humanitarian records are shown: personal fields decrypted for who may read them (the reads
// decide that in SQL before anything reaches here), times as ISO strings, withdrawals as one object.
import type { CaseView, ExchangeView, ListView } from "../../../contracts/humanitarian.ts";
import { unsealPersonal } from "../../platform/personal-data.ts";
import { openPerson } from "./person.ts";
import type { humCaseStatus, humCases, humExchanges, humLists } from "./schema.ts";

type Withdrawable = { withdrawnAt: Date | null; withdrawnBy: string | null; withdrawnReason: string | null };

export function presentWithdrawal(row: Withdrawable) {
  return row.withdrawnAt
    ? { at: row.withdrawnAt.toISOString(), by: row.withdrawnBy ?? "", reason: row.withdrawnReason ?? "" }
    : null;
}

/** A case with its personal fields opened. */
export function presentCase(row: typeof humCases.$inferSelect): CaseView {
  return {
    id: row.id,
    processId: row.processId,
    delegationId: row.delegationId,
    participantId: row.participantId,
    kind: row.kind,
    status: row.status,
    sharing: row.sharing,
    person: openPerson(row.personal, row.id),
    listEntryId: row.listEntryId,
    version: row.version,
    withdrawn: presentWithdrawal(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A step of a case's history, its evidence opened. */
export function presentStatusStep(row: typeof humCaseStatus.$inferSelect) {
  return {
    id: row.id,
    fromStatus: row.fromStatus,
    status: row.status,
    evidence: row.evidence ? unsealPersonal<string>(row.evidence, row.id) : null,
    exchangeId: row.exchangeId,
    byLabel: row.byLabel,
    at: row.at.toISOString(),
  };
}

/** A list's description (no personal data: its rows are read apart). */
export function presentList(row: typeof humLists.$inferSelect): ListView {
  return {
    id: row.id,
    processId: row.processId,
    delegationId: row.delegationId,
    participantId: row.participantId,
    sharing: row.sharing,
    title: row.title,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    rows: row.rows,
    imported: row.imported,
    rejected: row.rejected,
    submittedByLabel: row.submittedByLabel,
    withdrawn: presentWithdrawal(row),
    createdAt: row.createdAt.toISOString(),
  };
}

/** An exchange with its sides' agreed (or reported) counts and, for operations, people added and confirmed. */
export function presentExchange(
  row: typeof humExchanges.$inferSelect,
  people: { first: { added: number; confirmed: number }; second: { added: number; confirmed: number } },
  participantOf: (delegationId: string | null) => string | null = () => null,
): ExchangeView {
  return {
    id: row.id,
    processId: row.processId,
    kind: row.kind,
    state: row.state,
    sequence: row.sequence,
    title: row.title,
    on: row.on,
    dateNote: row.dateNote,
    place: row.place,
    intermediary: { participantId: row.intermediaryParticipantId, name: row.intermediaryName },
    guarantorParticipantIds: row.guarantorParticipantIds,
    ratio:
      row.firstReleases != null && row.secondReleases != null
        ? `${row.firstReleases} for ${row.secondReleases}`
        : null,
    first: {
      delegationId: row.firstDelegationId,
      participantId: participantOf(row.firstDelegationId),
      label: row.firstSideLabel,
      releases: row.firstReleases,
      ...people.first,
    },
    second: {
      delegationId: row.secondDelegationId,
      participantId: participantOf(row.secondDelegationId),
      label: row.secondSideLabel,
      releases: row.secondReleases,
      ...people.second,
    },
    sources: row.sources.map((source) => ({ url: source.url, title: source.title ?? null })),
    conflicts: row.conflicts.map((conflict) => ({ text: conflict.text, field: conflict.field ?? null })),
    note: row.note,
    completedAt: row.completedAt?.toISOString() ?? null,
    cancelled: row.cancelledAt
      ? { at: row.cancelledAt.toISOString(), reason: row.cancelledReason ?? "" }
      : null,
  };
}
