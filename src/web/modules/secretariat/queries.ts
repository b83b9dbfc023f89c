import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, apiRequest } from "../../shell/api.ts";
import { useLiveEvents } from "../../shell/live-events.ts";
import type {
  MeetingList,
  ParticipantList,
  ParticipantsList,
  PrecedenceOrder,
  ProcessDetail,
  ProcessList,
  RoundDelegation,
  RoundDelegationList,
  RoundDetail,
  RoundList,
} from "./types.ts";

/** Every cached answer of these pages sits under this key, so one invalidation refreshes them all. */
export const recordKey = ["secretariat"] as const;

export const keys = {
  processes: () => [...recordKey, "processes"] as const,
  process: (ref: string) => [...recordKey, "process", ref] as const,
  rounds: (processRef: string) => [...recordKey, "rounds", processRef] as const,
  round: (roundId: string) => [...recordKey, "round", roundId] as const,
  delegations: (roundId: string) => [...recordKey, "delegations", roundId] as const,
  roundDelegation: (id: string) => [...recordKey, "round-delegation", id] as const,
  participantsList: (roundId: string, order: PrecedenceOrder) =>
    [...recordKey, "participants-list", roundId, order] as const,
  participants: () => [...recordKey, "participants"] as const,
  meetings: (processRef: string) => [...recordKey, "meetings", processRef] as const,
};

const enc = encodeURIComponent;

/** The shell's client with PATCH, which the record's edits use. */
export const recordApi = {
  ...api,
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, body),
};

export function useProcesses() {
  return useQuery({
    queryKey: keys.processes(),
    queryFn: ({ signal }) => api.get<ProcessList>("/api/processes", { signal }),
  });
}

/** A process by id or slug (the API takes either). */
export function useProcess(ref: string) {
  return useQuery({
    queryKey: keys.process(ref),
    queryFn: ({ signal }) => api.get<ProcessDetail>(`/api/processes/${enc(ref)}`, { signal }),
  });
}

export function useRounds(processRef: string, enabled = true) {
  return useQuery({
    queryKey: keys.rounds(processRef),
    queryFn: ({ signal }) => api.get<RoundList>(`/api/processes/${enc(processRef)}/rounds`, { signal }),
    enabled,
  });
}

export function useRound(roundId: string) {
  return useQuery({
    queryKey: keys.round(roundId),
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/rounds/${enc(roundId)}`, { signal }),
  });
}

/**
 * A round's delegations. The events of another delegation's list (tier `delegation`) do not reach the
 * secretariat's stream, so while this is on screen it is also checked every few seconds.
 */
export function useRoundDelegations(roundId: string) {
  return useQuery({
    queryKey: keys.delegations(roundId),
    queryFn: ({ signal }) =>
      api.get<RoundDelegationList>(`/api/rounds/${enc(roundId)}/delegations`, { signal }),
    refetchInterval: 15_000,
  });
}

export function useRoundDelegation(id: string) {
  return useQuery({
    queryKey: keys.roundDelegation(id),
    queryFn: ({ signal }) => api.get<RoundDelegation>(`/api/round-delegations/${enc(id)}`, { signal }),
  });
}

export function useParticipantsList(roundId: string, order: PrecedenceOrder) {
  return useQuery({
    queryKey: keys.participantsList(roundId, order),
    queryFn: ({ signal }) =>
      api.get<ParticipantsList>(`/api/rounds/${enc(roundId)}/participants-list`, {
        signal,
        query: { order },
      }),
  });
}

export function useParticipants() {
  return useQuery({
    queryKey: keys.participants(),
    queryFn: ({ signal }) => api.get<ParticipantList>("/api/participants", { signal }),
  });
}

export function useMeetings(processRef: string) {
  return useQuery({
    queryKey: keys.meetings(processRef),
    queryFn: ({ signal }) => api.get<MeetingList>(`/api/processes/${enc(processRef)}/meetings`, { signal }),
  });
}

/** The events of the process record (core module) that change what these pages show. */
const recordEvents = [
  "core.process.create",
  "core.process.update",
  "core.process.launch",
  "core.process.suspend",
  "core.process.conclude",
  "core.process.resume",
  "core.participant.create",
  "core.participant.update",
  "core.role.assign",
  "core.role-change.record",
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
];

/**
 * Keeps the record on screen current while a colleague (or the delegation) changes it: any change
 * refetches what is shown. Forms keep the values being typed; a save based on an older version is
 * then refused by the server with "changed by someone else".
 */
export function useRecordLiveRefresh(): () => void {
  const client = useQueryClient();
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: recordKey }), [client]);
  useLiveEvents(recordEvents, refresh, { onReconnect: refresh });
  return refresh;
}
