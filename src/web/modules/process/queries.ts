import { type QueryKey, useQuery } from "@tanstack/react-query";
import { api } from "../../shell/api.ts";
import type {
  AttendanceMatrix,
  Meeting,
  ParticipantDetail,
  ParticipantList,
  ProcessConflicts,
  ProcessDetail,
  ProcessList,
  RoundDelegation,
  RoundDetail,
  RoundList,
  SourceDetail,
  SubjectRecord,
  Timeline,
} from "./types.ts";

/** Every query of these pages starts with "process", so a live change refreshes them all at once. */
export const processKeys = {
  all: ["process"] as const,
  list: () => ["process", "list"] as const,
  detail: (ref: string) => ["process", "detail", ref] as const,
  rounds: (ref: string) => ["process", "rounds", ref] as const,
  timeline: (ref: string) => ["process", "timeline", ref] as const,
  attendance: (ref: string) => ["process", "attendance", ref] as const,
  conflicts: (ref: string) => ["process", "conflicts", ref] as const,
  round: (id: string) => ["process", "round", id] as const,
  delegation: (id: string) => ["process", "delegation", id] as const,
  participants: () => ["process", "participants"] as const,
  participant: (ref: string) => ["process", "participant", ref] as const,
  meeting: (id: string) => ["process", "meeting", id] as const,
  record: (subjectType: string, subjectId: string) => ["process", "record", subjectType, subjectId] as const,
  source: (id: string) => ["process", "source", id] as const,
};

/** The API address of a resource, each part encoded (a slug or id may hold any character). */
export const apiPath = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

type ApiQueryOptions = {
  enabled?: boolean;
  refetchInterval?: number;
  query?: Record<string, string | number | undefined>;
};

/** A GET of the API cached under `queryKey`: what every page's read is, so each hook names only its key and address. */
export function useApiQuery<T>(
  queryKey: QueryKey,
  path: string,
  { query, ...options }: ApiQueryOptions = {},
) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<T>(path, { signal, query }),
    ...options,
  });
}

export function useProcesses() {
  return useApiQuery<ProcessList>(processKeys.list(), "/api/processes");
}

/** A process by its slug or id (the server accepts both). */
export function useProcess(ref: string) {
  return useApiQuery<ProcessDetail>(processKeys.detail(ref), apiPath("processes", ref));
}

export function useProcessRounds(ref: string) {
  return useApiQuery<RoundList>(processKeys.rounds(ref), apiPath("processes", ref, "rounds"));
}

export function useTimeline(ref: string) {
  return useApiQuery<Timeline>(processKeys.timeline(ref), apiPath("processes", ref, "timeline"));
}

export function useAttendance(ref: string) {
  return useApiQuery<AttendanceMatrix>(processKeys.attendance(ref), apiPath("processes", ref, "attendance"));
}

export function useProcessConflicts(ref: string) {
  return useApiQuery<ProcessConflicts>(processKeys.conflicts(ref), apiPath("processes", ref, "conflicts"));
}

export function useRound(id: string) {
  return useApiQuery<RoundDetail>(processKeys.round(id), apiPath("rounds", id));
}

export function useRoundDelegation(id: string) {
  return useApiQuery<RoundDelegation>(processKeys.delegation(id), apiPath("round-delegations", id));
}

export function useParticipants() {
  return useApiQuery<ParticipantList>(processKeys.participants(), "/api/participants");
}

export function useParticipant(ref: string) {
  return useApiQuery<ParticipantDetail>(processKeys.participant(ref), apiPath("participants", ref));
}

export function useMeeting(id: string) {
  return useApiQuery<Meeting>(processKeys.meeting(id), apiPath("meetings", id));
}

/** The sourced record (facts, citations by field, conflicts) of one subject and of its parts. */
export function useSubjectRecord(subjectType: string, subjectId: string | undefined, enabled = true) {
  return useApiQuery<SubjectRecord>(
    processKeys.record(subjectType, subjectId ?? ""),
    apiPath("record", subjectType, subjectId ?? ""),
    { enabled: enabled && Boolean(subjectId) },
  );
}

export function useSource(id: string) {
  return useApiQuery<SourceDetail>(processKeys.source(id), apiPath("sources", id));
}
