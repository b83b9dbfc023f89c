// The humanitarian module's exchanges (planned, named, confirmed, completed) and the aggregates its
// pictures draw. Re-exported by humanitarian.ts, which the server, the web app and the CLI import.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";
import { candidateStates, caseStatuses, exchangeKinds, exchangeStates } from "./humanitarian-enums.ts";
import { IsoDay, PersonFields, Withdrawal } from "./humanitarian-person.ts";

// ——— Exchanges ———

export const PlanExchangeInput = z.strictObject({
  on: IsoDay,
  place: PlainText(300),
  /** The neutral intermediary: a participant of the process (e.g. the ICRC), and/or its name. */
  intermediaryParticipantId: RecordRef.optional(),
  intermediaryName: PlainText(200).optional(),
  guarantorParticipantIds: z.array(RecordRef).max(10).default([]),
  /** The two sides: the first releases `firstReleases`, the second `secondReleases` (N for M). */
  firstDelegationId: RecordRef,
  secondDelegationId: RecordRef,
  firstReleases: z.int().min(1).max(10_000),
  secondReleases: z.int().min(1).max(10_000),
  note: PlainText(2000).optional(),
});
/** A person a side releases: a case, and the side releasing it (one of the exchange's two). */
export const AddExchangePersonInput = z.strictObject({
  caseId: RecordRef,
  releasingDelegationId: RecordRef,
});
export const CancelExchangeInput = z.strictObject({ reason: PlainText(2000, "Say why.") });

export const ExchangeSide = z.object({
  delegationId: z.string().nullable(),
  /** The side's participant (operations), to name it in the reader's language; null for the record's. */
  participantId: z.string().nullable(),
  /** The side's name as recorded (in English): the record's exchanges name their sides only so. */
  label: z.string().nullable(),
  /** Agreed (operation) or reported (aggregate; null when no source gives it). */
  releases: z.int().nullable(),
  /** People added and confirmed released by the intermediary (operations only). */
  added: z.int(),
  confirmed: z.int(),
});
export const ExchangeView = z.object({
  id: z.string(),
  processId: z.string(),
  kind: z.enum(exchangeKinds),
  state: z.enum(exchangeStates),
  sequence: z.int().nullable(),
  title: z.string().nullable(),
  on: z.string().nullable(),
  dateNote: z.string().nullable(),
  place: z.string().nullable(),
  intermediary: z.object({ participantId: z.string().nullable(), name: z.string().nullable() }),
  guarantorParticipantIds: z.array(z.string()),
  /** "N for M", from the two sides' releases (null when a count is unknown). */
  ratio: z.string().nullable(),
  first: ExchangeSide,
  second: ExchangeSide,
  sources: z.array(z.object({ url: z.string(), title: z.string().nullable().optional() })),
  conflicts: z.array(z.object({ text: z.string(), field: z.string().nullable().optional() })),
  note: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
});
export type ExchangeView = z.infer<typeof ExchangeView>;
export const ExchangePersonView = z.object({
  id: z.string(),
  caseId: z.string(),
  releasingDelegationId: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByLabel: z.string().nullable(),
  withdrawn: Withdrawal,
  /** The person, only for a reader of the case (its side, the intermediary, the working group if shared). */
  person: PersonFields.nullable(),
  caseStatus: z.enum(caseStatuses).nullable(),
});
export const ExchangeDetail = ExchangeView.extend({
  people: z.array(ExchangePersonView),
  can: z
    .object({ addPeople: z.boolean(), confirm: z.boolean(), complete: z.boolean(), cancel: z.boolean() })
    .optional(),
});
export type ExchangeDetail = z.infer<typeof ExchangeDetail>;
export const ExchangeList = z.object({ exchanges: z.array(ExchangeView) });
/** The sides an exchange may name: the process's parties today and their standing delegations. */
export const ExchangeSides = z.object({
  sides: z.array(z.object({ participantId: z.string(), delegationId: z.string() })),
});

// ——— Pictures (aggregates only) ———

/** Cases by side and status now, and status changes by month: over the cases the reader may read. */
export const CaseCounts = z.object({
  current: z.array(z.object({ delegationId: z.string(), status: z.enum(caseStatuses), count: z.int() })),
  byMonth: z.array(
    z.object({
      month: z.string(),
      delegationId: z.string(),
      status: z.enum(caseStatuses),
      count: z.int(),
    }),
  ),
});
export type CaseCounts = z.infer<typeof CaseCounts>;
/** The exchanges on a time line: dates and counts only (public aggregates for the public). */
export const ExchangeTimeline = z.object({
  exchanges: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(exchangeKinds),
      state: z.enum(exchangeStates),
      on: z.string().nullable(),
      dateNote: z.string().nullable(),
      place: z.string().nullable(),
      firstReleases: z.int().nullable(),
      secondReleases: z.int().nullable(),
      sources: z.int(),
      conflicts: z.int(),
    }),
  ),
});
/** The review queue's progress: candidates by state (the intermediary's; zeros for anyone else). */
export const ReviewProgress = z.object({
  runs: z.int(),
  candidates: z.object(
    Object.fromEntries(candidateStates.map((s) => [s, z.int()])) as {
      [K in (typeof candidateStates)[number]]: z.ZodInt;
    },
  ),
});
