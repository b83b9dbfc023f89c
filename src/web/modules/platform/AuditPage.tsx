import { Alert, Button, Center, Group, Loader, Text, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconAlertCircle } from "@tabler/icons-react";
import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { useLiveEvents } from "../../shell/live-events.ts";
import { Page } from "../../shell/Page.tsx";
import { AuditCards, type AuditEntry, AuditTable } from "./AuditEntries.tsx";
import { AuditFilters, type AuditFilterValues, emptyFilters } from "./AuditFilters.tsx";

type AuditPage = { entries: AuditEntry[]; nextBefore: number | null };

const pageSize = 50;
/** Entries without an event of their own (sign-ins, denials) are picked up by this periodic check. */
const headCheckMs = 15_000;
/** Operations whose events announce a new entry at once. */
const announcingEvents = [
  "core.account.create",
  "core.account.update",
  "core.account.set-locale",
  "core.account.disable",
  "core.account.enable",
  "core.membership.add",
  "core.membership.remove",
];

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  const filters = { ...emptyFilters };
  for (const key of Object.keys(filters) as (keyof AuditFilterValues)[]) filters[key] = params.get(key) ?? "";
  return filters;
}

/** The filters as the API takes them: a day in the reader's calendar becomes its first or last instant. */
function queryOf(filters: AuditFilterValues, before?: number) {
  const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
  const dayEnd = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);
  return {
    action: filters.action.trim(),
    actor: filters.actor.trim(),
    outcome: filters.outcome,
    subjectType: filters.subjectType.trim(),
    processId: filters.processId.trim(),
    from: dayStart(filters.from),
    to: dayEnd(filters.to),
    limit: pageSize,
    before,
  };
}

/**
 * The audit log for administrators and the secretariat: filters kept in the address (so a view can be
 * shared), newest first, older pages on demand, and new entries added at the top as they happen.
 */
export function AuditPage() {
  const { t } = useTranslation(["platform", "shell"]);
  const isPhone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const queryKey = useMemo(() => ["platform", "audit", filters] as const, [filters]);
  const [freshSeqs, setFreshSeqs] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState("");

  const log = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>("/api/audit", { query: queryOf(filters, pageParam), signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  /** Fetches the newest entries and puts those not yet shown at the top, keeping loaded pages. */
  const prependNew = useCallback(async () => {
    const current = client.getQueryData<InfiniteData<AuditPage, number | undefined>>(queryKey);
    const first = current?.pages[0];
    if (!current || !first) return;
    const head = await api.get<AuditPage>("/api/audit", { query: queryOf(filters) }).catch(() => null);
    const newest = first.entries[0]?.seq ?? 0;
    const added = head?.entries.filter((entry) => entry.seq > newest) ?? [];
    if (added.length === 0) return;
    client.setQueryData<InfiniteData<AuditPage, number | undefined>>(queryKey, (old) => {
      if (!old?.pages[0]) return old;
      const [top, ...rest] = old.pages;
      return { ...old, pages: [{ ...top, entries: [...added, ...top.entries] }, ...rest] };
    });
    setFreshSeqs(new Set(added.map((entry) => entry.seq)));
    setAnnouncement(t("platform:audit.newEntries", { count: added.length }));
  }, [client, queryKey, filters, t]);

  useLiveEvents(announcingEvents, () => void prependNew(), { onReconnect: () => void prependNew() });
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void prependNew();
    }, headCheckMs);
    return () => clearInterval(timer);
  }, [prependNew]);

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const applyFilters = (next: AuditFilterValues) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search);
  };

  return (
    <Page title={t("platform:audit.title")}>
      <AuditFilters value={filters} onApply={applyFilters} />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {log.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("shell:loading")} />
        </Center>
      ) : log.error ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
          {describeError(t, log.error)}
        </Alert>
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t("platform:audit.empty")}</Text>
      ) : (
        <>
          {isPhone ? (
            <AuditCards entries={entries} fresh={freshSeqs} />
          ) : (
            <AuditTable entries={entries} fresh={freshSeqs} />
          )}
          <Group justify="center">
            {log.hasNextPage ? (
              <Button
                variant="default"
                loading={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {t("platform:audit.loadMore")}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t("platform:audit.end")}
              </Text>
            )}
          </Group>
        </>
      )}
    </Page>
  );
}
