// The texts pages' reads and writes. Every query key starts with "texts", so a live event refreshes them all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CompilationView, DocumentSummary } from "../../../contracts/texts.ts";
import { api, apiRequest } from "../../shell/api.ts";

export type { CompilationView, DocumentSummary };
export type DocumentList = { items: DocumentSummary[]; can: { create: boolean } };
export type Change = { id: string; version: number };

export const textsKeys = {
  all: ["texts"] as const,
  round: (roundId: string) => ["texts", "round", roundId] as const,
  document: (id: string) => ["texts", "document", id] as const,
};

const path = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join("/")}`;

export function useRoundTexts(roundId: string) {
  return useQuery({
    queryKey: textsKeys.round(roundId),
    queryFn: ({ signal }) => api.get<DocumentList>(path("rounds", roundId, "texts"), { signal }),
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: textsKeys.document(id),
    queryFn: ({ signal }) =>
      api.get<CompilationView & { can: Record<string, boolean> }>(path("texts", id), { signal }),
  });
}

/** A write on a document: POST (or PATCH) to a path under it; the document is refetched afterwards, whatever the answer. */
export function useDocumentChange(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      method = "POST",
      to,
      body,
    }: {
      method?: "POST" | "PATCH";
      to: string[];
      body: Record<string, unknown>;
    }) => apiRequest<Change>(method, path("texts", documentId, ...to), body),
    onSettled: () => client.invalidateQueries({ queryKey: textsKeys.document(documentId) }),
  });
}

export function useCreateDocument(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ id: string; version: number; paragraphs: number }>(path("rounds", roundId, "texts"), body),
    onSuccess: () => client.invalidateQueries({ queryKey: textsKeys.round(roundId) }),
  });
}

export const exportPath = (id: string) => path("texts", id, "export.txt");
