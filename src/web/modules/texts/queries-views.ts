// The reads and writes of the texts' views: the redline, the four columns, parallel languages. Keys start
// with "texts", so the texts' live events refresh them too.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FourColumnView, RedlineView, TranslationsView } from "../../../contracts/texts-views.ts";
import { api } from "../../shell/api.ts";
import { textsKeys } from "./queries.ts";

export type { FourColumnView, RedlineView, TranslationsView };

const path = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

export const viewKeys = {
  redline: (id: string, from: string, to: string) => ["texts", "redline", id, from, to] as const,
  fourColumn: (id: string) => ["texts", "four-column", id] as const,
  translations: (id: string, language: string) => ["texts", "translations", id, language] as const,
};

export function useRedline(id: string, from: string, to: string) {
  return useQuery({
    queryKey: viewKeys.redline(id, from, to),
    queryFn: ({ signal }) =>
      api.get<RedlineView>(`${path("texts", id, "redline")}?${new URLSearchParams({ from, to })}`, {
        signal,
      }),
    enabled: from !== "",
  });
}

export function useFourColumns(id: string) {
  return useQuery({
    queryKey: viewKeys.fourColumn(id),
    queryFn: ({ signal }) => api.get<FourColumnView>(path("texts", id, "four-column"), { signal }),
  });
}

export function useTranslations(id: string, language: string) {
  return useQuery({
    queryKey: viewKeys.translations(id, language),
    queryFn: ({ signal }) =>
      api.get<TranslationsView>(
        `${path("texts", id, "translations")}${language ? `?language=${encodeURIComponent(language)}` : ""}`,
        { signal },
      ),
  });
}

/** A change on one paragraph (a comment, a compromise, a translation); every texts view is refetched after. */
export function useParagraphChange(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      paragraphId,
      to,
      body,
    }: {
      paragraphId: string;
      to: string;
      body: Record<string, unknown>;
    }) =>
      api.post<{ id: string; version: number }>(
        path("texts", documentId, "paragraphs", paragraphId, to),
        body,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: textsKeys.all }),
  });
}
