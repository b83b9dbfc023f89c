// The scheduler's input and output: plain data, no database. Times are whole slots counted from the
// start of each day (the module turns slots into clock times with the round's slot length); a range
// [start, end) holds the slots start … end − 1.

/** A half-open range of slots within one day. */
export type SlotRange = { start: number; end: number };

/** A day of the round: how many slots it has, and the breaks when no meeting may run. */
export type SchedulerDay = { id: string; slots: number; breaks?: SlotRange[] };

/** A room of the venue; `days` lists the days it can be used (every day when absent). */
export type SchedulerRoom = { id: string; capacity: number; equipment?: string[]; days?: string[] };

/** A moment of the round: a day and a slot of it. */
export type SlotPoint = { day: string; slot: number };

/**
 * A delegation: how many teams it can field at once (a team sits in one meeting at a time) and how many
 * people a team brings into a room; it can meet from its arrival to its departure.
 */
export type SchedulerDelegation = {
  id: string;
  teams: number;
  teamSize: number;
  arrival?: SlotPoint;
  departure?: SlotPoint;
};

/** How much a delegation wants a meeting, as matchmaking tools ask it. */
export type Preference = "must" | "would-like" | "not-needed";

export type RequestState = "accepted" | "pending" | "declined";

/** A consultation request: the requester asks to meet the invitees for `durationSlots`. */
export type SchedulerRequest = {
  id: string;
  requester: string;
  invitees: string[];
  durationSlots: number;
  /** The requester's preference. */
  preference: Preference;
  /** The invitees' own preferences, where they stated one. */
  inviteePreferences?: Record<string, Preference>;
  /** A soft wish: met, it adds `weights.preferredBonus` to the objective. */
  preferred?: { day?: string; from?: number; to?: number };
  equipment?: string[];
  state: RequestState;
};

/**
 * A session placed by the secretariat, not by the scheduler (plenary, press conference, reception):
 * it blocks every team of its participants and its room. `after` names sessions that must end before
 * it starts; `closesConsultations` means every consultation of its day ends by its start (the plenary
 * of day 2 comes after the consultations of day 2).
 */
export type FixedSession = {
  id: string;
  kind: string;
  day: string;
  start: number;
  durationSlots: number;
  room?: string;
  participants: string[];
  after?: string[];
  closesConsultations?: boolean;
};

/** Where a request's meeting sits: the scheduler's unit of output, and the form of a lock. */
export type MeetingPlace = { requestId: string; day: string; start: number; room: string };

/** The weights of the objective; every one can be tuned by the secretariat. */
export type ObjectiveWeights = {
  must: number;
  wouldLike: number;
  notNeeded: number;
  /** Added when a meeting lands on its preferred day and time. */
  preferredBonus: number;
  /** Multiplies the smallest share of its wished weight that any delegation obtains (max-min fairness). */
  fairness: number;
  /** Subtracted for every earlier meeting a re-solve moves or drops (minimum change). */
  move: number;
};

export const defaultWeights: ObjectiveWeights = {
  must: 10,
  wouldLike: 4,
  notNeeded: 1,
  preferredBonus: 1,
  fairness: 10,
  move: 3,
};

export type SchedulerInstance = {
  days: SchedulerDay[];
  rooms: SchedulerRoom[];
  delegations: SchedulerDelegation[];
  requests: SchedulerRequest[];
  fixedSessions?: FixedSession[];
  /** Meetings the secretariat locked: never moved. */
  locked?: MeetingPlace[];
  /** Slots a team needs between two of its meetings. */
  minGapSlots?: number;
  weights?: Partial<ObjectiveWeights>;
};

/** A placed meeting with the team each delegation sends (teams numbered from 1). */
export type PlacedMeeting = MeetingPlace & { teams: Record<string, number> };

export type UnplacedCode =
  | "not_accepted"
  | "outside_stay"
  | "no_room_fits"
  | "no_time_window"
  | "rooms_full"
  | "delegation_busy";

/** Why a request has no meeting: the constraint, and the delegations it concerns. */
export type UnplacedReason = { code: UnplacedCode; message: string; delegations: string[] };

export type UnplacedRequest = { requestId: string; reason: UnplacedReason };

/** The objective of a schedule, term by term. */
export type ObjectiveBreakdown = {
  total: number;
  weightMet: number;
  preferredBonus: number;
  /** The smallest share (0…1) of its wished weight any delegation obtained. */
  minShare: number;
  fairness: number;
  movePenalty: number;
};

export type SchedulerSolution = {
  meetings: PlacedMeeting[];
  unplaced: UnplacedRequest[];
  objective: ObjectiveBreakdown;
  /** For a re-solve: requests whose earlier meeting changed place (moved) or was dropped. */
  moved: string[];
  dropped: string[];
  /** `bestFoundMs`: when the returned schedule was first reached, from the start of the solve. */
  stats: { iterations: number; elapsedMs: number; improvements: number; bestFoundMs: number };
};

export type SchedulerProgress = { fraction: number; bestObjective: number; placed: number };

export type SolveOptions = {
  /** Wall-clock budget in milliseconds; the best schedule found is returned when it ends. */
  budgetMs?: number;
  seed?: number;
  onProgress?: (progress: SchedulerProgress) => void;
  /** Called between iterations: returning true stops the search early (a cancelled job). */
  shouldStop?: () => boolean;
  /** A re-solve: the earlier schedule; meetings keep their place unless moving one pays. */
  previous?: MeetingPlace[];
  /** Requests whose earlier meeting is published: kept where they are, like locks. */
  published?: string[];
};
