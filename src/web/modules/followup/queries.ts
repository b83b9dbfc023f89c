// The follow-up pages' reads and writes. Every query key starts with "followup", so a live event refreshes them all.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  CommitmentDetail,
  CommitmentList,
  CommitmentView,
  ImportJob,
  ImportReport,
  IncidentDetail,
  IncidentList,
  IncidentView,
  MonthCounts,
  SinceLastRoundReport,
  ZoneDetail,
  ZoneList,
  ZoneView,
} from "../../../contracts/followup.ts";
import type { LocalizedText } from "../../../contracts/localize.ts";
import { ApiError, api, apiRequest } from "../../shell/api.ts";

export type Zone = z.infer<typeof ZoneView>;
export type Zones = z.infer<typeof ZoneList>;
export type ZoneFull = z.infer<typeof ZoneDetail>;
export type Incident = z.infer<typeof IncidentView>;
export type Incidents = z.infer<typeof IncidentList>;
export type IncidentFull = z.infer<typeof IncidentDetail>;
export type Commitment = z.infer<typeof CommitmentView>;
export type CommitmentFull = z.infer<typeof CommitmentDetail>;
export type Commitments = z.infer<typeof CommitmentList>;
export type Months = z.infer<typeof MonthCounts>;
export type Report = z.infer<typeof SinceLastRoundReport>;
export type ImportJobView = z.infer<typeof ImportJob>;
export type { ImportReport };

export const followupKeys = {
  all: ["followup"] as const,
  zones: (process: string) => ["followup", "zones", process] as const,
  zone: (id: string) => ["followup", "zone", id] as const,
  incidents: (process: string, from: string, to: string, zoneId: string | null = null) =>
    ["followup", "incidents", process, from, to, zoneId] as const,
  incident: (id: string) => ["followup", "incident", id] as const,
  months: (process: string) => ["followup", "months", process] as const,
  commitments: (process: string) => ["followup", "commitments", process] as const,
  commitment: (id: string) => ["followup", "commitment", id] as const,
  report: (roundId: string) => ["followup", "report", roundId] as const,
  /** Import jobs: refreshed by the platform's job events, which the rest of the pages do not need. */
  importJobs: ["followup-import"] as const,
  importJob: (jobId: string) => ["followup-import", jobId] as const,
};

export const apiPath = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

export function useZones(process: string) {
  return useQuery({
    queryKey: followupKeys.zones(process),
    queryFn: ({ signal }) => api.get<Zones>(apiPath("processes", process, "zones"), { signal }),
  });
}

/** One zone with its history, sources and the conflicts between sources about it. */
export function useZone(id: string) {
  return useQuery({
    queryKey: followupKeys.zone(id),
    queryFn: ({ signal }) => api.get<ZoneFull>(apiPath("zones", id), { signal }),
  });
}

/**
 * The incidents of a period the reader may see (the map's month), at most a thousand, as points: without
 * the reports' texts (`fields=map`, a third of the bytes); the list reads one's texts when it is opened.
 */
/** A month's incidents for the map, of one zone when `zoneId` is given. */
export function useIncidents(process: string, from: string, to: string, zoneId: string | null = null) {
  return useQuery({
    queryKey: followupKeys.incidents(process, from, to, zoneId),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<Incidents>(apiPath("processes", process, "incidents"), {
        signal,
        query: { from, to, limit: 1000, fields: "map", ...(zoneId ? { zoneId } : {}) },
      }),
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: followupKeys.incident(id),
    queryFn: ({ signal }) => api.get<IncidentFull>(apiPath("incidents", id), { signal }),
  });
}

export function useMonthCounts(process: string) {
  return useQuery({
    queryKey: followupKeys.months(process),
    queryFn: ({ signal }) =>
      api.get<Months>(apiPath("processes", process, "incidents", "by-month"), { signal }),
  });
}

