import { api, apiRequest } from "../../shell/api.ts";
import { apiPath, useApiQuery } from "../process/index.ts";
import { recordKey } from "./keys.ts";
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

export { recordKey } from "./keys.ts";

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
