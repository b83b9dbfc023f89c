// The contracts of a round's programme (the programme module): venue rooms, the agenda, sessions,
// consultation requests and their answers, delegations' stays, the scheduler's runs; shared by server,
// web and CLI.
import { z } from "zod";
import { PlainText, RecordRef } from "./common.ts";

export const sessionKinds = [
  "bilateral",
  "trilateral",
  "multilateral",
  "plenary",
  "press_conference",
  "working_group",
  "ministerial",
  "reception",
  "break",
] as const;
export type SessionKind = (typeof sessionKinds)[number];
/** Kinds the scheduler places from consultation requests; the others the secretariat places itself. */
export const consultationKinds: readonly SessionKind[] = ["bilateral", "trilateral", "multilateral"];

/** Who sees a session: its own participants (and the secretariat), every delegation of the process, or anyone. */
export const sessionTiers = ["closed", "process", "public"] as const;
export type SessionTier = (typeof sessionTiers)[number];
export const preferences = ["must", "would-like", "not-needed"] as const;
export type Preference = (typeof preferences)[number];
export const requestStates = ["pending", "accepted", "declined", "withdrawn"] as const;
export type RequestState = (typeof requestStates)[number];
export const answers = ["pending", "accepted", "declined"] as const;
export type Answer = (typeof answers)[number];
export const programmeStatuses = ["draft", "provisional", "published"] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];
export const languageCodes = ["en", "ru", "ar", "tr", "fa", "kk"] as const;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time of day as HH:MM.");
const day = z.iso.date();
/** A moment with its offset from UTC, as the venue's clocks show it: 2025-05-20T09:00:00+05:00. */
const moment = z.iso.datetime({ offset: true });
const utcOffset = z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, "An offset from UTC as +HH:MM.");

export const ClockRange = z.strictObject({ from: clock, to: clock });
export const ProgrammeDay = z.strictObject({
  date: day,
  from: clock,
  to: clock,
  breaks: z.array(ClockRange).max(10).default([]),
});
export const Weights = z.strictObject({
  must: z.number().min(0).max(1000).optional(),
  wouldLike: z.number().min(0).max(1000).optional(),
  notNeeded: z.number().min(0).max(1000).optional(),
  preferredBonus: z.number().min(0).max(1000).optional(),
  fairness: z.number().min(0).max(1000).optional(),
  move: z.number().min(0).max(1000).optional(),
});

export const ConfigureInput = z.strictObject({
  utcOffset: utcOffset.default("+05:00"),
  slotMinutes: z.int().min(5).max(120).default(30),
  minGapMinutes: z.int().min(0).max(240).default(0),
  days: z.array(ProgrammeDay).min(1).max(14),
  weights: Weights.default({}),
});

export const RoomInput = z.strictObject({
  name: PlainText(200),
  capacity: z.int().min(1).max(10_000),
  equipment: z.array(PlainText(60)).max(20).default([]),
});

/** A short stable name of an agenda subject (`detainees`), the same in every round that takes it up. */
const agendaKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters and digits joined by hyphens: detainees.")
  .max(60);
export const AgendaItemInput = z.strictObject({
  title: PlainText(500),
  key: agendaKey.nullable().optional(),
  position: z.int().min(0).max(1000).optional(),
  documentIds: z.array(RecordRef).max(50).optional(),
});
export const AgendaItemUpdate = AgendaItemInput.partial();

export const StayInput = z.strictObject({
  participantId: RecordRef,
  arrivesAt: moment.optional(),
  departsAt: moment.optional(),
  teams: z.int().min(1).max(10).default(1),
  teamSize: z.int().min(1).max(100).default(3),
});

export const FileRequestInput = z.strictObject({
  /** The delegation asking; a delegation with one seat in the process may leave it out. */
  requesterId: RecordRef.optional(),
  inviteeIds: z.array(RecordRef).min(1).max(20),
  durationMinutes: z.int().min(5).max(480),
  preference: z.enum(preferences).default("would-like"),
  preferredDay: day.optional(),
  preferredFrom: clock.optional(),
  preferredTo: clock.optional(),
  note: PlainText(1000).optional(),
});

export const AnswerRequestInput = z.strictObject({
  answer: z.enum(["accepted", "declined"]),
  preference: z.enum(preferences).optional(),
  /** The invited delegation answering, when the caller speaks for several (or is the secretariat). */
  asParticipantId: RecordRef.optional(),
});

