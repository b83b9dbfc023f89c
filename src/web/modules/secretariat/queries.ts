import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, apiRequest } from "../../shell/api.ts";
import { useLiveEvents } from "../../shell/live-events.ts";
import { apiPath, coreRecordEventTypes, useApiQuery } from "../process/index.ts";
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

/** The shell's client with PATCH, which the record's edits use. */
export const recordApi = {
  ...api,
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, body),
};

export function useProcesses() {
  return useApiQuery<ProcessList>(keys.processes(), "/api/processes");
}

/** A process by id or slug (the API takes either). */
export function useProcess(ref: string) {
  return useApiQuery<ProcessDetail>(keys.process(ref), apiPath("processes", ref));
}

export function useRounds(processRef: string, enabled = true) {
  return useApiQuery<RoundList>(keys.rounds(processRef), apiPath("processes", processRef, "rounds"), {
    enabled,
  });
}

export function useRound(roundId: string) {
  return useApiQuery<RoundDetail>(keys.round(roundId), apiPath("rounds", roundId));
}

/**
 * A round's delegations. The events of another delegation's list (tier `delegation`) do not reach the
 * secretariat's stream, so while this is on screen it is also checked every few seconds.
 */
export function useRoundDelegations(roundId: string) {
  return useApiQuery<RoundDelegationList>(
    keys.delegations(roundId),
    apiPath("rounds", roundId, "delegations"),
    { refetchInterval: 15_000 },
  );
}

export function useRoundDelegation(id: string) {
  return useApiQuery<RoundDelegation>(keys.roundDelegation(id), apiPath("round-delegations", id));
}

export function useParticipantsList(roundId: string, order: PrecedenceOrder) {
  return useApiQuery<ParticipantsList>(
    keys.participantsList(roundId, order),
    apiPath("rounds", roundId, "participants-list"),
    {
      query: { order },
    },
  );
}

export function useParticipants() {
  return useApiQuery<ParticipantList>(keys.participants(), "/api/participants");
}

export function useMeetings(processRef: string) {
  return useApiQuery<MeetingList>(keys.meetings(processRef), apiPath("processes", processRef, "meetings"));
}

/** The events of the process record (core module) that change what these pages show. */
const recordEvents = ["core.process.create", ...coreRecordEventTypes];

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
