// The humanitarian pages' reads and writes. Every query key starts with "humanitarian", so a live event
// refreshes them all; nothing here is kept longer than the page (the server audits every read of a person).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CaseCounts,
  CaseDetail,
  CaseList,
  ExchangeDetail,
  ExchangeList,
  ExchangeSides,
  ExchangeTimeline,
  ListDetail,
  ListImportReport,
  ListSummaries,
  ReviewProgress,
} from "../../../contracts/humanitarian.ts";
import type { ReviewQueue } from "../../../contracts/humanitarian-matching.ts";
import type { ProcessDetail } from "../../../contracts/process-views.ts";
import { ApiError, api, apiRequest } from "../../shell/api.ts";
import { i18n } from "../../shell/i18n.ts";

export type Queue = z.infer<typeof ReviewQueue>;
export type QueueItem = Queue["items"][number];
export type Report = z.infer<typeof ListImportReport>;
export type Job = { id: string; state: string; progress: number; error: { message: string } | null };

export const humKeys = {
  all: ["humanitarian"] as const,
  of: (...parts: string[]) => ["humanitarian", ...parts] as const,
};

export const apiPath = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

const get = <T>(key: readonly string[], path: string, query?: Record<string, string | number | undefined>) =>
  ({
    queryKey: [...key, JSON.stringify(query ?? {})],
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<T>(path, { signal, query }),
    placeholderData: keepPreviousData,
  }) as const;

/** The process (its id, names and roles: the sides, the intermediary, the guarantors). */
export const useProcess = (slug: string) =>
  useQuery({
    ...get<z.infer<typeof ProcessDetail>>(humKeys.of("process", slug), apiPath("processes", slug)),
    enabled: Boolean(slug),
  });

export const useLists = (slug: string, enabled = true) =>
  useQuery({
    ...get<z.infer<typeof ListSummaries>>(
      humKeys.of("lists", slug),
      apiPath("processes", slug, "humanitarian", "lists"),
    ),
    enabled,
  });

export const useList = (id: string, offset: number) =>
  useQuery(
    get<ListDetail>(humKeys.of("list", id), apiPath("humanitarian", "lists", id), { limit: 100, offset }),
  );

export const useCases = (slug: string, filters: Record<string, string | number | undefined>) =>
  useQuery(
    get<CaseList>(humKeys.of("cases", slug), apiPath("processes", slug, "humanitarian", "cases"), filters),
  );

export const useCase = (id: string) =>
  useQuery(get<CaseDetail>(humKeys.of("case", id), apiPath("humanitarian", "cases", id)));

export const useExchanges = (slug: string) =>
  useQuery(
    get<z.infer<typeof ExchangeList>>(
      humKeys.of("exchanges", slug),
      apiPath("processes", slug, "humanitarian", "exchanges"),
    ),
  );

/** The sides an exchange may name (ids only), for who plans exchanges. */
export const useExchangeSides = (slug: string, enabled: boolean) =>
  useQuery({
    ...get<z.infer<typeof ExchangeSides>>(
      humKeys.of("exchange-sides", slug),
      apiPath("processes", slug, "humanitarian", "exchange-sides"),
    ),
    enabled,
  });

export const useExchange = (id: string) =>
  useQuery(get<ExchangeDetail>(humKeys.of("exchange", id), apiPath("humanitarian", "exchanges", id)));

export const useCaseCounts = (slug: string, enabled = true) =>
  useQuery({
    ...get<CaseCounts>(
      humKeys.of("case-counts", slug),
      apiPath("processes", slug, "humanitarian", "case-counts"),
    ),
    enabled,
  });

export const useTimeline = (slug: string) =>
  useQuery(
    get<z.infer<typeof ExchangeTimeline>>(
      humKeys.of("timeline", slug),
      apiPath("processes", slug, "humanitarian", "exchange-timeline"),
    ),
  );

export const useReviewProgress = (slug: string, enabled = true) =>
  useQuery({
    ...get<z.infer<typeof ReviewProgress>>(
      humKeys.of("review-progress", slug),
      apiPath("processes", slug, "humanitarian", "review-progress"),
    ),
    enabled,
  });

/** The review queue; matching's routes take the process's id, not its slug. */
export const useReviewQueue = (processId: string, state: string) =>
  useQuery({
    ...get<Queue>(
      humKeys.of("queue", processId),
      apiPath("processes", processId, "humanitarian", "review-queue"),
      {
        state,
        limit: 200,
      },
    ),
    enabled: Boolean(processId),
  });

/** A background job while it runs: refetched by its live progress events, and every second as a fallback. */
export function useJob(jobId: string | null | undefined, running: boolean) {
  return useQuery({
    queryKey: humKeys.of("job", jobId ?? "none"),
    enabled: Boolean(jobId),
    refetchInterval: running ? 1000 : false,
    queryFn: ({ signal }) => api.get<Job>(apiPath("jobs", jobId ?? ""), { signal }),
  });
}

/** A JSON write under /api: the module's answers are refetched afterwards, whatever the outcome. */
export function useHumChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body = {} }: { path: string; body?: unknown }) =>
      apiRequest<Record<string, unknown>>("POST", path, body),
    onSettled: () => client.invalidateQueries({ queryKey: humKeys.all }),
  });
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Sends a list file as the request body (the server streams it), with the mapping and options in the
 * query: a preview unless `dryRun` is false. Failures become `ApiError`s like every other call.
 */
export async function uploadList(
  slug: string,
  file: File,
  query: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<Report> {
  const url = new URL(apiPath("processes", slug, "humanitarian", "lists"), window.location.origin);
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  const type = /\.xlsx$/i.test(file.name) ? xlsxType : "text/csv";
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": type, "accept-language": i18n.language || "en" },
      body: file,
      signal: signal ?? null,
    });
  } catch (error) {
    throw new ApiError(0, "network_error", (error as Error).message);
  }
  const body = (await response.json().catch(() => null)) as
    | (Report & { error?: { code?: string; message?: string; details?: unknown } })
    | null;
  if (!response.ok)
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? response.statusText,
      body?.error?.details ?? null,
    );
  return body as Report;
}