const sessionFields = {
  kind: z.enum(sessionKinds),
  title: PlainText(300),
  startsAt: moment,
  endsAt: moment,
  roomId: RecordRef.nullable().optional(),
  participantIds: z.array(RecordRef).max(100).optional(),
  tier: z.enum(sessionTiers).optional(),
  languages: z.array(z.enum(languageCodes)).max(6).default(["en", "ru", "ar"]),
  agendaItemIds: z.array(RecordRef).max(50).default([]),
  locked: z.boolean().default(false),
};
export const CreateSessionInput = z.strictObject(sessionFields);
export const UpdateSessionInput = z.strictObject({
  title: sessionFields.title.optional(),
  startsAt: moment.optional(),
  endsAt: moment.optional(),
  roomId: RecordRef.nullable().optional(),
  tier: sessionFields.tier,
  languages: z.array(z.enum(languageCodes)).max(6).optional(),
  agendaItemIds: z.array(RecordRef).max(50).optional(),
  /** The session's `updatedAt` as the caller saw it: a change made since is not overwritten (409). */
  expectedUpdatedAt: z.iso.datetime({ offset: true }).optional(),
});
export const LockInput = z.strictObject({ locked: z.boolean() });
export const SwapInput = z.strictObject({
  sessionIds: z.array(RecordRef).length(2, "Name exactly two sessions."),
});
export const RunScheduleInput = z.strictObject({
  budgetSeconds: z.number().positive().max(300).default(10),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
export const EmptyInput = z.strictObject({});

// Answers.
const ParticipantRef = z.object({
  id: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string().optional()),
});
export const Room = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number(),
  equipment: z.array(z.string()),
});
/** The same agenda subject in another round, as far as the reader may see that round. */
export const AgendaItemElsewhere = z.object({
  roundId: z.string(),
  roundNumber: z.number(),
  itemId: z.string(),
  title: z.string(),
});
export const AgendaItem = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  key: z.string().nullable(),
  status: z.enum(["proposed", "adopted"]),
  documentIds: z.array(z.string()),
  /** The negotiated texts under the item the reader may see. */
  documents: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  sessionIds: z.array(z.string()),
  /** The commitments that come from its texts (the follow-up module's), those the reader may see. */
  commitments: z.array(
    z.object({
      id: z.string(),
      what: z.string(),
      documentId: z.string(),
      category: z.string(),
      status: z.string(),
    }),
  ),
  /** The same subject in the nearest earlier and later rounds that took it up. */
  previous: AgendaItemElsewhere.nullable(),
  next: AgendaItemElsewhere.nullable(),
});
export const Session = z.object({
  id: z.string(),
  kind: z.enum(sessionKinds),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  day: z.string(),
  room: Room.nullable(),
  participants: z.array(ParticipantRef),
  tier: z.enum(sessionTiers),
  languages: z.array(z.string()),
  agendaItemIds: z.array(z.string()),
  locked: z.boolean(),
  state: z.enum(["provisional", "published"]),
  requestId: z.string().nullable(),
  teams: z.record(z.string(), z.number()),
  /** The version a change names back (`expectedUpdatedAt`) so it never overwrites an unseen one. */
  updatedAt: z.string(),
});
export const Unplaced = z.object({
  requestId: z.string(),
  code: z.string(),
  message: z.string(),
  delegations: z.array(z.string()),
});
export const RunSummary = z.object({
  jobId: z.string(),
  state: z.string(),
  placed: z.number().optional(),
  moved: z.number().optional(),
  dropped: z.number().optional(),
  objective: z.number().optional(),
  unplaced: z.array(Unplaced).optional(),
  finishedAt: z.string().nullable().optional(),
});
export const ProgrammeView = z.object({
  roundId: z.string(),
  processId: z.string(),
  status: z.enum(programmeStatuses),
  utcOffset: z.string(),
  slotMinutes: z.number(),
  minGapMinutes: z.number(),
  days: z.array(
    z.object({ date: z.string(), from: z.string(), to: z.string(), breaks: z.array(ClockRange) }),
  ),
  weights: z.record(z.string(), z.number()),
  rooms: z.array(Room),
  sessions: z.array(Session),
  agenda: z.array(AgendaItem),
  agendaAdopted: z.boolean(),
  lastRun: RunSummary.nullable(),
  can: z.record(z.string(), z.boolean()).optional(),
});
export const DelegationProgramme = z.object({
  roundId: z.string(),
  participant: ParticipantRef,
  sessions: z.array(Session),
});
export const ConsultationRequest = z.object({
  id: z.string(),
  requester: ParticipantRef,
  invitees: z.array(
    ParticipantRef.extend({ answer: z.enum(answers), preference: z.enum(preferences).nullable() }),
  ),
  durationMinutes: z.number(),
  preference: z.enum(preferences),
  preferredDay: z.string().nullable(),
  preferredFrom: z.string().nullable(),
  preferredTo: z.string().nullable(),
  note: z.string().nullable(),
  state: z.enum(requestStates),
  sessionId: z.string().nullable(),
  unplaced: Unplaced.nullable(),
  can: z.object({ answerAs: z.array(z.string()), withdraw: z.boolean() }),
});
export const RequestList = z.object({
  roundId: z.string(),
  items: z.array(ConsultationRequest),
  stays: z.array(
    z.object({
      participant: ParticipantRef,
      arrivesAt: z.string().nullable(),
      departsAt: z.string().nullable(),
      teams: z.number(),
      teamSize: z.number(),
    }),
  ),
  /** The accredited delegations the caller may file for, and those it may invite. */
  fileAs: z.array(ParticipantRef),
  delegations: z.array(ParticipantRef),
});
export const Created = z.object({ id: z.string() });
export const Changed = z.object({ id: z.string(), warnings: z.array(z.string()).optional() });
export const StartedJob = z.object({ jobId: z.string() });
export const Published = z.object({ published: z.number() });
