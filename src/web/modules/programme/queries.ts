// The programme pages' reads and writes. Every query key starts with "programme", so a live event refreshes them all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConsultationRequest,
  DelegationProgramme,
  ProgrammeView,
  RequestList,
  Session,
} from "../../../contracts/programme.ts";
import { api, apiRequest } from "../../shell/api.ts";

export type Programme = z.infer<typeof ProgrammeView> & { can: Record<string, boolean> };
export type SessionView = z.infer<typeof Session>;
export type Requests = z.infer<typeof RequestList>;
export type RequestView = z.infer<typeof ConsultationRequest>;
export type OwnProgramme = z.infer<typeof DelegationProgramme>;
export type Job = {
  id: string;
  state: string;
  progress: number;
  detail: Record<string, unknown>;
  error: { message: string } | null;
};

export const programmeKeys = {
  all: ["programme"] as const,
  round: (roundId: string) => ["programme", "round", roundId] as const,
  requests: (roundId: string) => ["programme", "requests", roundId] as const,
  delegation: (roundId: string, participantId: string) =>
    ["programme", "delegation", roundId, participantId] as const,
  job: (jobId: string) => ["programme", "job", jobId] as const,
};

export const apiPath = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

export function useProgramme(roundId: string) {
  return useQuery({
    queryKey: programmeKeys.round(roundId),
    queryFn: ({ signal }) => api.get<Programme>(apiPath("rounds", roundId, "programme"), { signal }),
  });
}

export function useRequests(roundId: string) {
  return useQuery({
    queryKey: programmeKeys.requests(roundId),
    queryFn: ({ signal }) =>
      api.get<Requests>(apiPath("rounds", roundId, "programme", "requests"), { signal }),
  });
}

export function useOwnProgramme(roundId: string, participantId: string) {
  return useQuery({
    queryKey: programmeKeys.delegation(roundId, participantId),
    queryFn: ({ signal }) =>
      api.get<OwnProgramme>(apiPath("rounds", roundId, "programme", "participants", participantId), {
        signal,
      }),
  });
}

/** The scheduler's job while it runs: refetched by its live progress events, and every second as a fallback. */
export function useJob(jobId: string | null | undefined, running: boolean) {
  return useQuery({
    queryKey: programmeKeys.job(jobId ?? "none"),
    enabled: Boolean(jobId),
    refetchInterval: running ? 1000 : false,
    queryFn: ({ signal }) => api.get<Job>(apiPath("jobs", jobId ?? ""), { signal }),
  });
}

/** A write under /api: the programme's answers are refetched afterwards, whatever the outcome. */
export function useProgrammeChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      method = "POST",
      path,
      body = {},
    }: {
      method?: "POST" | "PATCH" | "PUT";
      path: string;
      body?: unknown;
    }) => apiRequest<Record<string, unknown>>(method, path, body),
    onSettled: () => client.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

/** The round's dates, which the programme's days default to. */
export function useRoundDates(roundId: string) {
  return useQuery({
    queryKey: ["programme", "round-dates", roundId],
    queryFn: ({ signal }) =>
      api.get<{ startDate: string | null; endDate: string | null }>(apiPath("rounds", roundId), { signal }),
  });
}
