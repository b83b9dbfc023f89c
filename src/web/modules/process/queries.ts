import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shell/api.ts";
import { useLiveEvents } from "../../shell/live-events.ts";
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

const path = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

export function useProcesses() {
  return useQuery({
    queryKey: processKeys.list(),
    queryFn: ({ signal }) => api.get<ProcessList>("/api/processes", { signal }),
  });
}

/** A process by its slug or id (the server accepts both). */
export function useProcess(ref: string) {
  return useQuery({
    queryKey: processKeys.detail(ref),
    queryFn: ({ signal }) => api.get<ProcessDetail>(path("processes", ref), { signal }),
  });
}

export function useProcessRounds(ref: string) {
  return useQuery({
    queryKey: processKeys.rounds(ref),
    queryFn: ({ signal }) => api.get<RoundList>(path("processes", ref, "rounds"), { signal }),
  });
}

export function useTimeline(ref: string) {
  return useQuery({
    queryKey: processKeys.timeline(ref),
    queryFn: ({ signal }) => api.get<Timeline>(path("processes", ref, "timeline"), { signal }),
  });
}

export function useAttendance(ref: string) {
  return useQuery({
    queryKey: processKeys.attendance(ref),
    queryFn: ({ signal }) => api.get<AttendanceMatrix>(path("processes", ref, "attendance"), { signal }),
  });
}

export function useProcessConflicts(ref: string) {
  return useQuery({
    queryKey: processKeys.conflicts(ref),
    queryFn: ({ signal }) => api.get<ProcessConflicts>(path("processes", ref, "conflicts"), { signal }),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: processKeys.round(id),
    queryFn: ({ signal }) => api.get<RoundDetail>(path("rounds", id), { signal }),
  });
}

export function useRoundDelegation(id: string) {
  return useQuery({
    queryKey: processKeys.delegation(id),
    queryFn: ({ signal }) => api.get<RoundDelegation>(path("round-delegations", id), { signal }),
  });
}

export function useParticipants() {
  return useQuery({
    queryKey: processKeys.participants(),
    queryFn: ({ signal }) => api.get<ParticipantList>("/api/participants", { signal }),
  });
}

export function useParticipant(ref: string) {
  return useQuery({
    queryKey: processKeys.participant(ref),
    queryFn: ({ signal }) => api.get<ParticipantDetail>(path("participants", ref), { signal }),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: processKeys.meeting(id),
    queryFn: ({ signal }) => api.get<Meeting>(path("meetings", id), { signal }),
  });
}

/** The sourced record (facts, citations by field, conflicts) of one subject and of its parts. */
export function useSubjectRecord(subjectType: string, subjectId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: processKeys.record(subjectType, subjectId ?? ""),
    queryFn: ({ signal }) => api.get<SubjectRecord>(path("record", subjectType, subjectId ?? ""), { signal }),
    enabled: enabled && Boolean(subjectId),
  });
}

export function useSource(id: string) {
  return useQuery({
    queryKey: processKeys.source(id),
    queryFn: ({ signal }) => api.get<SourceDetail>(path("sources", id), { signal }),
  });
}

/** The operations whose events change what these pages show (operation name = event type). */
export const processEventTypes = [
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
  "record.source.cite",
  "record.demo.load",
  "record.demo.reset",
  "record.conflict.record",
] as const;

/**
 * Keeps an open page current: when a round is announced or changed (or anything else these pages show),
 * every "process" query is marked stale and the ones on screen refetch. When the live stream (re)opens,
 * changes may have been missed, so answers older than a moment are refetched too (not the ones the page
 * has just loaded).
 */
export function useProcessLiveRefresh(): void {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: processKeys.all });
  const catchUp = () => {
    const moment = Date.now() - catchUpAfterMs;
    void client.invalidateQueries({
      queryKey: processKeys.all,
      predicate: (query) => query.state.dataUpdatedAt < moment,
    });
  };
  useLiveEvents(processEventTypes, refresh, { onReconnect: catchUp });
}

/** Answers younger than this are current enough when the live stream opens. */
const catchUpAfterMs = 3_000;