export function useCommitments(process: string) {
  return useQuery({
    queryKey: followupKeys.commitments(process),
    queryFn: ({ signal }) => api.get<Commitments>(apiPath("processes", process, "commitments"), { signal }),
  });
}

export function useCommitment(id: string) {
  return useQuery({
    queryKey: followupKeys.commitment(id),
    queryFn: ({ signal }) => api.get<CommitmentFull>(apiPath("commitments", id), { signal }),
  });
}

/** The participants (states, parties, organizations) by id, for naming who answers for a commitment. */
export function useParticipantNames() {
  const { i18n } = useTranslation();
  return useQuery({
    // The names come in the reader's language (Accept-Language): one answer per language.
    queryKey: ["followup", "participants", i18n.language],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; localized?: { name?: LocalizedText } | null }[] }>(
        "/api/participants",
        { signal },
      ),
    staleTime: 60_000,
  });
}

export function useReport(roundId: string) {
  return useQuery({
    queryKey: followupKeys.report(roundId),
    queryFn: ({ signal }) => api.get<Report>(apiPath("rounds", roundId, "followup-report"), { signal }),
  });
}

/** A write under /api: the follow-up's answers are refetched afterwards, whatever the outcome. */
export function useFollowupChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body = {} }: { path: string; body?: unknown }) =>
      apiRequest<{ id: string }>("POST", path, body),
    onSettled: () => client.invalidateQueries({ queryKey: followupKeys.all }),
  });
}

/**
 * Starts an ACLED import as a background job: the file itself is the text/csv body, streamed; the server
 * answers 202 with the job's id at once (a dry run writes nothing; `dryRun: false` imports the valid rows).
 * A refused file (413, not UTF-8, no ACLED columns) is refused here, before any job starts.
 */
export function useStartImport(process: string) {
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const response = await fetch(
        `${apiPath("processes", process, "incidents", "imports")}?dryRun=${dryRun}`,
        { method: "POST", headers: { "content-type": "text/csv" }, body: file, credentials: "same-origin" },
      );
      if (!response.ok) throw await errorOf(response);
      return (await response.json()) as { jobId: string };
    },
  });
}

/** Whether an import job is still to finish (queued or running). */
export const importRunning = (job: ImportJobView | undefined) =>
  !job || job.job.state === "queued" || job.job.state === "running";

/**
 * An import job: its progress while it runs (refetched by the live `platform.job.*` events, and every
 * second as a fallback should the stream be down), then its report. The imported rows refresh the other
 * pages through the import's own live event.
 */
export function useImportJob(jobId: string | null) {
  return useQuery<ImportJobView>({
    queryKey: followupKeys.importJob(jobId ?? "none"),
    enabled: Boolean(jobId),
    refetchInterval: (query) => (importRunning(query.state.data) ? 1000 : false),
    queryFn: ({ signal }) => api.get<ImportJobView>(apiPath("followup-imports", jobId ?? ""), { signal }),
  });
}

/** Cancels a running job (the platform's route): its work is discarded; the job's page then shows it stopped. */
export function useCancelJob(jobId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ jobId: string }>(apiPath("jobs", jobId ?? "", "cancel")),
    onSettled: () => client.invalidateQueries({ queryKey: followupKeys.importJob(jobId ?? "none") }),
  });
}

/** Posts a CSV file as the body (text/csv) and answers the JSON reply, or throws the server's error. */
export async function sendCsv<T>(path: string, file: File | null): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
    credentials: "same-origin",
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

async function errorOf(response: Response) {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  return new ApiError(
    response.status,
    body?.error?.code ?? `http_${response.status}`,
    body?.error?.message ?? response.statusText,
    body?.error?.details ?? null,
  );
}

/** The process the pages are about, by slug or id: its id, slug and name in the reader's language. */
export function useProcessRef(process: string) {
  return useQuery({
    queryKey: ["followup", "process", process],
    queryFn: ({ signal }) =>
      api.get<{ id: string; slug: string; name: string }>(apiPath("processes", process), { signal }),
  });
}
